using Linyi.Dashboard.Web.Features.Indicators;

namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>One row of a PDF's sources appendix; figures in the body cite it by its number.</summary>
public sealed record PrintSource(int Number, CitationData Document, IReadOnlyList<string> Sections);

/// <summary>The documents behind a PDF, numbered once, so that every figure and the appendix agree on the numbers.</summary>
public sealed class PrintSources
{
    private readonly Dictionary<string, PrintSource> byCode;

    public PrintSources(IEnumerable<CitationData> citations)
    {
        Rows = citations
            .GroupBy(c => c.DocumentCode, StringComparer.Ordinal)
            .OrderBy(g => g.First().PublishedOn, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => new PrintSource(i + 1, g.First(), g.Select(c => c.Section).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        byCode = Rows.ToDictionary(r => r.Document.DocumentCode, StringComparer.Ordinal);
    }

    public IReadOnlyList<PrintSource> Rows { get; }

    /// <summary>The appendix number of the document behind a figure.</summary>
    public int Number(CitationData citation) => byCode[citation.DocumentCode].Number;

    /// <summary>The newest document date: how current the figures in the PDF are.</summary>
    public string LatestDate => Rows.Select(r => r.Document.PublishedOn).DefaultIfEmpty("").Max(StringComparer.Ordinal) ?? "";
}

/// <summary>An indicator as a PDF shows it: its chart, its figures with their vintage and source, and its track record.</summary>
/// <param name="RegionName">Set when one PDF holds several regions, so the caption says whose figures these are.</param>
/// <param name="ChartId">Unique in the document: the same indicator may be charted for several regions.</param>
public sealed record PrintIndicator(IndicatorView View, PrintSources Sources, string ChartId, string? RegionName = null)
{
    public bool IsChartable => SummaryQueries.IsChartable(View);

    /// <summary>The chart, when the indicator has enough results for one; otherwise its figures are written out.</summary>
    public ChartData? Chart => IsChartable ? ChartData.For(View) : null;
}
