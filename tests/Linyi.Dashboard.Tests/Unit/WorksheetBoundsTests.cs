using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Features.Worksheets;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>A small upload cannot make the worksheet reader use much memory: rows, columns and unpacked sizes are capped.</summary>
public class WorksheetBoundsTests
{
    private const long AllowedAllocation = 160L * 1024 * 1024;

    private static (List<SeedError> Errors, long Allocated) Read(byte[] file)
    {
        var errors = new List<SeedError>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        WorksheetFile.Read("bomb.xlsx", file, errors);
        return (errors, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void FiveMillionEmptyRowsAreRefusedBeforeTheSheetIsParsed()
    {
        var file = RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader), repeated: "<row/>", times: 5_000_000);
        Assert.True(file.Length < 100_000);

        var (errors, allocated) = Read(file);

        Assert.StartsWith("the workbook, or a part of it, unpacks to more than 16 MB", Assert.Single(errors).Message, StringComparison.Ordinal);
        Assert.True(allocated < 8L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void TwoHundredThousandFullRowsAreRefusedBeforeTheSheetIsParsed()
    {
        var full = RawXlsx.Row(RawXlsx.GdpRow.Select((v, i) => i == 9 ? "" : v));
        var file = RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader), repeated: full, times: 200_000);

        var (errors, allocated) = Read(file);

        Assert.StartsWith("the workbook, or a part of it, unpacks to more than", Assert.Single(errors).Message, StringComparison.Ordinal);
        Assert.True(allocated < 8L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void RowsPastTheCapStopTheReadingThere()
    {
        var full = RawXlsx.Row(RawXlsx.GdpRow.Select((v, i) => i == 9 ? "" : v));
        var file = RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader), repeated: full, times: WorksheetFile.MaxRows + 5_000);

        var (errors, allocated) = Read(file);

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, WorksheetFile.TooManyRows, WorksheetFile.MaxRows), Assert.Single(errors).Message);
        Assert.True(allocated < AllowedAllocation, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData("AAAAAA2")]
    [InlineData("BM2")]
    [InlineData("ZZZZZZZZZZ2")]
    public void ACellFarToTheRightIsRefusedWithoutPaddingTheRow(string reference)
    {
        var cells = string.Concat(RawXlsx.GdpRow.Select(v => RawXlsx.Cell(v))) + RawXlsx.Cell("x", reference);
        var file = RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader) + RawXlsx.Repeat($"<row>{cells}</row>", 4));

        var (errors, allocated) = Read(file);

        var error = Assert.Single(errors);
        Assert.StartsWith("cell ", error.Message, StringComparison.Ordinal);
        Assert.Equal(WorksheetFile.MaxColumns + 1, error.Column);
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void APartThatUnpacksPastTheCapIsRefusedBeforeItIsParsed()
    {
        var file = RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader), repeated: "<row>          </row>", times: 1_000_000);

        var (errors, allocated) = Read(file);

        Assert.StartsWith("the workbook, or a part of it, unpacks to more than", Assert.Single(errors).Message, StringComparison.Ordinal);
        Assert.True(allocated < 8L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void AWorksheetWithinTheCapsIsStillRead()
    {
        var file = RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader) + RawXlsx.Row(RawXlsx.GdpRow) + "<row/>" + $"<row>{RawXlsx.Cell("gdp", "A4")}{RawXlsx.Cell("2021", "I4")}</row>");
        var errors = new List<SeedError>();

        var sheet = WorksheetFile.Read("ok.xlsx", file, errors);

        Assert.Empty(errors);
        Assert.Equal(WorksheetKind.Results, sheet!.Value.Kind);
        Assert.Equal(3, sheet.Value.Records.Count);
        Assert.Equal(RawXlsx.GdpRow, sheet.Value.Records[0].Fields);
        Assert.Equal(4, sheet.Value.Records[2].Line);
        Assert.Equal("2021", sheet.Value.Records[2].Fields[8]);
    }
}
