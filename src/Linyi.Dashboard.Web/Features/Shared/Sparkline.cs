using System.Globalization;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Indicators;

namespace Linyi.Dashboard.Web.Features.Shared;

/// <summary>A small line of the recent results, drawn as inline SVG on the server: no script, nothing to load.</summary>
public sealed record Sparkline(string Points, int FirstYear, int LastYear, int Count)
{
    public const int Width = 120;
    public const int Height = 28;
    private const int Years = 8;

    /// <summary>Null when there are fewer than two results to draw.</summary>
    public static Sparkline? For(IndicatorData indicator)
    {
        var results = indicator.Observations.Where(o => o.Kind == ObservationKind.Actual && !o.Period.IsSpan && o.UnitCode is null)
            .GroupBy(o => o.StartYear).Select(g => g.Last()).OrderBy(o => o.StartYear).ToList();
        results = results.Where(o => o.StartYear > (results.LastOrDefault()?.StartYear ?? 0) - Years).ToList();
        if (results.Count < 2)
        {
            return null;
        }
        int first = results[0].StartYear, last = results[^1].StartYear;
        decimal min = results.Min(o => o.Value), max = results.Max(o => o.Value);
        var reverse = indicator.Measure == Measure.Rank;
        string Point(ObservationData o)
        {
            var x = last == first ? 0 : (decimal)(o.StartYear - first) / (last - first) * (Width - 4) + 2;
            var share = max == min ? 0.5m : (o.Value - min) / (max - min);
            var y = (reverse ? share : 1 - share) * (Height - 4) + 2;
            return string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
        }
        return new Sparkline(string.Join(' ', results.Select(Point)), first, last, results.Count);
    }
}
