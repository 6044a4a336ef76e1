using Linyi.Dashboard.Web.Features.Filters;

namespace Linyi.Dashboard.Web.Features.Data;

/// <summary>The indicators the explorer's indicator field suggests.</summary>
public static class ExplorerSuggestions
{
    /// <summary>
    /// Most suggestions the field lists, so that the page does not grow with the data: the chosen ones and the chosen
    /// category's first. Any code can still be typed.
    /// </summary>
    public const int Max = 400;

    public static IReadOnlyList<IndicatorChoice> Of(IReadOnlyList<IndicatorChoice> all, DashboardFilter filter) =>
        all.Count <= Max ? all
            : all.Where(i => filter.Indicators.Contains(i.Code)).Concat(all.Where(i => i.CategorySlug == filter.Category)).Concat(all)
                .Distinct().Take(Max).ToList();
}
