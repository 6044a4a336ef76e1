namespace Linyi.Dashboard.Web.Domain;

public class SourceDocument
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public string? Publisher { get; set; }

    /// <summary>As precise as the document is: <c>2024</c>, <c>2024-01</c> or <c>2024-01-22</c>.</summary>
    public required string PublishedOn { get; set; }
    public DocumentKind Kind { get; set; }
    public required string SourceFile { get; set; }
}
