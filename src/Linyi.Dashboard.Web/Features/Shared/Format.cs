using System.Globalization;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Web.Features.Shared;

/// <summary>Numbers the Chinese way: thousands separators, the document's unit written straight after (6,105亿元; 6.3%).</summary>
/// <summary>A unit as a chart shows it: values are multiplied by <paramref name="Factor"/>, which adds <paramref name="Shift"/> decimals.</summary>
public sealed record DisplayScale(decimal Factor, int Shift, string Label);

public static partial class Format
{
    public static string Number(decimal value, int precision) =>
        value.ToString("N" + Math.Clamp(precision, 0, 4), CultureInfo.InvariantCulture);

    /// <summary>
    /// A value in its unit. In English the unit is named in words and a 万 or 亿 multiplier is carried into the number
    /// (6,105亿元 → 610.5 billion yuan; 426.5万吨 → 4.265 million tonnes), keeping every digit the document stated.
    /// </summary>
    /// <param name="english">The unit's English name where the indicator names its own (<see cref="UnitNames.For"/>); null for the unit's.</param>
    public static string WithUnit(decimal value, int precision, string unit, string? english = null)
    {
        if (!Localized.IsEnglish || unit == "%")
        {
            return Number(value, precision) + unit;
        }
        var (scaled, shift, name) = English(value, unit, english);
        var decimals = Math.Min(Math.Max(Math.Max(0, precision - (shift < 0 ? -shift : 0)), Decimals(scaled)), Math.Max(0, precision + shift));
        var number = Number(scaled, decimals);
        return number + " " + (number == "1" ? Singular(name) : name);
    }

    /// <summary>
    /// "1 firm", "1 person", "1 household or entity", "1 logistics park", "1 bus": the unit names are plural counts, and
    /// only the last word of each noun (before the end, "and", "or" or a parenthesis) is plural.
    /// </summary>
    public static string Singular(string name) =>
        SingularWord().Replace(name.Replace("people", "person", StringComparison.Ordinal), m => m.Groups["w"].Value + (m.Groups["e"].Value == "ies" ? "y" : ""));

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?<w>[A-Za-z-]*(?:ss|x|ch|sh|bus))(?<e>es)|(?<w>[A-Za-z-]{2,}?[A-RT-Za-rt-z])(?<e>ies|s))\b(?=$|\)| and | or | \()")]
    private static partial System.Text.RegularExpressions.Regex SingularWord();

    /// <summary>The unit as a label (axis titles, headings): the code in Chinese, the English name in English.</summary>
    public static string UnitLabel(string unit, string? english = null) => Localized.IsEnglish ? english ?? UnitNames.English(unit) ?? unit : unit;

    /// <summary>
    /// The one scale a chart of these values uses, so that its axis and the figures beside it agree: in English the scale
    /// <see cref="WithUnit"/> writes the largest value in (亿元 → billion yuan, ×0.1); in Chinese the unit itself.
    /// </summary>
    public static DisplayScale ScaleFor(string unit, IEnumerable<decimal> values, string? english = null)
    {
        if (!Localized.IsEnglish || unit == "%")
        {
            return new DisplayScale(1m, 0, UnitLabel(unit, english));
        }
        var largest = values.Select(Math.Abs).DefaultIfEmpty(0m).Max();
        var (_, shift, name) = English(largest == 0 ? 100 : largest, unit, english);
        return new DisplayScale(shift switch { 2 => 0.01m, 1 => 0.1m, -1 => 10m, _ => 1m }, shift, name);
    }

    private static (decimal Value, int Shift, string Name) English(decimal value, string unit, string? english)
    {
        var name = english ?? UnitNames.English(unit) ?? unit;
        const string Hundred = "100 million ", TenThousand = "10 thousand ";
        if (name.StartsWith(Hundred, StringComparison.Ordinal))
        {
            return (value / 10, 1, "billion " + name[Hundred.Length..]);
        }
        if (name.StartsWith(TenThousand, StringComparison.Ordinal))
        {
            return Math.Abs(value) >= 100
                ? (value / 100, 2, "million " + name[TenThousand.Length..])
                : (value * 10, -1, "thousand " + name[TenThousand.Length..]);
        }
        return (value, 0, name);
    }

    /// <summary>A colon in the page's script: full-width after Chinese, a colon and a space after English.</summary>
    public static string Colon => Words.Of(": ");

    /// <summary>A period as readers say it: 2024年, 2022–2026年; 2024, 2022–2026.</summary>
    public static string PeriodLabel(Period period) =>
        Words.Of("{0}|year", period.IsSpan ? $"{period.StartYear}–{period.EndYear}" : period.StartYear.ToString(CultureInfo.InvariantCulture));

    public static string Comma => Words.Of(", ");

    /// <summary>Between the items of a list of names: 、 in Chinese, a comma in English.</summary>
    public static string Enumeration => Words.Of(", |list");

    public static string Semicolon => Words.Of("; ");

    /// <summary>A parenthesis in the page's script: （…） in Chinese, " (…)" in English.</summary>
    public static string Paren(object? inner) => Words.Of(" ({0})", inner);

    public static string Rank(decimal value) =>
        Words.Of("No. {0}", Number(value, 0));

    public static string Value(IndicatorData indicator, decimal value) =>
        indicator.Measure == Measure.Rank ? Rank(value) : WithUnit(value, indicator.Precision, indicator.UnitCode, indicator.UnitNameEn);

    /// <summary>
    /// A target as worded: the comparator symbol, then the value in the unit the document used. The indicator's precision
    /// belongs to its own unit, so a target stated in another unit keeps the digits it was stated with (≥ 85亿斤, not 85.0).
    /// </summary>
    public static string Target(IndicatorData indicator, Figure figure)
    {
        var prefix = figure.Comparator == Comparator.Eq ? "" : figure.Comparator.ToSymbol() + " ";
        var value = indicator.Measure == Measure.Rank
            ? Rank(figure.OriginalValue)
            : WithUnit(figure.OriginalValue, figure.Converted ? Decimals(figure.OriginalValue) : Math.Max(indicator.Precision, Decimals(figure.OriginalValue)), figure.OriginalUnit,
                indicator.EnglishUnit(figure.OriginalUnit));
        return prefix + value;
    }

    public static string Observation(IndicatorData indicator, ObservationData observation)
    {
        var prefix = observation.Comparator == Comparator.Eq ? "" : observation.Comparator.ToSymbol() + " ";
        var unit = observation.UnitCode ?? indicator.UnitCode;
        return prefix + (indicator.Measure == Measure.Rank ? Rank(observation.Value) : Stated(observation.Value, indicator.Precision, unit, indicator.UnitCode, indicator.UnitNameEn));
    }

    /// <summary>
    /// A value as the document states it: at the indicator's precision in the indicator's own unit, and with exactly the
    /// digits it was written with in another unit (≥ 85亿斤, not 85.0亿斤, for an indicator kept in 万吨 to one decimal).
    /// </summary>
    public static string Stated(decimal value, int precision, string unit, string indicatorUnit, string? indicatorUnitEn = null) =>
        WithUnit(value, unit == indicatorUnit ? Math.Max(precision, Decimals(value)) : Decimals(value), unit, UnitNames.For(indicatorUnit, indicatorUnitEn, unit));

    public static string Percent(decimal ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Points(decimal points) =>
        (points >= 0 ? "+" : "−") + Math.Abs(points).ToString("0.##", CultureInfo.InvariantCulture) + Words.Of(" pp");

    /// <summary>The decimals a value really has (426.5000 from numeric(20,4) → 1), so no stated digit is hidden.</summary>
    public static int Decimals(decimal value) => (decimal.GetBits(value.Trimmed())[3] >> 16) & 0xFF;

    /// <summary>The value for machines (data attributes): invariant, without the numeric column's trailing zeros.</summary>
    public static string Invariant(decimal value) => value.Trimmed().ToString(CultureInfo.InvariantCulture);
}
