using System.Text.Json;
using AngleSharp.Dom;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Shared;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Verdicts a planner can trust, read from the pages and the API on the real seeds, on a fixed day.</summary>
public class GoalVerdictTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override TimeProvider? Clock => FixedClock.RulesDay;

    protected override bool StartsFromSeeds => true;

    private async Task<IDocument> PageAsync(HttpClient client, string path, bool english) =>
        Dom.Parse(await client.GetStringAsync(english ? path + (path.Contains('?') ? "&" : "?") + "culture=en&ui-culture=en" : path));

    [Fact]
    public async Task EveryGoalHasAShapeAndNoGoalPastItsDeadlineReadsAPace()
    {
        var goals = JsonDocument.Parse(await CreateClient().GetStringAsync("/api/goals")).RootElement.EnumerateArray().ToList();

        Assert.NotEmpty(goals);
        var shapes = GoalRuleText.Shapes.Select(s => (string?)GoalRuleText.KebabName(s)).ToHashSet();
        var final = new[] { GoalStatus.Achieved, GoalStatus.Missed, GoalStatus.AwaitingResult }.Select(s => (string?)KebabText.Of(s)).ToHashSet();
        foreach (var goal in goals)
        {
            Assert.Contains(goal.GetProperty("shape").GetString(), shapes);
            var phase = goal.GetProperty("phase").GetString();
            var status = goal.GetProperty("status").GetString();
            if (phase == KebabText.Of(GoalPhase.Ended))
            {
                Assert.Contains(status, final);
            }
            else if (phase == KebabText.Of(GoalPhase.NotStarted))
            {
                Assert.Equal(KebabText.Of(GoalStatus.NotStarted), status);
            }
            if (goal.GetProperty("result") is { ValueKind: JsonValueKind.Object } result && !result.GetProperty("isBaseline").GetBoolean())
            {
                Assert.True(Period.TryParse(goal.GetProperty("period").GetString(), out var period));
                Assert.InRange(result.GetProperty("year").GetInt32(), period.Value.StartYear, period.Value.EndYear);
            }
        }
        Assert.Contains(goals, g => g.GetProperty("phase").GetString() == KebabText.Of(GoalPhase.Ended));
        Assert.Contains(goals, g => g.GetProperty("shape").GetString() == GoalRuleText.KebabName(GoalShape.Annual));
    }

    [Fact]
    public async Task AGoalWhoseDeadlinePassedOnBoundsAwaitsItsResultWithoutAPace()
    {
        // 规上工业总产值 ≥ 1万亿 by 2024: 2023 is published only as "above 8,000".
        var goals = JsonDocument.Parse(await CreateClient().GetStringAsync("/api/goals?indicator=industrial_output&region=linyi")).RootElement.EnumerateArray();
        var twoYear = goals.Single(g => g.GetProperty("period").GetString() == "2023-2024");

        Assert.Equal(KebabText.Of(GoalPhase.Ended), twoYear.GetProperty("phase").GetString());
        Assert.Equal(KebabText.Of(GoalStatus.AwaitingResult), twoYear.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, twoYear.GetProperty("gap").GetProperty("requiredRate").ValueKind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NoCardOrRowShowsAVerdictBesideAResultOfAnotherPeriod(bool english)
    {
        var client = CreateClient();
        var paths = new List<string> { "/", "/goals", "/indicators/gdp_growth", "/indicators/industrial_output", "/regions/junan" };
        paths.AddRange(new[] { "economy", "industry", "rural", "logistics" }.Select(c => $"/categories/{c}"));
        var judged = 0;
        foreach (var path in paths)
        {
            var page = await PageAsync(client, path, english);
            foreach (var goal in page.QuerySelectorAll(".goal[data-period], tr[data-period], li[data-period]"))
            {
                Assert.True(Period.TryParse(goal.GetAttribute("data-period"), out var period), path);
                foreach (var result in goal.QuerySelectorAll("[data-result-year]").Append(goal).Where(e => !string.IsNullOrEmpty(e.GetAttribute("data-result-year"))))
                {
                    Assert.InRange(int.Parse(result.GetAttribute("data-result-year")!, System.Globalization.CultureInfo.InvariantCulture), period.Value.StartYear, period.Value.EndYear);
                    judged++;
                }
                Assert.Empty(goal.QuerySelectorAll(".latest"));
            }
        }
        Assert.True(judged > 10, $"only {judged} judged results were found");
    }

    [Fact]
    public async Task AGrowthChartKeepsAGapWhereAYearHasNoResult()
    {
        var page = await PageAsync(CreateClient(), "/indicators/gdp_growth", english: false);
        var island = page.QuerySelector("script[type='application/json'][id^='chart-']")!;
        var chart = JsonDocument.Parse(island.TextContent).RootElement;
        var labels = chart.GetProperty("labels").EnumerateArray().Select(l => int.Parse(l.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var actual = chart.GetProperty("actual").EnumerateArray().ToList();
        var missing = chart.GetProperty("missing").EnumerateArray().Select(m => m.GetInt32()).ToList();

        Assert.NotEmpty(missing);
        Assert.All(missing, year => Assert.Equal(JsonValueKind.Null, actual[labels.IndexOf(year)].ValueKind));
        Assert.Equal(string.Join(",", missing), page.QuerySelector(".chart-missing")!.GetAttribute("data-missing-years"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PrintChartTitlesCarryTheGoalsVerdictAndNeverNoDataAboveData(bool english)
    {
        var page = await PageAsync(CreateClient(), "/print/summary", english);
        var charts = page.QuerySelectorAll("figure.print-chart").Where(f => f.QuerySelector("canvas") is not null).ToList();

        Assert.NotEmpty(charts);
        var noData = english ? GoalStatus.NoData.En() : GoalStatus.NoData.Zh();
        Assert.All(charts, f => Assert.DoesNotContain(noData, f.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal));
        Assert.Contains(charts, f => f.GetAttribute("data-status") == "no-goal");
        Assert.Contains(charts, f => f.GetAttribute("data-status") != "no-goal");
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/", true)]
    [InlineData("/about/progress", false)]
    [InlineData("/about/progress", true)]
    public async Task TheLegendAndTheRulesPageStateTheRulesOfTheDomain(string path, bool english)
    {
        var page = await PageAsync(CreateClient(), path, english);
        var stated = page.QuerySelectorAll("[data-rules='statuses'] dd[data-status]").ToDictionary(d => d.GetAttribute("data-status")!, d => d.TextContent.Trim());

        Assert.Equal(GoalRuleText.Statuses.Length, stated.Count);
        foreach (var status in GoalRuleText.Statuses)
        {
            Assert.Equal(status.Rule().In(english), stated[KebabText.Of(status)]);
        }
        if (path == "/about/progress")
        {
            var shapes = page.QuerySelectorAll("[data-rules='shapes'] tr[data-shape]").ToDictionary(r => r.GetAttribute("data-shape")!, r => r.Children[2].TextContent.Trim());
            Assert.All(GoalRuleText.Shapes, s => Assert.Equal(s.Rule().In(english), shapes[GoalRuleText.KebabName(s)]));
        }
    }

    [Fact]
    public async Task TheApiStatesTheSameRules()
    {
        var rules = JsonSerializer.Deserialize<ApiRules>(await CreateClient().GetStringAsync("/api/rules"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal(GoalRuleText.Statuses.Select(s => s.Rule().En), rules.Statuses.Select(s => s.Rule.En));
        Assert.Equal(GoalRuleText.Shapes.Select(s => s.Rule().Zh), rules.Shapes.Select(s => s.Rule.Zh));
    }

    [Fact]
    public async Task TheRegionsMapAndTheListBelowCountTheSameResults()
    {
        var page = await PageAsync(CreateClient(), "/regions", english: false);
        var onMap = page.QuerySelectorAll("tr[data-area][data-region]").ToDictionary(r => r.GetAttribute("data-region")!, r => r.GetAttribute("data-value")!);
        var listed = page.QuerySelectorAll("li[data-region][data-results]").ToDictionary(l => l.GetAttribute("data-region")!, l => l.GetAttribute("data-results")!);

        Assert.NotEmpty(onMap);
        foreach (var (region, value) in onMap)
        {
            Assert.Equal(value.Length == 0 ? "0" : value, listed[region]);
        }
        Assert.Contains(listed, l => l.Value == "0" && page.QuerySelector($"li[data-region='{l.Key}']")!.GetAttribute("data-targets") != "0");
    }
}
