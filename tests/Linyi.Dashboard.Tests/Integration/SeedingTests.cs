using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class SeedingTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task LoadingTheSeedsTwiceWritesNothingTheSecondTime()
    {
        await Database.ResetAsync();
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

    [Fact]
    public async Task ABadSeedFileWritesNothing()
    {
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        seeds.Replace("observations.csv", line => line.StartsWith("gdp,linyi,2023,actual,", StringComparison.Ordinal)
            ? line.Replace(",6105,", ",6106,", StringComparison.Ordinal) : line);
        seeds.Rewrite("regions.csv", text => text.TrimEnd('\n') + "\nBad Slug,Bad,Bad,county,linyi,\n");
        await using var db = Database.CreateContext();

        await Assert.ThrowsAsync<SeedValidationException>(async () => await new SeedLoader(db).LoadAsync(SeedReader.ReadDirectory(seeds.Path)));

        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }
}
