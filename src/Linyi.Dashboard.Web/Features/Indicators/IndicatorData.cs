using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Features.Indicators;

public sealed record CitationData(string DocumentCode, string TitleZh, string TitleEn, string PublishedOn, string Section);

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
    CitationData Citation,
    string? Note)
{
    public Period Period => new(StartYear, EndYear);
}

/// <summary>An indicator with the observations of one region, as read from the database in one query.</summary>
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
    string? GrowthOfCode,
    string DescriptionZh,
    string DescriptionEn,
    IReadOnlyList<ObservationData> Observations);
