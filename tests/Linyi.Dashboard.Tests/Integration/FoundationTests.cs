using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linyi.Dashboard.Tests.Integration;

public class FoundationTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    [Fact]
    public async Task HomePageListsEveryCategoryWithItsIndicatorCountFromPostgres()
    {
        await Database.LoadSeedsAsync();
        await using var db = Database.CreateContext();
        var expected = await db.Categories.Select(c => new { c.Slug, c.NameZh, Count = c.Indicators.Count }).ToListAsync();

        var page = Dom.Parse(await CreateClient().GetStringAsync("/"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(c => c.Slug).Order(StringComparer.Ordinal), page.Values("tr[data-category]", "data-category").Order(StringComparer.Ordinal));
        foreach (var category in expected)
        {
            var row = page.One($"tr[data-category='{category.Slug}']");
            Assert.Equal(category.NameZh, row.One("th a").Plain());
            Assert.Equal(Words.Zh("{0} indicators", category.Count), row.One("td.category-count").Plain());
        }
    }

    [Fact]
    public async Task LiveHealthAnswers200()
    {
        var response = await CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyHealthAnswers200WhenTheDatabaseIsUp()
    {
        var response = await CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadyHealthAnswers503AndPagesAFriendly503WhenTheDatabaseIsUnreachable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var factory = new DashboardFactory(unreachable);
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        var body = await home.Content.ReadAsStringAsync();
        Assert.Equal("503", Dom.Parse(body).One("section.error-page").GetAttribute("data-status"));
        Assert.DoesNotContain("Npgsql", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task UnknownUrlGetsTheFriendly404Page()
    {
        var response = await CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", Dom.Parse(await response.Content.ReadAsStringAsync()).One("section.error-page").GetAttribute("data-status"));
    }

    [Fact]
    public async Task TheModelHasNoPendingMigrationChanges()
    {
        await using var db = Database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task TheDatabaseRejectsASecondObservationForTheSameIndicatorRegionPeriodAndKind()
    {
        await Database.LoadSeedsAsync();
        await using var db = Database.CreateContext();
        var existing = await db.Observations.AsNoTracking().FirstAsync();
        db.Observations.Add(new Observation
        {
            IndicatorId = existing.IndicatorId, RegionId = existing.RegionId, StartYear = existing.StartYear, EndYear = existing.EndYear,
            Kind = existing.Kind, Value = 1, DocumentId = existing.DocumentId, Section = "test",
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    [Theory]
    [InlineData("UPDATE observations SET kind = 'forecast'", "ck_observations_kind")]
    [InlineData("UPDATE observations SET end_year = start_year - 1", "ck_observations_period")]
    [InlineData("UPDATE regions SET admin_code = 'ABCDEF' WHERE slug = 'linyi'", "ck_regions_admin_code")]
    [InlineData("UPDATE indicators SET precision = 9", "ck_indicators_precision")]
    public async Task CheckConstraintsInTheDatabaseRejectInvalidRows(string sql, string constraint)
    {
        await Database.LoadSeedsAsync();
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(constraint, error.ConstraintName);
    }

    [Fact]
    public async Task TheLanguageSwitchRemembersEnglishAndReturnsToTheSamePage()
    {
        await Database.LoadSeedsAsync();
        var client = CreateClient();

        var response = await client.GetAsync("/culture/en?returnUrl=%2F%3Fx%3D1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?x=1", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var page = Dom.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Equal("Linyi development indicators", page.One("h1").Plain());
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task TheLanguageSwitchNeverRedirectsOffSite()
    {
        var response = await CreateClient().GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PagesCarryAStrictContentSecurityPolicy()
    {
        var response = await CreateClient().GetAsync("/health/live");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
