using System.Text.Json;
using System.Text.Json.Serialization;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Infrastructure;

namespace Linyi.Dashboard.Web.Features.Indicators;

public sealed record ChartLine(string Label, decimal Value, string Kind);

/// <summary>What a chart draws, as serialized into the page's JSON data island: presentation comes from the indicator's data.</summary>
public sealed record ChartData(
    string Type,
    string Name,
    string Unit,
    int Precision,
    bool LowerIsBetter,
    IReadOnlyList<string> Labels,
    IReadOnlyList<decimal?> Actual,
    IReadOnlyList<ChartLine> Targets)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ChartData For(IndicatorView view)
    {
        var indicator = view.Indicator;
        var actuals = indicator.Observations.Where(o => o.Kind == ObservationKind.Actual && !o.Period.IsSpan).ToList();
        var goal = view.CurrentGoal;
        var years = actuals.Select(a => a.StartYear)
            .Concat(goal is null || goal.Period.IsSpan ? [] : [goal.Period.EndYear])
            .Distinct().Order().ToList();
        var targets = new List<ChartLine>();
        if (goal?.Target is { } target)
        {
            targets.Add(new ChartLine(Label(goal.Period, stretch: false), target.Value, "target"));
        }
        if (goal?.Stretch is { } stretch)
        {
            targets.Add(new ChartLine(Label(goal.Period, stretch: true), stretch.Value, "stretch"));
        }
        return new ChartData(
            indicator.Chart == ChartType.Line ? "line" : "bar",
            Localized.Pick(indicator.NameZh, indicator.NameEn),
            indicator.UnitCode,
            indicator.Precision,
            indicator.Direction == Direction.Lower,
            years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            years.Select(y => actuals.FirstOrDefault(a => a.StartYear == y)?.Value).ToList(),
            targets);
    }

    private static string Label(Period period, bool stretch) =>
        Localized.IsEnglish
            ? $"{period} {(stretch ? "stretch target" : "target")}"
            : $"{period}年{(stretch ? "力争目标" : "目标")}";
}
