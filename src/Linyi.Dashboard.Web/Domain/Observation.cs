namespace Linyi.Dashboard.Web.Domain;

/// <summary>
/// One value of an indicator for a region, a period and a kind, as one document reported it (a vintage), with its citation.
/// Several documents may report the same figure; <see cref="VintageRule"/> picks the one of record.
/// </summary>
public class Observation
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public ObservationKind Kind { get; set; }
    public Comparator Comparator { get; set; }
    public decimal Value { get; set; }
    public Vintage Vintage { get; set; } = Vintage.Final;

    /// <summary>For a target or stretch target, how it is judged; null for results.</summary>
    public GoalShape? Shape { get; set; }

    /// <summary>Set only when the document states this value in another unit than the indicator's.</summary>
    public string? UnitCode { get; set; }
    public Unit? Unit { get; set; }
    public int DocumentId { get; set; }
    public SourceDocument? Document { get; set; }
    public required string Section { get; set; }
    /// <summary>Context worth knowing, in Chinese; <see cref="NoteEn"/> is the same in English. Pages show the one of their language.</summary>
    public string? NoteZh { get; set; }
    public string? NoteEn { get; set; }

    public Period Period => new(StartYear, EndYear);
}
