using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Web.Features.Indicators;

/// <summary>Where a figure comes from: the document (with its web address, when it has one) and the place in it.</summary>
public sealed record CitationData(string DocumentCode, string TitleZh, string TitleEn, string PublishedOn, string Section, DocumentKind Kind, string? Publisher, string? Url,
    string? Reliability = null, string? PublisherEn = null, string? ReliabilityEn = null)
{
    /// <summary>The publisher in the reader's language; in Chinese when the English is missing.</summary>
    public string? PublisherShown => Localized.PickOptional(Publisher, PublisherEn);

    /// <summary>The reliability note in the reader's language; in Chinese when the English is missing.</summary>
    public string? ReliabilityShown => Localized.PickOptional(Reliability, ReliabilityEn);
}

public sealed record ObservationData(
    long Id,
    string RegionSlug,
    int StartYear,
    int EndYear,
    ObservationKind Kind,
    Comparator Comparator,
    decimal Value,
    string? UnitCode,
    decimal? UnitToBase,
    Vintage Vintage,
    CitationData Citation,
    string? NoteZh,
    string? NoteEn,
    GoalShape? Shape = null) : IVintage
{
    /// <summary>The note in the page's language, or the other language's when only that one exists.</summary>
    public LocalText? Note => LocalText.Of(NoteZh, NoteEn);

    public Period Period => new(StartYear, EndYear);

    public ObservationKey Key(string indicatorCode) => new(indicatorCode, RegionSlug, Period, Kind);

    /// <summary>The other reports of the same figure, oldest first, when this is the figure of record.</summary>
    public IReadOnlyList<ObservationData> Earlier { get; init; } = [];

    DocumentKind IVintage.DocumentKind => Citation.Kind;

    string IVintage.PublishedOn => Citation.PublishedOn;

    /// <summary>The figure of record for each key, with the other reports as its history.</summary>
    public static List<ObservationData> OfRecord(IEnumerable<ObservationData> reports) =>
        reports.GroupBy(o => (o.RegionSlug, o.Period, o.Kind))
            .Select(g =>
            {
                var record = VintageRule.PickOfRecord(g);
                var earlier = g.Where(o => o != record).OrderBy(o => o.Citation.PublishedOn, StringComparer.Ordinal).ThenBy(o => o.Id).ToList();
                return earlier.Count == 0 ? record : record with { Earlier = earlier };
            })
            .OrderBy(o => o.StartYear).ThenBy(o => o.EndYear).ThenBy(o => o.Kind)
            .ToList();
}

/// <summary>
/// An indicator with the figures of record of one region, as read from the database in one query. Each figure carries the
/// other reports of it (<see cref="ObservationData.Earlier"/>), so a card, its chart and its table always show the same value.
/// </summary>
public sealed record IndicatorData(
    int Id,
    string Code,
    string NameZh,
    string NameEn,
    string CategorySlug,
    string CategoryNameZh,
    string CategoryNameEn,
    int CategoryOrder,
    string UnitCode,
    string UnitNameEn,
    decimal UnitToBase,
    Measure Measure,
    Direction Direction,
    int Precision,
    ChartType Chart,
    decimal? AxisMin,
    decimal? AxisMax,
    string? GrowthOfCode,
    PriceBasis? Basis,
    string DescriptionZh,
    string DescriptionEn,
    IReadOnlyList<ObservationData> Observations)
{
    /// <summary>The English name of a unit in this indicator's figures: its own English unit, or another unit's multiplier with its noun.</summary>
    public string? EnglishUnit(string unit) => Shared.UnitNames.For(UnitCode, UnitNameEn, unit);
}
