namespace Linyi.Dashboard.Web.Domain;

/// <summary>An uploaded import file waiting for its uploader to confirm the preview. Stored in the database so any instance can apply it.</summary>
public class PendingImport
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The uploader chose to remove the figures of the file's documents that the file does not list.</summary>
    public bool RemoveMissing { get; set; }
}
