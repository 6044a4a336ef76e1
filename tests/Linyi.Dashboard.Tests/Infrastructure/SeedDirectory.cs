namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>A throw-away copy of the real seeds folder, for tests that change a file.</summary>
public sealed class SeedDirectory : IDisposable
{
    public string Path { get; }

    private SeedDirectory(string path) => Path = path;

    public static SeedDirectory CopyOfRealSeeds()
    {
        var path = Directory.CreateTempSubdirectory("linyi-seeds-").FullName;
        foreach (var file in Directory.GetFiles(TestDatabase.SeedsDirectory, "*.csv"))
        {
            File.Copy(file, System.IO.Path.Combine(path, System.IO.Path.GetFileName(file)));
        }
        return new SeedDirectory(path);
    }

    public void Rewrite(string file, Func<string, string> change)
    {
        var full = System.IO.Path.Combine(Path, file);
        File.WriteAllText(full, change(File.ReadAllText(full)));
    }

    public void Replace(string file, Func<string, string> changeLine) =>
        Rewrite(file, text => string.Join('\n', text.Split('\n').Select(changeLine)));

    public int LineCount(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file)).TrimEnd('\n').Split('\n').Length;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
