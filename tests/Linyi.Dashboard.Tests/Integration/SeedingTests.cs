using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class SeedingTests(TestDatabase database) : IntegrationTest(database)
{
    [Fact]
    public async Task LoadingTheSeedsTwiceWritesNothingTheSecondTime()
    {
        var first = await Database.LoadSeedsAsync();
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var second = await Database.LoadSeedsAsync();

        Assert.True(first.Added > 100);
        Assert.Equal(0, second.Added);
        Assert.Equal(0, second.Updated);
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }

    [Fact]
    public async Task LoadingTheSeedsGivesTheExpectedCountsPerDocumentAndKind()
    {
        await Database.LoadSeedsAsync();
        await using var db = Database.CreateContext();

        var observations = (await db.Observations.GroupBy(o => new { o.Document!.Code, o.Kind }).Select(g => new { g.Key.Code, g.Key.Kind, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => (g.Code, g.Kind), g => g.Count);
        var milestones = await db.Milestones.GroupBy(m => m.Document!.Code).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        // The five source documents' figures, as extracted; then every row of the public record.
        Assert.Equal(new Dictionary<(string, ObservationKind), int>
        {
            [("gwr2024", ObservationKind.Actual)] = 130, [("gwr2024", ObservationKind.Target)] = 100, [("gwr2024", ObservationKind.Stretch)] = 19,
            [("strategies2024", ObservationKind.Actual)] = 19, [("strategies2024", ObservationKind.Target)] = 2,
            [("industry2022", ObservationKind.Actual)] = 2, [("industry2022", ObservationKind.Target)] = 2, [("industry2022", ObservationKind.Stretch)] = 8,
            [("bonded2021", ObservationKind.Actual)] = 12,
            [("yiyuan2021", ObservationKind.Actual)] = 6,
        }, observations.Where(o => SeedDocuments.Contains(o.Key.Code)).ToDictionary());
        Assert.Equal(SeedFileRows("observations.csv"), observations.Values.Sum());
        Assert.Equal(new Dictionary<string, int> { ["gwr2024"] = 105, ["strategies2024"] = 26, ["bonded2021"] = 12, ["yiyuan2021"] = 9, ["industry2022"] = 8 },
            milestones.Where(m => SeedDocuments.Contains(m.Key)).ToDictionary());
        Assert.Equal(SeedFileRows("milestones.csv"), milestones.Values.Sum());
        Assert.Equal(SeedFileRows("indicators.csv"), await db.Indicators.CountAsync());
        Assert.Equal(19, await db.Regions.CountAsync());
    }

    private static readonly string[] SeedDocuments = ["gwr2024", "strategies2024", "industry2022", "bonded2021", "yiyuan2021"];

    /// <summary>Data rows in a seed file, counted as lines (no seed value spans lines).</summary>
    private static int SeedFileRows(string file) =>
        File.ReadAllLines(Path.Combine(TestDatabase.SeedsDirectory, file)).Skip(1).Count(line => line.Length > 0);

    public static TheoryData<string, string, string, ObservationKind, Comparator, double, string?> HeadlineFigures => new()
    {
        { "gdp", "linyi", "2023", ObservationKind.Actual, Comparator.Eq, 6105, null },
        { "gdp_growth", "linyi", "2023", ObservationKind.Actual, Comparator.Eq, 6.3, null },
        { "gdp_growth", "linyi", "2024", ObservationKind.Target, Comparator.Eq, 5.5, null },
        { "gdp_growth", "linyi", "2024", ObservationKind.Stretch, Comparator.Ge, 6, null },
        { "logistics_total", "linyi", "2023", ObservationKind.Actual, Comparator.Eq, 9334, null },
        { "budget_revenue", "linyi", "2023", ObservationKind.Actual, Comparator.Eq, 445.8, null },
        { "grain_output", "linyi", "2023", ObservationKind.Actual, Comparator.Eq, 426.5, null },
        { "grain_output", "linyi", "2024", ObservationKind.Target, Comparator.Ge, 85, "亿斤" },
        { "hundred_bn_firms", "linyi", "2023", ObservationKind.Actual, Comparator.Eq, 10, null },
        { "hundred_bn_firms", "linyi", "2022-2026", ObservationKind.Stretch, Comparator.Eq, 15, "个" },
        { "thousand_bn_industries", "linyi", "2022-2026", ObservationKind.Stretch, Comparator.Eq, 4, null },
        { "industrial_output", "junan", "2024", ObservationKind.Stretch, Comparator.Ge, 1000, null },
        { "industrial_output", "yishui", "2024", ObservationKind.Stretch, Comparator.Ge, 1000, null },
    };

    [Theory]
    [MemberData(nameof(HeadlineFigures))]
    public async Task HeadlineFiguresAreLoadedAsTheDocumentsStateThem(string indicator, string region, string period, ObservationKind kind, Comparator comparator, double value, string? unit)
    {
        await Database.LoadSeedsAsync();
        await using var db = Database.CreateContext();
        var p = Period.TryParse(period, out var parsed) ? parsed.Value : throw new ArgumentException(period);

        var row = await db.Observations.SingleAsync(o => o.Indicator!.Code == indicator && o.Region!.Slug == region && o.StartYear == p.StartYear && o.EndYear == p.EndYear && o.Kind == kind);

        Assert.Equal((decimal)value, row.Value);
        Assert.Equal(comparator, row.Comparator);
        Assert.Equal(unit, row.UnitCode);
        Assert.False(string.IsNullOrWhiteSpace(row.Section));
    }

    [Fact]
    public async Task YiyuanFiguresStayOutsideLinyi()
    {
        await Database.LoadSeedsAsync();
        await using var db = Database.CreateContext();

        var yiyuan = await db.Regions.SingleAsync(r => r.Slug == "yiyuan");
        var fromYiyuanDocument = await db.Observations.Where(o => o.Document!.Code == "yiyuan2021").Select(o => o.Region!.Slug).Distinct().ToListAsync();

        Assert.Equal(RegionKind.Outside, yiyuan.Kind);
        Assert.Null(yiyuan.ParentId);
        Assert.Equal(["yiyuan"], fromYiyuanDocument);
    }

    [Fact]
    public async Task AChangedSeedRowIsUpdatedInPlace()
    {
        await Database.LoadSeedsAsync();
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        seeds.Replace("observations.csv", line => line.StartsWith("gdp,linyi,2023,actual,", StringComparison.Ordinal)
            ? line.Replace(",6105,", ",6106,", StringComparison.Ordinal) : line);

        await using var db = Database.CreateContext();
        var result = await new SeedLoader(db).LoadAsync(SeedReader.ReadDirectory(seeds.Path));

        Assert.Equal(0, result.Added);
        Assert.Equal(1, result.Updated);
        var gdp = await db.Observations.SingleAsync(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual);
        Assert.Equal(6106m, gdp.Value);
    }

    [Fact]
    public async Task ARowTheSeedsNoLongerHaveIsRetiredUnlessAPersonTouchedIt()
    {
        await Database.LoadSeedsAsync();
        await using (var db = Database.CreateContext())
        {
            // An editor's own figure citing a seed document, recorded as a form change.
            var gdp = await db.Indicators.SingleAsync(i => i.Code == "gdp");
            db.Observations.Add(new Observation { Indicator = gdp, RegionId = (await db.Regions.SingleAsync(r => r.Slug == "linyi")).Id, StartYear = 2024, EndYear = 2024,
                Kind = ObservationKind.Actual, Value = 6500, DocumentId = (await db.Documents.SingleAsync(d => d.Code == "gwr2024")).Id, Section = "editor" });
            await db.SaveAuditedChangesAsync(new AuditScope("editor@example.test", ChangeSource.Form), default);
        }
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        seeds.Replace("observations.csv", line => line.StartsWith("logistics_total,linyi,2023,actual,", StringComparison.Ordinal) ? "" : line);
        seeds.Rewrite("observations.csv", text => text.Replace("\n\n", "\n", StringComparison.Ordinal));

        await using var context = Database.CreateContext();
        var result = await new SeedLoader(context).LoadAsync(SeedReader.ReadDirectory(seeds.Path));

        Assert.Equal(1, result.Removed);
        Assert.False(await context.Observations.AnyAsync(o => o.Indicator!.Code == "logistics_total" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual));
        Assert.True(await context.Observations.AnyAsync(o => o.Indicator!.Code == "gdp" && o.StartYear == 2024));
        Assert.Equal(ChangeSource.Seed, (await context.AuditEntries.SingleAsync(a => a.EntityKey == "logistics_total/linyi/2023/actual@gwr2024" && a.Action == AuditAction.Delete)).Source);
    }

    public static TheoryData<string, Func<string, string>, string, int, int, string> BadFiles => new()
    {
        { "observations.csv", AppendLine("gdp,nowhere,2023,actual,=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 2, "unknown region 'nowhere'" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,12x3,,final,gwr2024,s,,,"), "observations.csv", -1, 6, "'12x3' is not a plain number" },
        { "observations.csv", AppendLine("gdp,linyi,20x3,actual,=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 3, "must be a year" },
        { "observations.csv", AppendLine("gdp,linyi,2031,guess,=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 4, "is not one of: actual, target, stretch" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,>>,1,,final,gwr2024,s,,,"), "observations.csv", -1, 5, "is not one of" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,万吨,final,gwr2024,s,,,"), "observations.csv", -1, 7, "cannot express indicator 'gdp'" },
        { "observations.csv", DuplicateLastLine, "observations.csv", -1, 9, "duplicate observation" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,guess,gwr2024,s,,,"), "observations.csv", -1, 8, "vintage 'guess' is not one of: preliminary, final" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,preliminary,,s,,,"), "observations.csv", -1, 9, "document is required" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,preliminary,nosuchdoc,s,,,"), "observations.csv", -1, 9, "unknown document 'nosuchdoc'" },
        { "documents.csv", AppendLine("doc,题,Title,,2024-12,news,ftp://example.org/x,,,,"), "documents.csv", -1, 7, "must be a web address starting with http:// or https://" },
        { "documents.csv", AppendLine("doc,题,Title,,2024-12,rumour,,,,,"), "documents.csv", -1, 6, "is not one of: work-report, bulletin, stats-release, gov-notice, news, repost" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,furlongs,level,higher,0,bar,,,,,,,"), "indicators.csv", -1, 5, "unknown unit 'furlongs'" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,亿元,level,higher,0,bar,gdp,,,,,,"), "indicators.csv", -1, 10, "only for indicators whose measure is growth" },
        { "indicators.csv", AppendLine("new_rank,economy,新,New,位,rank,lower,0,line,,,,16,1,,"), "indicators.csv", -1, 14, "axis_max must be greater than axis_min" },
        { "regions.csv", AppendLine("Bad Slug,坏,Bad,county,linyi,"), "regions.csv", -1, 1, "must be lowercase letters" },
        { "milestones.csv", AppendLine("linyi,2023,nosuch,project,标题,Title,gwr2024,s"), "milestones.csv", -1, 3, "unknown category 'nosuch'" },
        { "units.csv", AppendLine("斤,jin,mass,0"), "units.csv", -1, 4, "must be greater than zero" },
        { "documents.csv", AppendLine("doc,题,Title,,2024-13,news,,,f.txt,,"), "documents.csv", -1, 5, "must be YYYY, YYYY-MM or YYYY-MM-DD" },
        { "documents.csv", AppendLine("doc,题,Title,某报,2024-12,news,,,,,"), "documents.csv", -1, 10, "publisher_en is required when publisher is given" },
        { "documents.csv", AppendLine("doc,题,Title,某报,2024-12,news,,转载。,,A paper,"), "documents.csv", -1, 11, "reliability_en is required when reliability is given" },
        { "observations.csv", _ => "indicator,region,value\n", "observations.csv", 1, 3, "column 3 is 'value', expected 'period'" },
        { "observations.csv", _ => "", "observations.csv", 1, 1, "the file is empty" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,final,gwr2024,\"unclosed"), "observations.csv", -1, 10, "a quoted field is never closed" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1"), "observations.csv", -1, 7, "the record has 6 fields, expected 13" },
        { "observations.csv", AppendLine("gdp,linyi,2031,target,>=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 13, "needs its shape" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,final,gwr2024,s,,,level"), "observations.csv", -1, 13, "a result has no shape" },
        { "observations.csv", AppendLine("gdp,linyi,2031,target,>=,1,,final,gwr2024,s,,,yearly"), "observations.csv", -1, 13, "shape 'yearly' is not one of" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,亿元,level,higher,0,bar,,,,,,real,"), "indicators.csv", -1, 15, "basis is only for indicators whose measure is growth" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,个,count,higher,0,bar,,,,,,,"), "indicators.csv", -1, 16, "unit_en is required for unit '个'" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,万个,count,higher,0,bar,,,,,,,places"), "indicators.csv", -1, 16, "must open with '10 thousand'" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,万个,count,higher,0,bar,,,,,,,10 thousand "), "indicators.csv", -1, 16, "must open with '10 thousand' and name what is counted" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,个,count,higher,0,bar,,,,,,,10 thousand places"), "indicators.csv", -1, 16, "must not open with a multiplier" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadSeedFileIsRejectedWithFileLineAndColumnAndNothingIsWritten(
        string file, Func<string, string> corrupt, string errorFile, int line, int column, string message)
    {
        await Database.LoadSeedsAsync();
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        seeds.Rewrite(file, corrupt);
        var expectedLine = line > 0 ? line : seeds.LineCount(file);

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(seeds.Path));

        Assert.Contains(error.Errors, e => e.File == errorFile && e.Line == expectedLine && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }

    [Fact]
    public async Task AFileThatIsNotUtf8IsRejected()
    {
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        File.WriteAllBytes(Path.Combine(seeds.Path, "milestones.csv"), [0x72, 0x65, 0x67, 0xC0, 0xAF, 0x0A]);

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(seeds.Path));

        Assert.Contains(error.Errors, e => e.File == "milestones.csv" && e.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AMissingSeedFileIsNamed()
    {
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        File.Delete(Path.Combine(seeds.Path, "units.csv"));

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(seeds.Path));

        Assert.Contains(error.Errors, e => e.File == "units.csv" && e.Message == "the file is missing");
        await Task.CompletedTask;
    }

    private static Func<string, string> AppendLine(string line) => text => text.TrimEnd('\n') + "\n" + line + "\n";

    private static string DuplicateLastLine(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return text.TrimEnd('\n') + "\n" + lines[^1] + "\n";
    }
}
