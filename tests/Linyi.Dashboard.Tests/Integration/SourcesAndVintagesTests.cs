using System.IO.Compression;
using System.Net;
using AngleSharp.Dom;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Linyi.Dashboard.Tests.Integration;

public class SourcesAndVintagesTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    private const string MigrationBeforeVintages = "20261122195356_AccountsAuditAndImports";

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task The2024GdpGrowthIsStoredInBothVintagesAndTheFinalOneIsUsed()
    {
        await using var db = Database.CreateContext();
        var reports = await db.Observations.Where(o => o.Indicator!.Code == "gdp_growth" && o.Region!.Slug == "linyi" && o.StartYear == 2024 && o.EndYear == 2024 && o.Kind == ObservationKind.Actual)
            .Select(o => new { o.Id, o.Value, o.Vintage, o.Document!.Url })
            .ToListAsync();
        var ofRecord = await db.Observations.OfRecord(db).SingleAsync(o => reports.Select(r => r.Id).Contains(o.Id));

        Assert.Contains(reports, r => r.Vintage == Vintage.Preliminary && r.Value == 6m);
        Assert.Contains(reports, r => r.Vintage == Vintage.Final && r.Value == 5.7m);
        Assert.All(reports, r => Assert.StartsWith("http", r.Url));
        Assert.Equal(5.7m, ofRecord.Value);
        Assert.Equal(Vintage.Final, ofRecord.Vintage);
    }

    [Fact]
    public async Task GdpHasResultsForAtLeastFourYearsEachFromASourceWithAnAddressOrAFile()
    {
        await using var db = Database.CreateContext();
        var years = await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.Kind == ObservationKind.Actual && o.StartYear == o.EndYear)
            .Select(o => new { o.StartYear, o.Document!.Url, o.Document.SourceFile })
            .ToListAsync();

        Assert.True(years.Select(y => y.StartYear).Distinct().Count() >= 4, string.Join(", ", years.Select(y => y.StartYear).Distinct()));
        Assert.All(years, y => Assert.True(y.Url is not null || y.SourceFile is not null));
    }

    [Fact]
    public async Task TheViewOfRecordAndTheVintageRulePickTheSameReportForEveryKey()
    {
        await AddReportsAsync(("gdp", 2023, Vintage.Preliminary, DocumentKind.Bulletin, "2024-02", 6100m), ("gdp", 2023, Vintage.Final, DocumentKind.News, "2024-09", 6105.1m),
            ("gdp", 2023, Vintage.Final, DocumentKind.StatsRelease, "2024-03", 6105.2m), ("gdp_growth", 2023, Vintage.Final, DocumentKind.Repost, "2026-01", 6.2m),
            ("grain_output", 2023, Vintage.Final, DocumentKind.GovNotice, "2024-03", 426.6m), ("grain_output", 2023, Vintage.Final, DocumentKind.WorkReport, "2024-03-01", 426.7m));
        await using var db = Database.CreateContext();
        await AssertTheTableFollowsTheRuleAsync(db);
        Assert.Equal(6105.2m, (await db.Observations.OfRecord(db).SingleAsync(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual)).Value);
    }

    [Fact]
    public async Task TheFiguresOfRecordFollowEveryKindOfWrite()
    {
        await AddReportsAsync(("gdp", 2010, Vintage.Final, DocumentKind.News, "2024-09", 6105.1m), ("gdp", 2010, Vintage.Final, DocumentKind.StatsRelease, "2024-03", 6105.2m),
            ("gdp", 2010, Vintage.Preliminary, DocumentKind.Bulletin, "2024-02", 6100m));
        await using var db = Database.CreateContext();
        async Task<decimal?> Gdp2010()
        {
            var ofRecord = await db.Observations.OfRecord(db).AsNoTracking()
                .Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2010 && o.EndYear == 2010 && o.Kind == ObservationKind.Actual)
                .Select(o => (decimal?)o.Value).ToListAsync();
            Assert.True(ofRecord.Count <= 1, "at most one figure of record per key");
            await AssertTheTableFollowsTheRuleAsync(db);
            return ofRecord.SingleOrDefault();
        }
        Assert.Equal(6105.2m, await Gdp2010());

        // The statistics release turns out to be a repost: the news report now ranks higher.
        var release = await db.Documents.SingleAsync(d => d.Code == "test-2");
        release.Kind = DocumentKind.Repost;
        await db.SaveChangesAsync();
        Assert.Equal(6105.1m, await Gdp2010());

        // The news report's date moves before the repost's: still the news report (tier before date).
        var news = await db.Documents.SingleAsync(d => d.Code == "test-1");
        news.PublishedOn = "2024-01";
        await db.SaveChangesAsync();
        Assert.Equal(6105.1m, await Gdp2010());

        // The news report is removed: the repost, then the preliminary bulletin when it becomes final.
        var newsReport = await db.Observations.SingleAsync(o => o.DocumentId == news.Id);
        db.Observations.Remove(newsReport);
        await db.SaveChangesAsync();
        Assert.Equal(6105.2m, await Gdp2010());
        var bulletinReport = await db.Observations.SingleAsync(o => o.Document!.Code == "test-3");
        bulletinReport.Vintage = Vintage.Final;
        await db.SaveChangesAsync();
        Assert.Equal(6100m, await Gdp2010());

        // The bulletin's report moves to another year: 2010 falls back to the repost, and 2009 gains it.
        bulletinReport.StartYear = bulletinReport.EndYear = 2009;
        await db.SaveChangesAsync();
        Assert.Equal(6105.2m, await Gdp2010());

        // Whole statements at once, as the seed loader and imports write: every report of the key goes.
        await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2010 && o.Kind == ObservationKind.Actual).ExecuteDeleteAsync();
        Assert.Null(await Gdp2010());
    }

    [Fact]
    public async Task TwoTransactionsReportingTheSameFigureAtOnceLeaveTheBetterReportOfRecord()
    {
        await AddReportsAsync(("gdp", 2010, Vintage.Final, DocumentKind.News, "2024-09", 6105.1m), ("gdp", 2010, Vintage.Preliminary, DocumentKind.News, "2024-02", 6100m));
        await using var first = new NpgsqlConnection(Database.ConnectionString);
        await using var second = new NpgsqlConnection(Database.ConnectionString);
        await first.OpenAsync();
        await second.OpenAsync();
        const string Move = "UPDATE observations SET vintage = '{0}' WHERE document_id = (SELECT id FROM documents WHERE code = '{1}')";
        await using var firstTransaction = await first.BeginTransactionAsync();
        await new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Move, "preliminary", "test-1"), first, firstTransaction).ExecuteNonQueryAsync();

        // The second writer, starting while the first is open, is held until the first ends: told to give up after a
        // short wait for a lock, it gives up rather than choose without the first one's change.
        var secondMove = string.Format(System.Globalization.CultureInfo.InvariantCulture, Move, "final", "test-2");
        await using (var held = await second.BeginTransactionAsync())
        {
            await new NpgsqlCommand("SET LOCAL lock_timeout = '200ms'", second, held).ExecuteNonQueryAsync();
            var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(secondMove, second, held).ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, refused.SqlState);
        }
        var secondWrite = Task.Run(async () =>
        {
            await using var transaction = await second.BeginTransactionAsync();
            await new NpgsqlCommand(secondMove, second, transaction).ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
        await firstTransaction.CommitAsync();
        await secondWrite;

        await using var db = Database.CreateContext();
        await AssertTheTableFollowsTheRuleAsync(db);
        Assert.Equal(6100m, (await db.Observations.OfRecord(db).SingleAsync(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2010 && o.Kind == ObservationKind.Actual)).Value);
    }

    [Fact]
    public async Task AFigureWithTwoVintagesShowsBothAndUsesTheFinalOne()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/indicators/gdp_growth"));
        await using var db = Database.CreateContext();
        var published = await db.Documents.AsNoTracking().Where(d => d.Code == "cppcc2025-gwr" || d.Code == "dzs2025-linyi").ToDictionaryAsync(d => d.Code, d => d.PublishedOn);

        var row = page.One("tr[data-kind='actual'][data-period='2024']");
        var history = row.One(".vintage-history");
        Assert.Equal("1", history.GetAttribute("data-history"));
        var vintages = history.QuerySelectorAll("span.vintage")
            .Select(v => (Vintage: v.GetAttribute("data-vintage"), Document: v.GetAttribute("data-document"), Value: v.GetAttribute("data-value"), OfRecord: v.ClassList.Contains("of-record"), Text: v.Plain()))
            .ToList();
        Assert.Equal([("preliminary", "cppcc2025-gwr", "6", false), ("final", "dzs2025-linyi", "5.7", true)], vintages.Select(v => (v.Vintage, v.Document, v.Value, v.OfRecord)));
        Assert.Equal($"{Words.Zh("Preliminary")} ≈ 6.0% ({published["cppcc2025-gwr"]})", vintages[0].Text);
        Assert.Equal($"{Words.Zh("Final")} 5.7% ({published["dzs2025-linyi"]})", vintages[1].Text);
        Assert.Equal("dzs2025-linyi", row.One("span.citation").GetAttribute("data-document"));
        var shown = Dom.Parse(await CreateClient().GetStringAsync("/")).One("article[data-indicator='gdp'] .goal-progress");
        Assert.Equal("2024", shown.GetAttribute("data-result-year"));
        Assert.Contains(Words.Zh("Actual {0}", 2024) + Words.Zh(": ") + "5.7%", shown.Plain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CitationsLinkToTheSourceAddressOrToTheDocumentInTheSourceList()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/indicators/gdp"));
        await using var db = Database.CreateContext();
        var documents = await db.Documents.AsNoTracking().Where(d => d.Code == "gwr2024" || d.Code == "dzs2025-linyi").ToDictionaryAsync(d => d.Code);
        var (work, repost) = (documents["gwr2024"], documents["dzs2025-linyi"]);
        Assert.Null(work.Url);
        Assert.NotNull(repost.Url);

        var external = page.One("span.citation[data-document='dzs2025-linyi'] cite a");
        Assert.Equal(repost.Url, external.GetAttribute("href"));
        Assert.Equal("noopener noreferrer external", external.GetAttribute("rel"));
        Assert.Equal("_blank", external.GetAttribute("target"));
        var listed = page.One("span.citation[data-document='gwr2024'] cite a");
        Assert.Equal("/sources#gwr2024", listed.GetAttribute("href"));
        Assert.Null(listed.GetAttribute("target"));
        var sources = Dom.Parse(await CreateClient().GetStringAsync("/sources"));
        var workRow = sources.One("tr#gwr2024");
        Assert.Equal(work.TitleZh, workRow.QuerySelectorAll("td")[0].ChildNodes.First().Plain());
        Assert.Equal(SourceKindWord(work.Kind), workRow.QuerySelectorAll("td")[1].Plain());
        var repostRow = sources.One("tr#dzs2025-linyi");
        Assert.Equal(repost.Url, repostRow.One("td a").GetAttribute("href"));
        Assert.Equal(DocumentKind.Repost, repost.Kind);
        Assert.Equal(SourceKindWord(repost.Kind), repostRow.QuerySelectorAll("td")[1].Plain());
        Assert.Equal(repost.Reliability, repostRow.One("small.reliability [data-reliability]").Plain());
    }

    private static string SourceKindWord(DocumentKind kind) => Words.Zh(kind switch
    {
        DocumentKind.WorkReport => "Government work report",
        DocumentKind.Repost => "Repost",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    });

    /// <summary>A seed document with both notes, as documents.csv records it.</summary>
    private static Dictionary<string, string> DocumentWithBothNotes() =>
        Linyi.Dashboard.Intake.Csv.ReadFile(Path.Combine(TestDatabase.SeedsDirectory, "documents.csv"))
            .First(d => d["publisher_en"].Length > 0 && d["reliability_en"].Length > 0);

    private static async Task<AngleSharp.Dom.IElement> SourceEntryAsync(HttpClient client, string code, bool english)
    {
        var page = Dom.Parse(
            await client.GetStringAsync("/sources" + (english ? "?culture=en&ui-culture=en" : "")));
        return page.GetElementById(code) ?? throw new Xunit.Sdk.XunitException($"/sources has no entry for {code}");
    }

    /// <summary>The elements inside an entry whose own text has Chinese characters but that are not marked as Chinese.</summary>
    private static List<string> UnmarkedChinese(AngleSharp.Dom.IElement entry) =>
        entry.QuerySelectorAll("*").Prepend(entry)
            .Where(e => e.ChildNodes.OfType<AngleSharp.Dom.IText>().Any(t => t.Data.Any(c => c is >= '\u3400' and <= '\u9fff' or >= '\u3001' and <= '\u303f' or >= '\uff01' and <= '\uff5e')))
            .Where(e => e.Closest("[lang]")?.GetAttribute("lang") != "zh-CN")
            .Select(e => e.OuterHtml)
            .ToList();

    [Fact]
    public async Task TheEnglishSourcesPageGivesTheDocumentsPublisherAndReliabilityNoteInEnglish()
    {
        var seed = DocumentWithBothNotes();

        var entry = await SourceEntryAsync(CreateClient(), seed["code"], english: true);

        Assert.Equal(seed["reliability_en"], entry.QuerySelector("[data-reliability]")?.TextContent.Trim());
        Assert.Equal(seed["publisher_en"], entry.QuerySelector("[data-publisher]")?.TextContent.Trim());
        Assert.Empty(UnmarkedChinese(entry));
    }

    [Fact]
    public async Task TheChineseSourcesPageKeepsTheChineseNotes()
    {
        var seed = DocumentWithBothNotes();

        var entry = await SourceEntryAsync(CreateClient(), seed["code"], english: false);

        Assert.Equal(seed["reliability"], entry.QuerySelector("[data-reliability]")?.TextContent.Trim());
        Assert.Equal(seed["publisher"], entry.QuerySelector("[data-publisher]")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnEditedDocumentWithoutEnglishNotesShowsTheChineseOnesMarkedAsChinese()
    {
        var seed = DocumentWithBothNotes();
        await using (var db = Database.CreateContext())
        {
            var document = await db.Documents.SingleAsync(d => d.Code == seed["code"]);
            (document.PublisherEn, document.ReliabilityEn) = (null, null);
            await db.SaveChangesAsync();
        }

        var entry = await SourceEntryAsync(CreateClient(), seed["code"], english: true);

        var reliability = entry.QuerySelector("[data-reliability]")!;
        Assert.Equal(seed["reliability"], reliability.TextContent.Trim());
        Assert.Equal("zh-CN", reliability.GetAttribute("lang"));
        Assert.Equal("zh-CN", entry.QuerySelector("[data-publisher]")?.GetAttribute("lang"));
        Assert.Empty(UnmarkedChinese(entry));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/categories/economy")]
    [InlineData("/indicators/gdp")]
    [InlineData("/regions")]
    [InlineData("/regions/junan")]
    [InlineData("/compare")]
    [InlineData("/data")]
    [InlineData("/sources")]
    [InlineData("/about/progress")]
    [InlineData("/account/login")]
    public async Task EveryPageShowsTheNewestSourceDateBehindTheFigures(string url)
    {
        await using var db = Database.CreateContext();
        var newest = (await db.Observations.Select(o => o.Document!.PublishedOn).ToListAsync()).Max(StringComparer.Ordinal);

        var html = await Accounts.Browser(Factory).GetStringAsync(url);

        var asOf = Dom.Parse(html).One("[data-as-of]");
        Assert.Equal(newest, asOf.GetAttribute("data-as-of"));
        Assert.Equal(newest, asOf.One("time").GetAttribute("datetime"));
    }

    [Fact]
    public async Task ADocumentThatFiguresCiteCannotBeDeletedAndTheEditorIsToldHowManyCiteIt()
    {
        await using var db = Database.CreateContext();
        var document = await db.Documents.SingleAsync(d => d.Code == "bonded2021");
        var citing = await db.Observations.CountAsync(o => o.DocumentId == document.Id) + await db.Milestones.CountAsync(m => m.DocumentId == document.Id);
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/documents");

        var response = await editor.PostAsync($"/admin/documents/{document.Id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var refusal = Dom.Parse(await response.Content.ReadAsStringAsync()).One("[data-refused='document']");
        Assert.Equal(Words.Zh("This document is still cited by {0} figures and milestones, so it was not deleted. Change or delete those first.", citing), refusal.Plain());
        Assert.True(await db.Documents.AnyAsync(d => d.Code == "bonded2021"));
    }

    [Fact]
    public async Task AnEditorCanEditAndDeleteAnUncitedDocumentAndBothAreAudited()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/documents/new");
        var fields = new Dictionary<string, string>
        {
            ["code"] = "bulletin2025", ["title_zh"] = "临沂市2025年国民经济和社会发展统计公报", ["title_en"] = "Linyi statistical bulletin 2025",
            ["publisher"] = "临沂市统计局", ["published_on"] = "2026-03", ["kind"] = "bulletin", ["url"] = "https://example.org/bulletin-2025",
            ["reliability"] = "", ["source_file"] = "", ["__RequestVerificationToken"] = token,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/documents/save", new FormUrlEncodedContent(fields))).StatusCode);
        await using var db = Database.CreateContext();
        var id = await db.Documents.Where(d => d.Code == "bulletin2025").Select(d => d.Id).SingleAsync();

        fields["url"] = "ftp://example.org/x";
        var bad = await editor.PostAsync($"/admin/documents/save?id={id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("must be a web address", await bad.Content.ReadAsStringAsync());

        var deleted = await editor.PostAsync($"/admin/documents/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await db.Documents.AnyAsync(d => d.Code == "bulletin2025"));
        Assert.Equal(["create", "delete"], (await db.AuditEntries.Where(a => a.Entity == "document" && a.EntityKey == "bulletin2025").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync())
            .Select(a => a.ToString().ToLowerInvariant()));
    }

    [Fact]
    public async Task TheMigrationKeepsEveryFigureEditAndAuditEntryOfADatabaseFromBeforeVintages()
    {
        var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database + "_migration";
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = name }.ConnectionString;
        await using (var admin = new NpgsqlConnection(Database.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
        }
        DashboardDbContext Context() => new(new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeVintages);
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The data of a seeded database as it was before vintages, plus an editor's correction of one figure.
        await Execute(connection, "SET session_replication_role = replica;\n" + Fixture("before-vintages.sql.gz") + "\nSET session_replication_role = DEFAULT;");
        await Execute(connection, """
            UPDATE observations SET value = 6106 WHERE id = (SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'gdp' AND o.start_year = 2023);
            INSERT INTO audit_entries (at, user_name, action, entity, entity_key, old_values, new_values, source) VALUES (now(), 'editor@example.test', 'update', 'observation', 'gdp/linyi/2023/actual', '{"value":6105}', '{"value":6106}', 'form');
            """);
        var before = await Snapshot(connection, "note");

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
        }

        // Notes were split into two languages later: joined again, every note is kept.
        var after = await Snapshot(connection, "NULLIF(concat_ws(' / ', note_zh, note_en), '')");
        Assert.Equal(before.Observations, after.Observations);
        Assert.Equal(before.Audit, after.Audit);
        Assert.Equal(300, after.Observations.Count);
        Assert.Equal(738, after.Audit.Count);
        Assert.Equal(300L, await Scalar(connection, "SELECT count(*) FROM observations_of_record"));
        Assert.Equal(300L, await Scalar(connection, "SELECT count(*) FROM observations WHERE vintage = 'final'"));
        Assert.Equal(5L, await Scalar(connection, "SELECT count(*) FROM documents WHERE url IS NULL AND source_file IS NOT NULL"));

        // Loading today's seeds on the migrated data adds the public record beside the old rows, and keeps the editor's correction.
        await using (var db = Context())
        {
            await new SeedLoader(db).LoadAsync(SeedReader.ReadDirectory(TestDatabase.SeedsDirectory));
        }
        Assert.Equal((long)File.ReadAllLines(Path.Combine(TestDatabase.SeedsDirectory, "observations.csv")).Skip(1).Count(l => l.Length > 0),
            await Scalar(connection, "SELECT count(*) FROM observations"));
        await connection.CloseAsync();
        await using var cleanup = new NpgsqlConnection(Database.ConnectionString);
        await cleanup.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", cleanup).ExecuteNonQueryAsync();
    }

    private static async Task AssertTheTableFollowsTheRuleAsync(DashboardDbContext db)
    {
        var all = await db.Observations.AsNoTracking()
            .Select(o => new { o.Id, o.IndicatorId, o.RegionId, o.StartYear, o.EndYear, o.Kind, o.Vintage, DocumentKind = o.Document!.Kind, o.Document.PublishedOn, o.Value })
            .ToListAsync();
        var byRule = all.GroupBy(o => (o.IndicatorId, o.RegionId, o.StartYear, o.EndYear, o.Kind))
            .Select(g => VintageRule.PickOfRecord(g.Select(o => new Report(o.Id, o.Vintage, o.DocumentKind, o.PublishedOn, o.Value))).Id)
            .Order().ToList();
        var byTable = await db.ObservationsOfRecord.Select(r => r.ObservationId).OrderBy(id => id).ToListAsync();

        Assert.True(all.Count > byTable.Count, "the data has keys with more than one report");
        Assert.Equal(byRule, byTable);
    }

    private sealed record Report(long Id, Vintage Vintage, DocumentKind DocumentKind, string PublishedOn, decimal Value = 1) : IVintage;

    private sealed record State(List<string> Observations, List<string> Audit);

    private static async Task<State> Snapshot(NpgsqlConnection connection, string note) =>
        new(await Strings(connection, $"SELECT concat_ws('|', id, indicator_id, region_id, start_year, end_year, kind, comparator, value, unit_code, document_id, section, {note}) FROM observations ORDER BY id"),
            await Strings(connection, "SELECT concat_ws('|', id, at, user_name, action, entity, entity_key, old_values, new_values, source, import_id) FROM audit_entries ORDER BY id"));

    private static async Task<List<string>> Strings(NpgsqlConnection connection, string sql)
    {
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql) => (long)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;

    private static Task Execute(NpgsqlConnection connection, string sql) => new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();

    private static string Fixture(string name)
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task AddReportsAsync(params (string Indicator, int Year, Vintage Vintage, DocumentKind Kind, string PublishedOn, decimal Value)[] reports)
    {
        await using var db = Database.CreateContext();
        var linyi = await db.Regions.SingleAsync(r => r.Slug == "linyi");
        var n = 0;
        foreach (var r in reports)
        {
            var document = new SourceDocument { Code = $"test-{++n}", TitleZh = "测试来源", TitleEn = "Test source", PublishedOn = r.PublishedOn, Kind = r.Kind, Url = $"https://example.org/{n}" };
            db.Observations.Add(new Observation
            {
                Indicator = await db.Indicators.SingleAsync(i => i.Code == r.Indicator), Region = linyi, StartYear = r.Year, EndYear = r.Year,
                Kind = ObservationKind.Actual, Value = r.Value, Vintage = r.Vintage, Document = document, Section = "表1",
            });
        }
        await db.SaveChangesAsync();
    }
}
