using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Features.Pdf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

public class PdfExportTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    /// <summary>
    /// One app, and so one Chromium, for the tests that read; tests of limits, queues and a missing Chromium start apps of
    /// their own. Render counts are compared before and after, on filters no other test exports.
    /// </summary>
    protected override bool SharesApp => true;

    private static List<string> Pages(byte[] pdf) => PdfText.Pages(pdf);

    /// <summary>The newest publication date among the documents behind the city's figures of record, read with plain SQL.</summary>
    private async Task<string> NewestCitySourceDateAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT max(d.published_on COLLATE "C") FROM observations_of_record r
            JOIN observations o ON o.id = r.observation_id JOIN documents d ON d.id = o.document_id
            JOIN regions g ON g.id = o.region_id WHERE g.slug = 'linyi'
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("/export/pdf")]
    [InlineData("/export/pdf?category=industry")]
    [InlineData("/export/pdf?region=junan")]
    [InlineData("/export/pdf?category=economy&culture=en&ui-culture=en")]
    public async Task EveryFontIsARealEmbeddedSubsetAndTheFilePassesQpdf(string path)
    {
        var pdf = await CreateClient().GetByteArrayAsync(path);

        var fonts = await PdfTools.FontsAsync(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, font => Assert.Equal("CID TrueType", font.Type));
        Assert.All(fonts, font => Assert.Matches(@"^[A-Z]{6}\+WenQuanYiMicroHei$", font.Name));
        var (exitCode, output) = await PdfTools.RunAsync("qpdf", pdf, "--check");
        Assert.True(exitCode == 0, output);
        Assert.Contains("No syntax or stream encoding errors", output);
    }

    [Fact]
    public async Task TheCitySummaryIsAtMost400Kilobytes()
    {
        var pdf = await CreateClient().GetByteArrayAsync("/export/pdf");

        Assert.InRange(pdf.Length, 20_000, 400 * 1024);
    }

    private static string Lang(UglyToad.PdfPig.PdfDocument pdf) =>
        Assert.IsType<UglyToad.PdfPig.Tokens.StringToken>(pdf.Structure.Catalog.CatalogDictionary.Data["Lang"]).Data;

    [Fact]
    public async Task ThePdfIsTaggedHasBookmarksAndSaysWhoWroteItAboutWhatInWhichLanguage()
    {
        var bytes = await CreateClient().GetByteArrayAsync("/export/pdf?region=junan&category=industry");

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var (junan, industry) = await NamesAsync("junan", "industry");
        Assert.Equal(Words.Zh("Linyi Dashboard"), pdf.Information.Author);
        Assert.Equal($"{junan} · {industry}", pdf.Information.Subject);
        Assert.Contains(industry, pdf.Information.Keywords);
        Assert.Contains(junan, pdf.Information.Keywords);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal("zh-CN", Lang(pdf));
        Assert.True(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.StructTreeRoot));
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => PdfText.Normalize(n.Title)).ToList();
        Assert.Contains(PdfText.Normalize(Words.Zh("Key indicators")), titles);
        Assert.Contains(PdfText.Normalize(Words.Zh("Sources")), titles);

        var english = await CreateClient().GetByteArrayAsync("/export/pdf?region=junan&culture=en&ui-culture=en");
        using var en = UglyToad.PdfPig.PdfDocument.Open(english);
        Assert.Equal("en", Lang(en));
        Assert.Equal("Linyi Dashboard", en.Information.Author);
    }

    /// <summary>The Chinese names of a region and a category, as the database holds them.</summary>
    private async Task<(string Region, string Category)> NamesAsync(string region, string category)
    {
        await using var db = Database.CreateContext();
        return (await db.Regions.Where(r => r.Slug == region).Select(r => r.NameZh).SingleAsync(),
            await db.Categories.Where(c => c.Slug == category).Select(c => c.NameZh).SingleAsync());
    }

    [Fact]
    public async Task EveryFigureInThePrintViewCitesANumberedSourceRowAndSaysItsVintage()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/print/summary?region=linyi&category=economy"));

        var numbers = page.Values("tr[data-document][data-number]", "data-number").Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(numbers);
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        var figures = page.Values("[data-figures]", "data-figures").SelectMany(v => v.Split(' ')).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f =>
        {
            var parts = f.Split(':');
            Assert.Contains(parts[1], new[] { "final", "preliminary" });
            Assert.InRange(int.Parse(parts[2], CultureInfo.InvariantCulture), 1, numbers.Count);
        });
        var asOf = page.One("dl.cover-filters dd[data-data-date]");
        Assert.Matches(@"^\d{4}(-\d{2}){0,2}$", asOf.GetAttribute("data-data-date"));
        Assert.StartsWith(asOf.GetAttribute("data-data-date")!, asOf.Plain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePdfTitleSaysWhatTheFileHolds()
    {
        var response = await CreateClient().GetAsync("/export/pdf?region=junan&category=industry");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var (junan, industry) = await NamesAsync("junan", "industry");
        Assert.Matches("^" + Regex.Escape($"{Words.Zh("Linyi indicator summary")} · {junan} · {industry} · ") + @"\d{4}-\d{2}-\d{2}$", pdf.Information.Title);
    }

    [Fact]
    public async Task PdfExportIsLimitedPerClientWith429AndRetryAfter()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:PdfPerMinute", "2"));
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/export/pdf?category=fiscal")).StatusCode);
        }

        var limited = await client.GetAsync("/export/pdf?category=fiscal");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AScriptPastThePdfLimitGetsProblemDetailsInTheReadersLanguage()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:PdfPerMinute", "1"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/pdf, application/problem+json");
        await client.GetAsync("/export/pdf?category=fiscal");

        var limited = await client.GetAsync("/export/pdf?category=fiscal");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(Words.Zh("At most {0} PDFs a minute can be exported; please try again in a minute.", 1), problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheCitySummaryHasTheHeadlineFiguresTheFiltersAndPageNumbersAsRealText()
    {
        var response = await CreateClient().GetAsync("/export/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("linyi-summary_linyi_zh.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var pages = Pages(await response.Content.ReadAsByteArrayAsync()).ToList();
        var all = string.Concat(pages);
        var asOf = await NewestCitySourceDateAsync();
        foreach (var key in new[] { "Linyi indicator summary", "All categories", "Data as of", "Generated at" })
        {
            Assert.Contains(PdfText.Normalize(Words.Zh(key)), pages[0]);
        }
        await using var db = Database.CreateContext();
        var indicators = await db.Indicators.Where(i => new[] { "gdp", "gdp_growth", "logistics_total", "grain_output", "hundred_bn_firms" }.Contains(i.Code)).ToDictionaryAsync(i => i.Code);
        // Headline figures as the source states them: the indicator's precision (or more) and its unit; a stretch target with its comparator.
        var figures = new List<string>();
        foreach (var (code, year, kind) in new[] { ("gdp", 2025, ObservationKind.Actual), ("gdp_growth", 2024, ObservationKind.Target), ("gdp_growth", 2024, ObservationKind.Stretch), ("logistics_total", 2023, ObservationKind.Actual), ("grain_output", 2023, ObservationKind.Actual) })
        {
            var figure = await db.Observations.Where(o => o.Indicator!.Code == code && o.Region!.Slug == "linyi" && o.StartYear == year && o.EndYear == year && o.Kind == kind).SingleAsync();
            var indicator = indicators[code];
            figures.Add((kind == ObservationKind.Stretch ? figure.Comparator.ToSymbol() : "") + Format.Number(figure.Value, Math.Max(indicator.Precision, Format.Decimals(figure.Value))) + indicator.UnitCode);
        }
        var document = await db.Documents.Where(d => d.Code == "gwr2024").Select(d => d.TitleZh).SingleAsync();
        var city = await db.Regions.Where(r => r.Slug == "linyi").Select(r => r.NameZh).SingleAsync();
        foreach (var text in indicators.Values.Select(i => i.NameZh).Concat(figures).Concat([Words.Zh("Needs attention"), Words.Zh("Sources"), document]))
        {
            Assert.Contains(PdfText.Squeezed(text), all);
        }
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(PdfText.Squeezed(Words.Zh("Page {0} of {1}", i + 1, pages.Count)), pages[i]);
            Assert.Contains(PdfText.Squeezed($"{city} · {Words.Zh("data as of")} {asOf}"), pages[i]);
        }
    }

    [Fact]
    public async Task ACountySummaryHasThatCountysMilestonesAndNotAnothers()
    {
        var client = CreateClient();

        await using var db = Database.CreateContext();
        var names = await db.Regions.Where(r => r.Slug == "junan" || r.Slug == "yishui").ToDictionaryAsync(r => r.Slug, r => PdfText.Squeezed(r.NameZh));
        var junanMilestones = await db.Milestones.Where(m => m.Region!.Slug == "junan" && m.Document!.Code == "gwr2024").Select(m => m.TitleZh).ToListAsync();

        var junan = string.Concat(Pages(await client.GetByteArrayAsync("/export/pdf?region=junan")));
        var yishui = string.Concat(Pages(await client.GetByteArrayAsync("/export/pdf?region=yishui")));

        Assert.NotEmpty(junanMilestones);
        Assert.All(junanMilestones, title => Assert.Contains(PdfText.Squeezed(title), junan));
        Assert.DoesNotContain(names["yishui"], junan);
        Assert.Contains(names["yishui"], yishui);
        Assert.DoesNotContain(names["junan"], yishui);
    }

    [Fact]
    public async Task TheEnglishSummaryFollowsTheInterfaceLanguage()
    {
        var response = await CreateClient().GetAsync("/export/pdf?category=economy&culture=en&ui-culture=en");

        var pages = Pages(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(PdfText.Squeezed(Words.En("Linyi indicator summary")), pages[0]);
        Assert.Contains(PdfText.Squeezed(Words.En("Page {0} of {1}", 1, pages.Count)), pages[0]);
        Assert.Contains("linyi-summary_linyi_economy_en.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task TheSameFiltersOnTheSameDataAreAnsweredFromTheCacheUntilTheDataChanges()
    {
        var client = CreateClient();
        var renderer = Factory.Services.GetRequiredService<PdfRenderer>();

        var first = await client.GetByteArrayAsync("/export/pdf?category=rural");
        var renders = renderer.Renders;
        var second = await client.GetByteArrayAsync("/export/pdf?category=rural");
        Assert.Equal(renders, renderer.Renders);
        Assert.Equal(first, second);

        await using (var db = Database.CreateContext())
        {
            await db.Regions.Where(r => r.Slug == "yinan").ExecuteUpdateAsync(r => r.SetProperty(x => x.Slug, x => x.Slug));
        }
        await client.GetByteArrayAsync("/export/pdf?category=rural");
        // Two prints: the first tells the contents where each heading falls.
        Assert.Equal(renders + 2, renderer.Renders);
    }

    [Fact]
    public async Task EveryChartOfThePrintViewIsDrawnIntoThePdf()
    {
        var client = CreateClient();
        var renderer = Factory.Services.GetRequiredService<PdfRenderer>();
        var charts = Dom.Parse(await client.GetStringAsync("/print/summary?category=industry&culture=en&ui-culture=en")).QuerySelectorAll("canvas[data-chart]").Length;
        var drawn = renderer.ChartsDrawn;

        var response = await client.GetAsync("/export/pdf?category=industry&culture=en&ui-culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(charts > 1, $"the industry summary has {charts} charts");
        // Each chart is drawn into both prints: the one that numbers the contents and the one that is sent.
        Assert.Equal(drawn + 2 * charts, renderer.ChartsDrawn);
    }

    [Fact]
    public async Task APdfInWhichAChartCouldNotBeDrawnIsRefused()
    {
        var renderer = Factory.Services.GetRequiredService<PdfRenderer>();
        var info = new PdfDocumentInfo("t", "a", "s", "k", "en", DateTimeOffset.UnixEpoch);
        const string body = """<div class="print-chart-box"><canvas data-chart="chart-without-data"></canvas></div>""";

        var renders = renderer.Renders;

        var refused = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderAsync(body, info, "footer", "test", default));

        Assert.Contains("Only 0 of the 1 charts", refused.Message);
        Assert.Equal(renders, renderer.Renders);
    }

    [Fact]
    public async Task WithoutChromiumTheExportSaysSoWithA503AndTheRestOfTheSiteWorks()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString).WithWebHostBuilder(b => b.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium"));
        var client = factory.CreateClient();

        var pdf = await client.GetAsync("/export/pdf");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("PDF export needs Chromium, which is not installed", await pdf.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task PastTheQueueLimitARequestGets503WithRetryAfter()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString).WithWebHostBuilder(b => b
            .UseSetting("Pdf:MaxConcurrent", "1").UseSetting("Pdf:MaxQueue", "0")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientFromHeader>()));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var another = factory.CreateClient();
        another.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        another.DefaultRequestHeaders.Add("X-Test-Client", "192.0.2.9");
        var renderer = factory.Services.GetRequiredService<PdfRenderer>();

        var rendering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        renderer.Queued += () =>
        {
            if (renderer.InFlight > 0)
            {
                rendering.TrySetResult();
            }
        };

        var first = client.GetAsync("/export/pdf?category=industry");
        await Task.WhenAny(rendering.Task, first).WaitAsync(TimeSpan.FromSeconds(30));
        var second = await another.GetAsync("/export/pdf?category=economy");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("5", second.Headers.RetryAfter?.ToString());
        var page = Dom.Parse(await second.Content.ReadAsStringAsync()).One("section.error-page");
        Assert.Equal("503", page.GetAttribute("data-status"));
        Assert.StartsWith("Too many PDF exports", page.One(".error-message").GetAttribute("data-message"), StringComparison.Ordinal);
        // A busy renderer is not a database outage.
        const string outage = "The data store cannot be reached right now. Please try again in a few seconds.";
        Assert.DoesNotContain(Words.Zh(outage), page.Plain());
        Assert.DoesNotContain(Words.En(outage), page.Plain());
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
    }

    [Fact]
    public async Task ThePrintViewIsAPageOfItsOwn()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/print/summary?region=junan"));

        var (junan, _) = await NamesAsync("junan", "industry");
        Assert.Equal(junan, page.One("section.cover .cover-region").Plain());
        Assert.Equal(junan, page.One("section.cover dd[data-filter='region']").Plain());
        Assert.Contains(page.Values("link[rel='stylesheet']", "href"), href => href.Contains("/css/print.css", StringComparison.Ordinal));
    }

    /// <summary>Requests carry their client's address in a test header, so that one test can be several clients.</summary>
    private sealed class ClientFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Client", out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return following(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task OneClientAskingForManyPdfsAtOnceHoldsOneRenderSlotAndAnotherClientStillGetsItsPdf()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString).WithWebHostBuilder(b => b
            .UseSetting("Pdf:MaxConcurrent", "2").UseSetting("Pdf:MaxQueue", "0").UseSetting("Pdf:MaxWaitingPerClient", "2")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientFromHeader>()));
        var renderer = factory.Services.GetRequiredService<PdfRenderer>();
        HttpClient Client(string address)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Test-Client", address);
            return client;
        }
        var greedy = Client("192.0.2.1");

        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        renderer.Queued += () =>
        {
            if (renderer.RequestsOf("192.0.2.1") >= 3)
            {
                entered.TrySetResult();
            }
        };

        var many = new[] { "industry", "economy", "rural" }.Select(c => greedy.GetAsync($"/export/pdf?category={c}")).ToList();
        await Task.WhenAny([entered.Task, .. many]).WaitAsync(TimeSpan.FromSeconds(30));
        var tooMany = await greedy.GetAsync("/export/pdf?category=logistics");
        var other = await Client("192.0.2.2").GetAsync("/export/pdf?category=fiscal");

        // With every request of the first client in a render slot, the second client would have found none free (503).
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tooMany.StatusCode);
        var busy = Dom.Parse(await tooMany.Content.ReadAsStringAsync());
        Assert.Equal("503", busy.One("section.error-page").GetAttribute("data-status"));
        Assert.Equal("Your earlier PDF exports are still being made. Please wait for them before asking for more.", busy.One(".error-message").GetAttribute("data-message"));
        Assert.All(await Task.WhenAll(many), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
