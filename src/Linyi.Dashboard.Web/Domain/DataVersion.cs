namespace Linyi.Dashboard.Web.Domain;

/// <summary>
/// A single row counting changes to the figures. Caches key on it, so that every app instance sees an edit at once,
/// and exports print it as "data as of".
/// </summary>
public class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
