using System.Net;
using System.Text;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linyi.Dashboard.Tests.Integration;

public class EditingTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    private async Task<long> ObservationIdAsync(string indicator, int year, ObservationKind kind)
    {
        await using var db = Database.CreateContext();
        return await db.Observations.Where(o => o.Indicator!.Code == indicator && o.Region!.Slug == "linyi" && o.StartYear == year && o.Kind == kind && o.Document!.Code == "gwr2024").Select(o => o.Id).SingleAsync();
    }

    private static System.Text.Json.JsonElement Json(string? json) => System.Text.Json.JsonDocument.Parse(json!).RootElement;

    private static Dictionary<string, string> GdpActual2024(string token, string value = "6500") => new()
    {
        ["Indicator"] = "gdp", ["Region"] = "linyi", ["Period"] = "2024", ["Kind"] = "actual", ["Comparator"] = "=", ["Value"] = value,
        ["Document"] = "gwr2024", ["Section"] = "test ¶1", ["NoteZh"] = "", ["NoteEn"] = "", ["__RequestVerificationToken"] = token,
    };

    [Fact]
    public async Task EveryWriteEndpointSendsAnonymousVisitorsToTheLoginPage()
    {
        var anonymous = Accounts.Browser(Factory);
        var token = await Accounts.TokenAsync(anonymous, "/account/login");
        var writes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => route != "/account/login")
            .ToList();

        Assert.True(writes.Count >= 10, $"Only {writes.Count} write endpoints found.");
        foreach (var route in writes)
        {
            var url = route.Replace("{id:long}", "1", StringComparison.Ordinal).Replace("{id:int}", "1", StringComparison.Ordinal)
                .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            var response = await anonymous.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} answered {response.StatusCode}");
            Assert.StartsWith("/account/login", response.Headers.Location!.ToString());
        }
    }

    public static TheoryData<string, string, HttpStatusCode, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        // method, url, anonymous, editor, admin
        { "GET", "/admin", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/observations", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/observations/new", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/indicators/new", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/milestones/new", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/documents/new", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/import", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/audit", HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK },
        { "GET", "/admin/users", HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.OK },
        { "POST", "/admin/observations/save", HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect },
        { "POST", "/admin/users", HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.BadRequest },
        { "POST", "/admin/indicators/save", HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest },
        { "POST", "/admin/milestones/save", HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest },
        { "POST", "/admin/documents/save", HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest },
        { "POST", "/admin/observations/999999/delete", HttpStatusCode.Redirect, HttpStatusCode.NotFound, HttpStatusCode.NotFound },
        { "POST", "/admin/import", HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task TheAuthorizationMatrixHolds(string method, string url, HttpStatusCode anonymous, HttpStatusCode editor, HttpStatusCode admin)
    {
        var clients = new[] { (Accounts.Browser(Factory), anonymous, "anonymous"), (await Accounts.SignedInAsync(Factory, Roles.Editor), editor, "editor"), (await Accounts.SignedInAsync(Factory, Roles.Admin), admin, "admin") };
        foreach (var (client, expected, who) in clients)
        {
            HttpResponseMessage response;
            if (method == "GET")
            {
                response = await client.GetAsync(url);
            }
            else
            {
                var token = await Accounts.TokenAsync(client, "/account/login");
                var form = url == "/admin/observations/save" ? GdpActual2024(token) : new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
                // Each role saves a figure of its own, so that no save collides with another's.
                form["Period"] = who == "admin" ? "2026" : "2025";
                response = await client.PostAsync(url, new FormUrlEncodedContent(form));
            }
            Assert.True(expected == response.StatusCode, $"{who} {method} {url}: expected {expected}, got {response.StatusCode} → {response.Headers.Location}");
            if (expected == HttpStatusCode.Redirect && who != "admin" && url != "/admin/observations/save")
            {
                Assert.Contains(who == "anonymous" ? "/account/login" : "/account/denied", response.Headers.Location!.ToString());
            }
        }
    }

    [Fact]
    public async Task APostWithoutAnAntiforgeryTokenIsRejectedAndWritesNothing()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var form = GdpActual2024("");
        form.Remove("__RequestVerificationToken");
        var response = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }

    [Fact]
    public async Task AnEditorsNewFigureAppearsOnTheDashboardAndInTheAuditTrail()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");

        var saved = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(GdpActual2024(token)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = Database.CreateContext();
        var unit = await db.Indicators.Where(i => i.Code == "gdp").Select(i => i.UnitCode).SingleAsync();
        var indicator = Dom.Parse(await editor.GetStringAsync("/indicators/gdp"));
        Assert.StartsWith("6,500" + unit, indicator.One("tr[data-kind='actual'][data-period='2024'] td.num").Plain(), StringComparison.Ordinal);
        var audit = Dom.Parse(await editor.GetStringAsync("/admin/audit?entity=observation&key=gdp/linyi/2024"));
        var line = audit.One("tr[data-audit='observation/gdp/linyi/2024/actual@gwr2024']");
        Assert.Equal("create", line.GetAttribute("data-action"));
        Assert.Equal("form", line.GetAttribute("data-source"));
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityKey == "gdp/linyi/2024/actual@gwr2024");
        Assert.StartsWith("editor-", entry.UserName);
        Assert.Equal(ChangeSource.Form, entry.Source);
        Assert.Null(entry.OldValues);
        Assert.Equal(6500m, Json(entry.NewValues).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A2024ActualTurnsTheGoalIntoARealResult()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");
        var form = GdpActual2024(token, "5.8");
        form["Indicator"] = "gdp_growth";

        await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form));

        var card = Dom.Parse(await editor.GetStringAsync("/")).One("article[data-indicator='gdp']");
        Assert.Equal("achieved", card.One("[data-status]").GetAttribute("data-status"));
        Assert.Equal("2024", card.One(".goal-progress").GetAttribute("data-result-year"));
    }

    [Fact]
    public async Task CorrectingAFigureRecordsTheOldAndNewValues()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var id = await ObservationIdAsync("gdp", 2023, ObservationKind.Actual);
        var page = Dom.Parse(await editor.GetStringAsync($"/admin/observations/{id}/edit"));
        var form = GdpActual2024(page.One("input[name='__RequestVerificationToken']").GetAttribute("value")!, "6106");
        form["Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Version"] = page.One("[name='Version']").GetAttribute("value") ?? "";
        form["Period"] = "2023";
        form["Section"] = "一、2023年工作回顾 ¶2";

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form))).StatusCode);

        await using var db = Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityKey == "gdp/linyi/2023/actual@gwr2024" && a.Action == AuditAction.Update);
        Assert.Equal(6105m, Json(entry.OldValues).GetProperty("value").GetDecimal());
        Assert.Equal(6106m, Json(entry.NewValues).GetProperty("value").GetDecimal());
    }

    public static TheoryData<string, string, string> BadForms => new()
    {
        { "Value", "12,3", "is not a plain number" },
        { "Period", "2024年", "must be a year" },
        { "Indicator", "no_such_thing", "unknown indicator" },
        { "Document", "", "document is required" },
        { "Section", "", "section is required" },
        { "Comparator", "≠", "is not one of" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task ABadFormGetsAFormErrorAndWritesNothing(string field, string value, string message)
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);
        var form = GdpActual2024(token);
        form[field] = value;

        var response = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Dom.Parse(await response.Content.ReadAsStringAsync()).Values("[data-message]", "data-message"), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }

    [Fact]
    public async Task ADuplicateFigureIsAFormErrorNotA500()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");
        var form = GdpActual2024(token, "6105");
        form["Period"] = "2023";

        var response = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Dom.Parse(await response.Content.ReadAsStringAsync()).Values("[data-message]", "data-message"), m => m.Contains("gwr2024 already reports a figure for gdp/linyi/2023/actual", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletingAFigureIsAuditedAndRemovesItFromTheDashboard()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var id = await ObservationIdAsync("logistics_total", 2023, ObservationKind.Actual);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");

        var response = await editor.PostAsync($"/admin/observations/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = Dom.Parse(await editor.GetStringAsync("/indicators/logistics_total"));
        Assert.DoesNotContain(page.QuerySelectorAll("tr[data-kind='actual'][data-period='2023'] td.num"), cell => cell.Plain().StartsWith("9,334", StringComparison.Ordinal));
        await using var db = Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityKey == "logistics_total/linyi/2023/actual@gwr2024" && a.Action == AuditAction.Delete);
        Assert.Equal(9334m, Json(entry.OldValues).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task AnEditorCanAddAnIndicatorAndAMilestone()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/indicators/new");
        const string title = "测试项目";

        var indicator = await editor.PostAsync("/admin/indicators/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "test_parks", ["category"] = "urban", ["name_zh"] = "测试公园", ["name_en"] = "Test parks", ["unit"] = "个", ["unit_en"] = "parks", ["measure"] = "count",
            ["direction"] = "higher", ["precision"] = "0", ["chart"] = "bar", ["growth_of"] = "", ["description_zh"] = "", ["description_en"] = "", ["__RequestVerificationToken"] = token,
        }));
        var milestone = await editor.PostAsync("/admin/milestones/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["region"] = "lanshan", ["period"] = "2024", ["category"] = "urban", ["kind"] = "project", ["title_zh"] = title, ["title_en"] = "Test project",
            ["document"] = "gwr2024", ["section"] = "test", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/indicators/test_parks", indicator.Headers.Location?.OriginalString);
        Assert.Equal("/regions/lanshan", milestone.Headers.Location?.OriginalString);
        var project = Assert.Single(Dom.Parse(await editor.GetStringAsync("/regions/lanshan")).QuerySelectorAll("ul.milestones li[data-milestone-kind='project']"), li => li.Plain().Contains(title, StringComparison.Ordinal));
        Assert.Equal("gwr2024", project.One("span.citation").GetAttribute("data-document"));
        await using var db = Database.CreateContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Source == ChangeSource.Form));
    }

    [Fact]
    public async Task AnEditorCanAddASourceDocumentAndCiteIt()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/documents/new");
        const string title = "2024年临沂市国民经济和社会发展统计公报";

        var bad = await editor.PostAsync("/admin/documents/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "bulletin2024", ["title_zh"] = title, ["title_en"] = "Linyi statistical bulletin 2024", ["publisher"] = "临沂市统计局",
            ["published_on"] = "2025-13", ["kind"] = "news", ["source_file"] = "bulletin-2024.pdf", ["__RequestVerificationToken"] = token,
        }));
        var good = await editor.PostAsync("/admin/documents/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "bulletin2024", ["title_zh"] = title, ["title_en"] = "Linyi statistical bulletin 2024", ["publisher"] = "临沂市统计局",
            ["published_on"] = "2025-03", ["kind"] = "news", ["source_file"] = "bulletin-2024.pdf", ["__RequestVerificationToken"] = token,
        }));
        var form = GdpActual2024(token);
        form["Document"] = "bulletin2024";
        var cited = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("must be YYYY, YYYY-MM or YYYY-MM-DD", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, cited.StatusCode);
        var citation = Dom.Parse(await editor.GetStringAsync("/indicators/gdp")).One("span.citation[data-document='bulletin2024']");
        Assert.Equal(title, citation.One("cite a").Plain());
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Entity == "document" && a.EntityKey == "bulletin2024"));
    }

    [Fact]
    public async Task TheAuditTrailIsAppendOnlyInTheDatabase()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("UPDATE audit_entries SET user_name = 'someone else'", connection).ExecuteNonQueryAsync());
        var delete = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("DELETE FROM audit_entries", connection).ExecuteNonQueryAsync());

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
    }

    [Fact]
    public async Task AccountsLockOutAfterFiveFailedSignIns()
    {
        await Accounts.CreateUserAsync(Factory, "target@example.test", Roles.Editor);
        var client = Accounts.Browser(Factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await Accounts.LoginAsync(client, "target@example.test", "wrong-password-123");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var locked = await Accounts.LoginAsync(client, "target@example.test", Accounts.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        await using var db = Database.CreateContext();
        Assert.True((await db.Users.SingleAsync(u => u.Email == "target@example.test")).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task TheSignInCookieIsSecureAndHttpOnly()
    {
        await Accounts.CreateUserAsync(Factory, "cookie@example.test", Roles.Editor);

        var response = await Accounts.LoginAsync(Accounts.Browser(Factory), "cookie@example.test", Accounts.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("linyi.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInAttemptsAreRateLimited()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:LoginPerMinute", "3"));
        var client = Accounts.Browser(factory);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Accounts.LoginAsync(client, "nobody@example.test", "wrong-password-123")).StatusCode);
        }

        var limited = await Accounts.LoginAsync(client, "nobody@example.test", "wrong-password-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task SignInKeysAreKeptInPostgres()
    {
        await Accounts.SignedInAsync(Factory, Roles.Editor);

        await using var db = Database.CreateContext();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task TheFirstAdministratorComesFromTheEnvironmentAndThereIsNoDefaultAccount()
    {
        await using var plain = new DashboardFactory(Database.ConnectionString);
        plain.CreateClient();
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync());
        }

        await using var bootstrapped = Factory.WithWebHostBuilder(b => b
            .UseSetting("Bootstrap:AdminEmail", "first@example.test").UseSetting("Bootstrap:AdminPassword", Accounts.Password));
        var client = Accounts.Browser(bootstrapped);
        var login = await Accounts.LoginAsync(client, "first@example.test", Accounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }
}
