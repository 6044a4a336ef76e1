using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Controllers;
using Linyi.Dashboard.Web.Features.Filters;

namespace Linyi.Dashboard.Tests.Unit;

public class ExplorerSuggestionTests
{
    private static readonly IndicatorChoice[] Many = Enumerable.Range(0, 1000)
        .Select(i => new IndicatorChoice($"code_{i:D4}", $"指标{i}", $"Indicator {i}", i < 700 ? "economy" : "industry")).ToArray();

    [Fact]
    public void UpToTheLimitEveryIndicatorIsSuggested()
    {
        var few = Many.Take(ExplorerSuggestions.Max).ToArray();

        Assert.Equal(few, ExplorerSuggestions.Of(few, DashboardFilter.None));
    }

    [Fact]
    public void PastTheLimitTheChosenAndTheChosenCategoryComeFirst()
    {
        var filter = DashboardFilter.None with { Category = "industry", Indicators = ["code_0005"] };

        var shown = ExplorerSuggestions.Of(Many, filter);

        Assert.Equal(ExplorerSuggestions.Max, shown.Count);
        Assert.Equal("code_0005", shown[0].Code);
        Assert.All(shown.Skip(1).Take(300), s => Assert.Equal("industry", s.CategorySlug));
        Assert.Equal(shown.Count, shown.Select(s => s.Code).Distinct().Count());
    }
}
