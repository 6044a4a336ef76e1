using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Data.Seeding;

public sealed record DocumentRow(
    string Code, string TitleZh, string TitleEn, string? Publisher, string PublishedOn, DocumentKind Kind, string? Url, string? Reliability, string? SourceFile,
    string? PublisherEn = null, string? ReliabilityEn = null);

public sealed record RegionRow(string Slug, string NameZh, string NameEn, RegionKind Kind, string? Parent, string? AdminCode);

public sealed record CategoryRow(string Slug, string NameZh, string NameEn, int SortOrder);

public sealed record UnitRow(string Code, string NameEn, string Dimension, decimal ToBase);

public sealed record IndicatorRow(
    string Code, string Category, string NameZh, string NameEn, string Unit, Measure Measure, Direction Direction,
    int Precision, ChartType Chart, string? GrowthOf, string DescriptionZh, string DescriptionEn, decimal? AxisMin = null, decimal? AxisMax = null,
    PriceBasis? Basis = null, string? UnitEn = null);

public sealed record ObservationRow(
    string Indicator, string Region, Period Period, ObservationKind Kind, Comparator Comparator, decimal Value,
    string? Unit, Vintage Vintage, string Document, string Section, string? NoteZh, string? NoteEn, GoalShape? Shape = null)
{
    public ObservationKey Key => new(Indicator, Region, Period, Kind);

    /// <summary>A document reports a figure once: the key of this row's vintage.</summary>
    public string VintageKey => Key.WithDocument(Document);
}

public sealed record MilestoneRow(
    string Region, Period Period, string? Category, MilestoneKind Kind, string TitleZh, string TitleEn, string Document, string Section);

/// <summary>Every seed table, parsed and cross-checked: nothing here refers to a code that does not exist.</summary>
public sealed record SeedSet(
    IReadOnlyList<DocumentRow> Documents,
    IReadOnlyList<RegionRow> Regions,
    IReadOnlyList<CategoryRow> Categories,
    IReadOnlyList<UnitRow> Units,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<ObservationRow> Observations,
    IReadOnlyList<MilestoneRow> Milestones);
