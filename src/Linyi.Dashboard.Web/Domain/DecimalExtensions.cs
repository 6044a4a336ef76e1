namespace Linyi.Dashboard.Web.Domain;

public static class DecimalExtensions
{
    /// <summary>The value as stated, without the trailing zeros that a numeric(20,4) column adds (6105.0000 → 6105).</summary>
    public static decimal Trimmed(this decimal value) => value / 1.0000000000000000000000000000m;
}
