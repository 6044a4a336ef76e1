using System.Diagnostics;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>Poppler's pdffonts and qpdf, as a records office would check a file (scripts/test.sh installs both).</summary>
public static class PdfTools
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"linyi-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments.Append(file))
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>pdffonts' rows as (name, type), e.g. ("AAAAAA+WenQuanYiMicroHei", "CID TrueType").</summary>
    public static async Task<List<(string Name, string Type)>> FontsAsync(byte[] pdf)
    {
        var (exitCode, output) = await RunAsync("pdffonts", pdf);
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var typeColumn = header.IndexOf("type", StringComparison.Ordinal);
        var encodingColumn = header.IndexOf("encoding", StringComparison.Ordinal);
        return lines.Skip(2).Select(l => (l[..typeColumn].Trim(), l[typeColumn..encodingColumn].Trim())).ToList();
    }
}
