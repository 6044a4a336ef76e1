namespace Linyi.Dashboard.Web.Domain;

/// <summary>A published source that figures cite: a work report, a statistical bulletin, a news report.</summary>
public class SourceDocument
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public string? Publisher { get; set; }

    /// <summary>The publisher's name in English (its official English name where it has one); may be missing on edited records.</summary>
    public string? PublisherEn { get; set; }

    /// <summary>As precise as the document is: <c>2024</c>, <c>2024-01</c> or <c>2024-01-22</c>.</summary>
    public required string PublishedOn { get; set; }
    public DocumentKind Kind { get; set; }

    /// <summary>Where a reader can check the figures, when the document is on the web.</summary>
    public string? Url { get; set; }

    /// <summary>A note on how far the source can be trusted (a repost, a summary of another source).</summary>
    public string? Reliability { get; set; }

    /// <summary>The reliability note in English, a translation of <see cref="Reliability"/>; may be missing on edited records.</summary>
    public string? ReliabilityEn { get; set; }

    /// <summary>The text kept with the project's source documents, for the documents that came as files.</summary>
    public string? SourceFile { get; set; }
}
