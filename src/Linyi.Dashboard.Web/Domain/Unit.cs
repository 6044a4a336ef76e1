namespace Linyi.Dashboard.Web.Domain;

/// <summary>A unit as the documents write it. Units of one dimension convert through <see cref="ToBase"/>.</summary>
public class Unit
{
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string Dimension { get; set; }
    public decimal ToBase { get; set; }

    public decimal ConvertTo(Unit target, decimal value) =>
        Dimension == target.Dimension
            ? value * ToBase / target.ToBase
            : throw new InvalidOperationException($"Cannot convert {Code} to {target.Code}.");
}
