using System.ComponentModel.DataAnnotations;

namespace Linyi.Dashboard.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the app starts. The run script and containers turn this on.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Load the seed CSV files when the app starts (idempotent).</summary>
    public bool SeedOnStartup { get; set; }

    [Required]
    public string SeedPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");
}
