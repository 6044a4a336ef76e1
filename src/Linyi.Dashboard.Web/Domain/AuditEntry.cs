namespace Linyi.Dashboard.Web.Domain;

public enum AuditAction { Create, Update, Delete }

public enum ChangeSource { Form, Import, Seed, Revert }

/// <summary>One change to the figures, recorded in the same transaction as the change and never altered afterwards.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
    public ChangeSource Source { get; set; }
    public Guid? ImportId { get; set; }

    /// <summary>For a revert, the entry it took back.</summary>
    public long? RevertOf { get; set; }
}
