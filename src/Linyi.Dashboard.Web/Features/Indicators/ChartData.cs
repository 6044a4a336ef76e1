using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Web.Features.Indicators;

/// <summary>A result: its value, how it was worded (≥ is a lower bound) and whether it is an estimate.</summary>
/// <param name="Text">The figure as the page's tables write it, for the tooltip.</param>
public sealed record ChartPoint(decimal Value, string Comparator, bool Preliminary, string? Text = null);

/// <summary>A target or stretch target drawn as a mark on its own year, never as a line across other years.</summary>
public sealed record ChartMark(int Index, decimal Value, string Kind, string Comparator, string Label, string? Text = null);

/// <param name="Min">Lowest value shown; null lets the data decide.</param>
/// <param name="BeginAtZero">Levels and counts start at zero, so bars are not exaggerated.</param>
/// <param name="Reverse">Ranks: 1 at the top.</param>
/// <param name="Title">The unit, written once on the axis.</param>
public sealed record ChartAxis(decimal? Min, decimal? Max, bool Reverse, bool BeginAtZero, string Title);

/// <summary>The path a multi-year goal needs, from its baseline to its deadline at constant yearly growth. Derived (推算).</summary>
public sealed record ChartPace(IReadOnlyList<decimal?> Values, string Label);

/// <summary>
/// Everything a chart shows, decided here and serialized into the page's JSON data island; the scripts only draw it.
/// </summary>
public sealed record ChartData(
    string Type,
    string Name,
    string Unit,
    int Precision,
    ChartAxis Axis,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChartPoint?> Actual,
    IReadOnlyList<ChartMark> Marks,
    ChartPace? Pace)
{
    /// <summary>Years between the first and the last result that have none: the line breaks there and the caption names them.</summary>
    public IReadOnlyList<int> Missing { get; init; } = [];

    /// <summary>The unit the values are drawn in, in the page's language: the scale the figures beside the chart are written in.</summary>
    public string UnitLabel { get; init; } = Unit;

    /// <summary>The indicator's own English unit, where it names one ("10 thousand places" for 万个).</summary>
    [JsonIgnore]
    public string? UnitEn { get; init; }

    /// <summary>A chart says something only with two results or more; a single figure is shown as a figure.</summary>
    public static bool Worthwhile(IndicatorView view) =>
        GoalCardRules.IsChartable(view.Indicator.Observations.Where(o => o.Kind == ObservationKind.Actual).Select(o => o.Period));

    private static List<int> MissingYears(IEnumerable<int> resultYears, IReadOnlyList<int> axisYears)
    {
        var present = resultYears.ToHashSet();
        if (present.Count == 0)
        {
            return [];
        }
        var (first, last) = (present.Min(), present.Max());
        return axisYears.Where(y => y > first && y < last && !present.Contains(y)).ToList();
    }

    /// <summary>Years are spread evenly (gaps kept) unless the record spans so long that only the years with figures are shown.</summary>
    private const int MaxContinuousYears = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ChartData For(IndicatorView view)
    {
        var indicator = view.Indicator;
        var actuals = indicator.Observations.Where(o => o.Kind == ObservationKind.Actual && !o.Period.IsSpan).ToList();
        var goalYears = view.Goals.SelectMany(g => g.Period.IsSpan ? [g.Period.StartYear - 1, g.Period.EndYear] : new[] { g.Period.EndYear });
        var years = YearsAlongAxis(actuals.Select(a => a.StartYear).Concat(goalYears));
        var index = years.Select((year, i) => (year, i)).ToDictionary(p => p.year, p => p.i);

        var points = years.Select(year => actuals.LastOrDefault(a => a.StartYear == year) is { } a
            ? new ChartPoint(IndicatorAnalysis.ToFigure(indicator, a).Value, a.Comparator.ToAscii(), a.Vintage == Vintage.Preliminary, Shared.Format.Observation(indicator, a))
            : null).ToList();
        var marks = new List<ChartMark>();
        ChartPace? pace = null;
        foreach (var goal in view.Goals)
        {
            var at = index[goal.Period.EndYear];
            if (goal.Target is { } target)
            {
                marks.Add(new ChartMark(at, target.Value, "target", target.Comparator.ToAscii(), Label(goal.Period, stretch: false), Shared.Format.Target(indicator, target)));
            }
            if (goal.Stretch is { } stretch)
            {
                marks.Add(new ChartMark(at, stretch.Value, "stretch", stretch.Comparator.ToAscii(), Label(goal.Period, stretch: true), Shared.Format.Target(indicator, stretch)));
            }
            if (goal.Period.IsSpan && goal == view.CurrentGoal && goal.Shape == GoalShape.Level && goal.MainProgress?.Phase == GoalPhase.InProgress
                && PacePath(indicator, goal, years) is { } path)
            {
                pace = new ChartPace(path, Words.Of("Path to the {0} goal (derived)", goal.Period));
            }
        }
        return new ChartData(
            indicator.Measure is Measure.Growth or Measure.Share || indicator.Chart == ChartType.Line ? "line" : "bar",
            Localized.Pick(indicator.NameZh, indicator.NameEn),
            indicator.UnitCode,
            indicator.Precision,
            AxisFor(indicator),
            years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
            points,
            marks,
            pace)
        {
            Missing = MissingYears(actuals.Select(a => a.StartYear), years),
            UnitEn = indicator.UnitNameEn,
        }.Scaled();
    }

    /// <summary>A ranking of regions for one indicator and period: one bar per region, no goals.</summary>
    public static ChartData Ranking(string name, string unit, int precision, Measure measure, IReadOnlyList<string> regions, IReadOnlyList<decimal> values,
        string? unitEn = null) =>
        // Bars are read by their length, so they start at zero whatever the measure (ranks aside).
        new ChartData("bar", name, unit, precision, new ChartAxis(null, null, false, measure != Measure.Rank, AxisTitle(unit, unitEn)),
            regions, values.Select(v => (ChartPoint?)new ChartPoint(v, "=", false, Stated(measure, v, precision, unit, unitEn, Comparator.Eq))).ToList(), [], null)
        {
            UnitEn = unitEn,
        }.Scaled();

    /// <summary>A region's results through time, without goals: the county pages' charts.</summary>
    /// <param name="unitEn">The English name of <paramref name="unit"/> for this indicator (<see cref="Shared.UnitNames.For"/>); null for the unit's own.</param>
    public static ChartData Results(string name, string unit, int precision, Measure measure, ChartType chart, decimal? axisMin, decimal? axisMax,
        IReadOnlyList<(int Year, decimal Value, Comparator Comparator, bool Preliminary)> series, string? unitEn = null)
    {
        var years = YearsAlongAxis(series.Select(s => s.Year));
        return new ChartData(measure is Measure.Growth or Measure.Share || chart == ChartType.Line ? "line" : "bar", name, unit, precision,
            AxisFor(measure, unit, axisMin, axisMax, unitEn), years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
            years.Select(y => series.LastOrDefault(s => s.Year == y) is { Year: > 0 } s
                ? new ChartPoint(s.Value, s.Comparator.ToAscii(), s.Preliminary, Stated(measure, s.Value, precision, unit, unitEn, s.Comparator)) : null).ToList(),
            [], null)
        {
            Missing = MissingYears(series.Select(s => s.Year), years),
            UnitEn = unitEn,
        }.Scaled();
    }

    public static ChartAxis AxisFor(IndicatorData indicator) => AxisFor(indicator.Measure, indicator.UnitCode, indicator.AxisMin, indicator.AxisMax, indicator.UnitNameEn);

    public static ChartAxis AxisFor(Measure measure, string unit, decimal? min, decimal? max, string? unitEn = null) => measure switch
    {
        Measure.Rank => new ChartAxis(min ?? 1, max, true, false, AxisTitle(unit, unitEn)),
        Measure.Level or Measure.Count => new ChartAxis(min, max, false, true, AxisTitle(unit, unitEn)),
        _ => new ChartAxis(min, max, false, false, AxisTitle(unit, unitEn)),
    };

    /// <summary>The years along the x axis: every year from the first to the last, or only those with figures over a long record.</summary>
    private static List<int> YearsAlongAxis(IEnumerable<int> years)
    {
        var present = years.Distinct().Order().ToList();
        return present.Count > 0 && present[^1] - present[0] < MaxContinuousYears
            ? Enumerable.Range(present[0], present[^1] - present[0] + 1).ToList()
            : present;
    }

    private static string AxisTitle(string unit, string? unitEn) => UnitTitle(Shared.Format.UnitLabel(unit, unitEn));

    private static string UnitTitle(string label) => Words.Of("Unit: {0}", label);

    private static string Stated(Measure measure, decimal value, int precision, string unit, string? unitEn, Comparator comparator) =>
        (comparator == Comparator.Eq ? "" : comparator.ToSymbol() + " ")
        + (measure == Measure.Rank ? Shared.Format.Rank(value) : Shared.Format.WithUnit(value, Math.Max(precision, Shared.Format.Decimals(value)), unit, unitEn));

    /// <summary>
    /// The chart in the scale the page's figures are written in: on an English page 6,555.8亿元 is 655.58 billion yuan in
    /// the table, so the bars are drawn in billion yuan too, and the axis says so.
    /// </summary>
    private ChartData Scaled()
    {
        var scale = Shared.Format.ScaleFor(Unit, Actual.Where(p => p is not null).Select(p => p!.Value).Concat(Marks.Select(m => m.Value)), UnitEn);
        if (scale.Factor == 1m)
        {
            return this with { UnitLabel = scale.Label };
        }
        var f = scale.Factor;
        return this with
        {
            UnitLabel = scale.Label,
            Precision = Math.Max(0, Precision + scale.Shift),
            Axis = Axis with { Min = Axis.Min * f, Max = Axis.Max * f, Title = UnitTitle(scale.Label) },
            Actual = Actual.Select(p => p is null ? null : p with { Value = p.Value * f }).ToList(),
            Marks = Marks.Select(m => m with { Value = m.Value * f }).ToList(),
            Pace = Pace is null ? null : Pace with { Values = Pace.Values.Select(v => v * f).ToList() },
        };
    }

    /// <summary>
    /// Constant yearly growth from the last result before the goal's period to the target at its deadline: the path the goal
    /// needs. Only for levels and counts that grow, with a positive baseline.
    /// </summary>
    private static List<decimal?>? PacePath(IndicatorData indicator, GoalView goal, List<int> years)
    {
        if (indicator.Measure is not (Measure.Level or Measure.Count) || indicator.Direction != Direction.Higher
            || (goal.Target ?? goal.Stretch) is not { } target || goal.Baseline is not { } baseline)
        {
            return null;
        }
        var from = IndicatorAnalysis.ToFigure(indicator, baseline).Value;
        var span = goal.Period.EndYear - baseline.StartYear;
        if (from <= 0 || target.Value <= 0 || span <= 0)
        {
            return null;
        }
        var rate = Math.Pow((double)(target.Value / from), 1.0 / span);
        return years.Select(y => y >= baseline.StartYear && y <= goal.Period.EndYear
            ? (decimal?)Math.Round((decimal)((double)from * Math.Pow(rate, y - baseline.StartYear)), 4)
            : null).ToList();
    }

    private static string Label(Period period, bool stretch) =>
        Words.Of(stretch ? "{0} stretch target" : "{0} target|chart", period);
}
