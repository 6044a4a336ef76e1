namespace Linyi.Dashboard.Intake;

/// <summary>One quantitative figure found in a report, with what the wording says about it.</summary>
/// <param name="Paragraph">1-based among the document's paragraphs.</param>
/// <param name="IndicatorZh">The phrase as written that names what the figure measures.</param>
/// <param name="Indicator">The catalogue code the phrase matches, or null for a possible new indicator.</param>
/// <param name="Kind">actual, target or stretch (lìzhēng, "strive for").</param>
/// <param name="Comparator">= ≈ ≥ ≤ &gt; &lt;</param>
/// <param name="Value">The number as written, without thousands separators.</param>
/// <param name="Start">Where the quote starts in the paragraph's text.</param>
/// <param name="Shape">every_year, cumulative, average, limit, deliverable or level.</param>
/// <param name="Preliminary">The wording says the figure is an estimate or preliminary (see preliminaryWords in Vocabulary/report-words.json).</param>
public sealed record Proposal(
    int Paragraph, string Section, int SectionParagraph,
    string IndicatorZh, string? Indicator, string Region, string Period, string Kind, string Comparator,
    string Value, string Unit, bool Growth, string Quote, int Start, string Shape, bool Preliminary)
{
    public string Citation => $"{Section} ¶{SectionParagraph}";

    public bool Matched => Indicator is not null;

    public static readonly string[] CsvHeader = ["paragraph", "indicator_zh", "indicator", "region", "period", "kind", "comparator", "value", "unit", "growth", "quote"];

    public string ToCsv() => string.Join(',', new[]
    {
        Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture), IndicatorZh, Indicator ?? "", Region, Period, Kind, Comparator, Value, Unit, Growth ? "yes" : "no", Quote,
    }.Select(Csv.Quote));
}

public sealed record ExtractOptions(string? Region = null, int? Year = null);
