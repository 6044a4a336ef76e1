namespace Linyi.Dashboard.Web.Domain;

/// <summary>A qualitative fact tied to a region: a key project, an honour, a designation or a plan.</summary>
public class Milestone
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    public MilestoneKind Kind { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public int DocumentId { get; set; }
    public SourceDocument? Document { get; set; }
    public required string Section { get; set; }

    public Period Period => new(StartYear, EndYear);
}
