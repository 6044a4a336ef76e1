using System.Text;
using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Tests.Integration;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>scripts/intake.sh on files it cannot read: a clear message on standard error, exit status 1, no CSV.</summary>
public class IntakeCommandTests
{
    private static readonly Dictionary<string, Func<byte[]>> BadFileContents = new()
    {
        ["empty file"] = () => [],
        ["image-only PDF"] = IntakeTests.ImageOnlyPdf,
        ["macro-enabled Word file"] = IntakeTests.MacroDocument,
        ["macros in a .docx"] = IntakeTests.MacroDocument,
        ["binary garbage"] = IntakeTests.Garbage,
    };

    public static TheoryData<string, string> BadFiles => new()
    {
        { "empty file", "report.txt" },
        { "image-only PDF", "scan.pdf" },
        { "macro-enabled Word file", "report.docm" },
        { "macros in a .docx", "report.docx" },
        { "binary garbage", "report.txt" },
    };

    private static (int Status, string Output, string Error) Run(string name, Action<string> write, params string[] options)
    {
        var folder = Directory.CreateTempSubdirectory("intake-command-").FullName;
        try
        {
            var file = Path.Combine(folder, name);
            write(file);
            Environment.SetEnvironmentVariable("LINYI_SEEDS_DIR", TestDatabase.SeedsDirectory);
            var output = new StringWriter();
            var error = new StringWriter();
            var status = IntakeCommand.Run([file, .. options], output, error);
            return (status, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void AFileItCannotReadGivesAMessageAndStatusOne(string what, string name)
    {
        var content = BadFileContents[what]();
        var (status, output, error) = Run(name, file => File.WriteAllBytes(file, content));

        Assert.True(status == 1, what);
        Assert.Equal("", output);
        Assert.StartsWith("intake: ", error, StringComparison.Ordinal);
        Assert.Contains(name, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFiftyMegabyteFileIsRefusedBeforeItIsRead()
    {
        var (status, output, error) = Run("report.txt", file =>
        {
            using var stream = File.Create(file);
            stream.SetLength(50L * 1024 * 1024);
        });

        Assert.Equal((1, ""), (status, output));
        Assert.Contains("50 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GbkTextIsReadLikeUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "一、2023年工作回顾\n\n这一年，我们强化目标引领，经济发展塑成新位势。地区生产总值突破6000亿元，达到6105亿元、增长6.3%。";

        var gbk = Run("report.txt", file => File.WriteAllBytes(file, Encoding.GetEncoding("GB18030").GetBytes(text)), "--year", "2024");
        var utf8 = Run("report.txt", file => File.WriteAllText(file, text, new UTF8Encoding(false)), "--year", "2024");

        Assert.Equal(0, gbk.Status);
        Assert.Equal(utf8.Output, gbk.Output);
        Assert.Contains(",gdp,linyi,2023,actual,=,6105,亿元,no,", gbk.Output, StringComparison.Ordinal);
    }
}
