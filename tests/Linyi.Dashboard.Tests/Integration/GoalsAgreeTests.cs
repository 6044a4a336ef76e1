using System.Globalization;
using System.Text.Json;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Home;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Features.Pdf;
using Linyi.Dashboard.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The overview, the goals list, the PDF summary and /api/goals judge every seeded goal alike and head every card with the same figure.</summary>
public class GoalsAgreeTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    protected override TimeProvider? Clock => FixedClock.RulesDay;

    private sealed record ApiVerdict(string Status, decimal? Value, int? Year, bool? IsBaseline);

    private async Task<Dictionary<(string Indicator, string Period), ApiVerdict>> ApiGoalsAsync(HttpClient client, string region, string query = "")
    {
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/goals?region={region}{query}")).RootElement;
        return json.EnumerateArray().ToDictionary(
            g => (g.GetProperty("indicator").GetString()!, g.GetProperty("period").GetString()!),
            g => g.GetProperty("result") is { ValueKind: JsonValueKind.Object } r
                ? new ApiVerdict(g.GetProperty("status").GetString()!, r.GetProperty("value").GetDecimal(), r.GetProperty("year").GetInt32(), r.GetProperty("isBaseline").GetBoolean())
                : new ApiVerdict(g.GetProperty("status").GetString()!, null, null, null));
    }

    private static ApiVerdict Verdict(IndicatorData indicator, GoalView goal) =>
        (goal.Actual ?? goal.Baseline) is { } shown
            ? new ApiVerdict(KebabText.Of(goal.Status), IndicatorAnalysis.ToFigure(indicator, shown).Value.Trimmed(), shown.StartYear, goal.Actual is null)
            : new ApiVerdict(KebabText.Of(goal.Status), null, null, null);

    [Fact]
    public async Task EveryRegionsGoalsHaveTheSameVerdictOnTheOverviewTheGoalsListThePdfSummaryAndTheApi()
    {
        var client = CreateClient();
        using var scope = Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var refs = await services.GetRequiredService<ReferenceData>().GetAsync(default);
        var seeded = await services.GetRequiredService<DashboardDbContext>().Indicators.Select(i => i.Code).ToListAsync();
        var compared = 0;

        foreach (var region in refs.Regions.Select(r => r.Slug))
        {
            var api = await ApiGoalsAsync(client, region);
            var filter = DashboardFilter.None with { Region = region };
            var summary = await services.GetRequiredService<SummaryQueries>().GetAsync(filter, refs, default);
            var list = await services.GetRequiredService<GoalQueries>().AllAsync(region, default);
            var home = await services.GetRequiredService<HomeQueries>().GetAsync(filter, refs, default);

            var fromSummary = summary.Views.SelectMany(v => v.Goals.Select(g => ((v.Indicator.Code, g.Period.ToString()), Verdict(v.Indicator, g)))).ToDictionary();
            var fromList = list.ToDictionary(r => (r.View.Indicator.Code, r.Goal.Period.ToString()), r => Verdict(r.View.Indicator, r.Goal));
            foreach (var code in seeded)
            {
                var keys = api.Keys.Where(k => k.Indicator == code).Order().ToList();
                Assert.Equal(keys, fromSummary.Keys.Where(k => k.Item1 == code).Order().ToList());
                Assert.Equal(keys, fromList.Keys.Where(k => k.Item1 == code).Order().ToList());
                foreach (var key in keys)
                {
                    Assert.Equal(api[key], fromSummary[key]);
                    Assert.Equal(api[key], fromList[key]);
                    compared++;
                }
            }

            var summaryCards = summary.Headlines.ToDictionary(c => c.Level.Indicator.Code);
            foreach (var card in home.Headlines)
            {
                if (card.Goal is { } goal)
                {
                    Assert.Equal(api[(card.GoalView!.Indicator.Code, goal.Period.ToString())].Status, KebabText.Of(card.Status));
                }
                if (summaryCards.GetValueOrDefault(card.Level.Indicator.Code) is { } printed)
                {
                    Assert.Equal(card.Headline?.Value, printed.Headline?.Value);
                    Assert.Equal(card.Headline?.Period, printed.Headline?.Period);
                    Assert.Equal(card.HeadlineIsGrowth, printed.HeadlineIsGrowth);
                    Assert.Equal(card.Goal?.Period, printed.Goal?.Period);
                    Assert.Equal(card.Status, printed.Status);
                }
            }
            var byStatus = api.Values.GroupBy(v => v.Status).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(byStatus.OrderBy(s => s.Key).ToList(), home.ByStatus.Where(s => s.Value > 0).ToDictionary(s => KebabText.Of(s.Key), s => s.Value).OrderBy(s => s.Key).ToList());
        }
        Assert.True(compared > 50);
    }

    [Fact]
    public async Task TheOverviewsCardsAndThePrintedSummaryShowWhatTheApiSays()
    {
        var client = CreateClient();
        var api = await ApiGoalsAsync(client, DashboardFilter.City);
        var overview = Dom.Parse(await client.GetStringAsync("/"));
        var printed = Dom.Parse(await client.GetStringAsync("/print/summary"));

        var cards = overview.QuerySelectorAll("article.card.headline[data-indicator]").ToList();
        var rows = printed.QuerySelectorAll(".summary-table tbody tr[data-indicator]").ToDictionary(r => r.GetAttribute("data-indicator")!);
        Assert.NotEmpty(cards);
        Assert.Equal(cards.Select(c => c.GetAttribute("data-indicator")), rows.Keys);
        foreach (var card in cards)
        {
            var row = rows[card.GetAttribute("data-indicator")!];
            var goal = card.QuerySelector(".goal");
            Assert.Equal(goal?.GetAttribute("data-period") ?? "", row.GetAttribute("data-goal-period"));
            var status = row.QuerySelector("td[data-status]")!.GetAttribute("data-status");
            if (goal is not null)
            {
                Assert.Equal(goal.QuerySelector(".verdict [data-status]")!.GetAttribute("data-status"), status);
                Assert.Contains(api, g => g.Key.Period == goal.GetAttribute("data-period") && g.Value.Status == status);
            }
            var result = goal?.QuerySelector("[data-result-year]")?.GetAttribute("data-result-year");
            if (result is not null)
            {
                Assert.Equal(result, row.GetAttribute("data-result-year"));
            }
        }
    }

    [Fact]
    public async Task APeriodFilterNarrowsTheOverviewWithoutJudgingAnyGoalDifferently()
    {
        var client = CreateClient();
        using var scope = Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var refs = await services.GetRequiredService<ReferenceData>().GetAsync(default);
        var api = await ApiGoalsAsync(client, DashboardFilter.City, "&year=2022-2026");
        var span = new Period(2022, 2026);

        var home = await services.GetRequiredService<HomeQueries>().GetAsync(DashboardFilter.None with { Period = span }, refs, default);
        var summary = await services.GetRequiredService<SummaryQueries>().GetAsync(DashboardFilter.None with { Period = span }, refs, default);

        Assert.NotEmpty(api);
        Assert.Equal(api.Count, home.Categories.Sum(c => c.GoalCount));
        var byStatus = api.Values.GroupBy(v => v.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(byStatus.OrderBy(s => s.Key).ToList(), home.ByStatus.Where(s => s.Value > 0).ToDictionary(s => KebabText.Of(s.Key), s => s.Value).OrderBy(s => s.Key).ToList());
        var printed = summary.Views.SelectMany(v => v.Goals.Select(g => ((v.Indicator.Code, g.Period.ToString()), Verdict(v.Indicator, g)))).ToDictionary();
        Assert.Equal(api.Keys.Order().ToList(), printed.Keys.Order().ToList());
        Assert.All(api, g => Assert.Equal(g.Value, printed[g.Key]));
    }
}
