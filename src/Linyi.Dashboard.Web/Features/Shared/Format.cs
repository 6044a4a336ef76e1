using System.Globalization;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Infrastructure;

namespace Linyi.Dashboard.Web.Features.Shared;

/// <summary>Numbers the Chinese way: thousands separators, the document's unit written straight after (6,105亿元; 6.3%).</summary>
public static class Format
{
    public static string Number(decimal value, int precision) =>
        value.ToString("N" + Math.Clamp(precision, 0, 4), CultureInfo.InvariantCulture);

    public static string WithUnit(decimal value, int precision, string unit) =>
        Number(value, precision) + (unit == "%" || !Localized.IsEnglish ? "" : " ") + unit;

    public static string Rank(decimal value) =>
        Localized.IsEnglish ? $"No. {Number(value, 0)}" : $"第{Number(value, 0)}位";

    public static string Value(IndicatorData indicator, decimal value) =>
        indicator.Measure == Measure.Rank ? Rank(value) : WithUnit(value, indicator.Precision, indicator.UnitCode);

    /// <summary>A target as worded: the comparator symbol, then the value in the unit the document used.</summary>
    public static string Target(IndicatorData indicator, Figure figure)
    {
        var prefix = figure.Comparator == Comparator.Eq ? "" : figure.Comparator.ToSymbol() + " ";
        var value = indicator.Measure == Measure.Rank
            ? Rank(figure.OriginalValue)
            : WithUnit(figure.OriginalValue, Math.Max(indicator.Precision, Decimals(figure.OriginalValue)), figure.OriginalUnit);
        return prefix + value;
    }

    public static string Observation(IndicatorData indicator, ObservationData observation)
    {
        var prefix = observation.Comparator == Comparator.Eq ? "" : observation.Comparator.ToSymbol() + " ";
        var unit = observation.UnitCode ?? indicator.UnitCode;
        return prefix + (indicator.Measure == Measure.Rank ? Rank(observation.Value)
            : WithUnit(observation.Value, Math.Max(indicator.Precision, Decimals(observation.Value)), unit));
    }

    public static string Percent(decimal ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Points(decimal points) =>
        (points >= 0 ? "+" : "−") + Math.Abs(points).ToString("0.##", CultureInfo.InvariantCulture) + (Localized.IsEnglish ? " pp" : "个百分点");

    /// <summary>The decimals a value really has (426.5000 from numeric(20,4) → 1), so no stated digit is hidden.</summary>
    public static int Decimals(decimal value) => (decimal.GetBits(value.Trimmed())[3] >> 16) & 0xFF;

    /// <summary>The value for machines (data attributes): invariant, without the numeric column's trailing zeros.</summary>
    public static string Invariant(decimal value) => value.Trimmed().ToString(CultureInfo.InvariantCulture);
}
