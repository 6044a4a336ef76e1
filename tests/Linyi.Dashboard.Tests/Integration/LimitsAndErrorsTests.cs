using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Pending imports are bounded, odd requests get the right 4xx with a page that explains it, and spoofing text is refused.</summary>
public class LimitsAndErrorsTests(TestDatabase database) : IntegrationTest(database)
{
    private const string Header = "indicator,region,period,kind,comparator,value,unit,vintage,document,section,note_zh,note_en,shape\n";
    private const string English = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    protected override bool StartsFromSeeds => true;

    protected override bool SharesApp => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        var bulletin = new SourceDocument { Code = "bulletin2024", TitleZh = "2024年统计公报", TitleEn = "2024 statistical bulletin", PublishedOn = "2025-03", Kind = DocumentKind.Bulletin, SourceFile = "bulletin.txt" };
        db.Documents.Add(bulletin);
        db.Observations.Add(new Observation
        {
            Indicator = await db.Indicators.SingleAsync(i => i.Code == "gdp"), Region = await db.Regions.SingleAsync(r => r.Slug == "linyi"),
            StartYear = 2022, EndYear = 2022, Kind = ObservationKind.Actual, Value = 5778, Document = bulletin, Section = "表1",
        });
        await db.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient editor, byte[] content)
    {
        var token = await Accounts.TokenAsync(editor, "/admin/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "figures.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await editor.PostAsync("/admin/import", form);
    }

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient editor, string previewHtml)
    {
        var apply = Dom.Parse(previewHtml).One("form.import-apply").GetAttribute("action");
        Assert.False(string.IsNullOrEmpty(apply));
        var token = await Accounts.TokenAsync(editor, "/admin/import");
        return await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    private static byte[] Revision => Encoding.UTF8.GetBytes(Header + "gdp,linyi,2022,actual,=,5778.8,,final,bulletin2024,表1,修订,,\n");

    [Fact]
    public async Task APreviewOlderThanADayExpiresAndAppliesNothing()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var preview = await UploadAsync(editor, Revision);
        await using (var db = Database.CreateContext())
        {
            await db.PendingImports.ExecuteUpdateAsync(p => p.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddHours(-25)));
        }
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var applied = await ApplyAsync(editor, await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, applied.StatusCode);
        Assert.Contains("has expired", await applied.Content.ReadAsStringAsync());
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        await using var after = Database.CreateContext();
        Assert.False(await after.PendingImports.AnyAsync());
    }

    [Fact]
    public async Task WaitingPreviewsAreBoundedInTotalSizeAndExpiredOnesAreCleared()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("Imports:PendingMegabytes", "4"));
        var editor = await Accounts.SignedInAsync(factory, Roles.Editor);
        await using (var db = Database.CreateContext())
        {
            db.PendingImports.Add(new PendingImport { Id = Guid.NewGuid(), UserName = "someone", FileName = "big.csv", Content = new byte[4 * 1024 * 1024], CreatedAt = DateTimeOffset.UtcNow });
            db.PendingImports.Add(new PendingImport { Id = Guid.NewGuid(), UserName = "someone", FileName = "old.csv", Content = new byte[1024], CreatedAt = DateTimeOffset.UtcNow.AddDays(-2) });
            await db.SaveChangesAsync();
        }

        var refused = await UploadAsync(editor, Revision);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("previews waiting to be applied", await refused.Content.ReadAsStringAsync());
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(["big.csv"], await db.PendingImports.Select(p => p.FileName).ToListAsync());
            await db.PendingImports.ExecuteDeleteAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(editor, Revision)).StatusCode);
    }

    /// <summary>Commits a change to every figure that the apply is about to update, just before its update runs.</summary>
    private sealed class ConcurrentWriter(string connectionString) : DbCommandInterceptor
    {
        private int fired;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE observations", StringComparison.Ordinal) && Interlocked.Exchange(ref fired, 1) == 0)
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await new NpgsqlCommand("UPDATE observations SET note_zh = 'changed meanwhile' WHERE start_year = 2022 AND document_id = (SELECT id FROM documents WHERE code = 'bulletin2024')", connection).ExecuteNonQueryAsync(cancellationToken);
            }
            return result;
        }
    }

    private static async Task<HashSet<int>> IdleBackendsAsync(string connectionString)
    {
        // Unpooled, so that every pooled connection of this process (the app's included) shows as idle.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'idle' AND pid <> pg_backend_pid()
              AND query NOT LIKE 'SELECT coalesce((SELECT version FROM data_version%'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new HashSet<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    [Fact]
    public async Task ASerializationConflictOnApplyIsA409ThatKeepsTheConnectionPools()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b
            .ConfigureTestServices(s => s.AddSingleton<IInterceptor>(new ConcurrentWriter(Database.ConnectionString))));
        var editor = await Accounts.SignedInAsync(factory, Roles.Editor);
        var preview = await UploadAsync(editor, Revision);
        var idleBefore = await IdleBackendsAsync(Database.ConnectionString);
        Assert.NotEmpty(idleBefore);

        var applied = await ApplyAsync(editor, await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, applied.StatusCode);
        Assert.Contains("someone else changed the same figures at the same moment", await applied.Content.ReadAsStringAsync());
        await using (var db = Database.CreateContext())
        {
            var figure = await db.Observations.SingleAsync(o => o.Document!.Code == "bulletin2024");
            Assert.Equal(5778m, figure.Value);
            Assert.Equal("changed meanwhile", figure.NoteZh);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Source == ChangeSource.Import));
        }
        // Clearing the pools would have closed every idle connection the app held before the conflict.
        Assert.NotEmpty(idleBefore.Intersect(await IdleBackendsAsync(Database.ConnectionString)));
    }

    [Theory]
    [InlineData("/error/101")]
    [InlineData("/error/-1")]
    [InlineData("/error/1000")]
    [InlineData("/error/200")]
    [InlineData("/error/302")]
    [InlineData("/error/418")]
    public async Task AStatusPageForACodeTheAppDoesNotUseIsANotFound(string url)
    {
        var response = await CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", Dom.Parse(await response.Content.ReadAsStringAsync()).One("section.error-page").GetAttribute("data-status"));
    }

    [Fact]
    public async Task AStatusPageForACodeTheAppUsesKeepsItsCode() =>
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreateClient().GetAsync("/error/429")).StatusCode);

    [Theory]
    [InlineData("/data?page=2147483647")]
    [InlineData("/api/observations?page=2147483647")]
    [InlineData("/culture/%20")]
    [InlineData("/admin/audit?user=%00")]
    [InlineData("/admin/audit?key=a%00b")]
    [InlineData("/admin/observations?indicator=%00")]
    [InlineData("/admin/observations?region=gdp%00")]
    public async Task OddParametersAreBadRequestsNotServerErrors(string url)
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var response = await editor.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/data")]
    [InlineData("/indicators/gdp")]
    [InlineData("/sources")]
    [InlineData("/account/login")]
    [InlineData("/api/regions")]
    [InlineData("/api/observations?region=linyi")]
    public async Task HeadWorksWhereverGetDoes(string url)
    {
        var client = Accounts.Browser(Factory);

        var get = await client.GetAsync(url);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheApiDescriptionListsGetOperationsOnly()
    {
        var document = System.Text.Json.JsonDocument.Parse(await CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var methods = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => m.Name)).Distinct().ToList();

        Assert.Contains("get", methods);
        Assert.DoesNotContain("head", methods);
    }

    [Fact]
    public async Task HeadOnAPageThatNeedsSignInRedirectsLikeGet()
    {
        var head = await CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/admin"));

        Assert.Equal(HttpStatusCode.Redirect, head.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/data")]
    [InlineData("PATCH", "/api/regions")]
    [InlineData("PUT", "/admin/users")]
    [InlineData("DELETE", "/account/login")]
    public async Task OtherMethodsAre405WithAnAllowHeader(string method, string url)
    {
        var response = await CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.DoesNotContain(method, response.Content.Headers.Allow);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFormWithoutAValidAntiforgeryTokenGetsAPageThatSaysWhatToDo()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        editor.DefaultRequestHeaders.Add("Cookie", English);
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var response = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(new Dictionary<string, string> { ["Indicator"] = "gdp", ["__RequestVerificationToken"] = "stale" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync()).One("section.error-page");
        Assert.Equal("400", page.GetAttribute("data-status"));
        Assert.Equal(FriendlyFailures.ExpiredForm, page.One(".error-message").GetAttribute("data-message"));
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }

    [Fact]
    public async Task AnUploadOverTheSizeLimitGetsAPageThatSaysWhatToDo()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        editor.DefaultRequestHeaders.Add("Cookie", English);

        var response = await UploadAsync(editor, new byte[(ImportService.MaxFileBytes * 4) + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync()).One("section.error-page");
        Assert.Equal("413", page.GetAttribute("data-status"));
        // The sentence names the limit in MB and says what to do.
        Assert.Contains("Split the file into smaller files", page.One(".error-message").GetAttribute("data-message"));
    }

    [Fact]
    public async Task ARateLimitedRequestSaysToWaitNotThatSomethingBroke()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:LoginPerMinute", "1"));
        var client = Accounts.Browser(factory);
        client.DefaultRequestHeaders.Add("Cookie", English);
        await Accounts.LoginAsync(client, "nobody@example.test", "wrong-password-123");

        var limited = await Accounts.LoginAsync(client, "nobody@example.test", "wrong-password-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var page = Dom.Parse(await limited.Content.ReadAsStringAsync()).One("section.error-page");
        Assert.Equal("429", page.GetAttribute("data-status"));
        Assert.Contains(Words.En("Too many requests came from you in a short time. Wait a minute, then try again."), page.Plain());
        Assert.DoesNotContain(Words.En("An unexpected error occurred. It has been logged."), page.Plain());
    }

    [Fact]
    public async Task AForbiddenPageSaysWhatPermissionIsMissingNotThatSomethingBroke()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        editor.DefaultRequestHeaders.Add("Cookie", English);

        var denied = await editor.GetAsync((await editor.GetAsync("/admin/users")).Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var page = Dom.Parse(await denied.Content.ReadAsStringAsync()).One("section.error-page");
        Assert.Equal("403", page.GetAttribute("data-status"));
        Assert.Contains(Words.En("Your account does not have the permission this page needs. Sign in with another account, or ask an administrator."), page.Plain());
        Assert.DoesNotContain(Words.En("An unexpected error occurred. It has been logged."), page.Plain());
    }

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u202A")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    public async Task BidiOverridesAreRefusedInFormsAndImports(string control)
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");

        var form = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Indicator"] = "gdp", ["Region"] = "linyi", ["Period"] = "2025", ["Kind"] = "actual", ["Comparator"] = "=", ["Value"] = "6500",
            ["Document"] = "gwr2024", ["Section"] = "§1", ["NoteZh"] = $"fine{control}txt.exe", ["__RequestVerificationToken"] = token,
        }));
        var import = await UploadAsync(editor, Encoding.UTF8.GetBytes(Header + $"gdp,linyi,2022,actual,=,5778.8,,final,bulletin2024,表{control}1,,,\n"));

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("bidirectional override character", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("bidirectional override character", await import.Content.ReadAsStringAsync());
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        await using var db = Database.CreateContext();
        Assert.False(await db.PendingImports.AnyAsync());
    }

}
