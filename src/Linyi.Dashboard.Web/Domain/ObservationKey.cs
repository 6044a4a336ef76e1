using Linyi.Dashboard.Web.Data;

namespace Linyi.Dashboard.Web.Domain;

/// <summary>
/// What a figure is about: indicator, region, period and kind. Several vintages (one per document) share a key; the key
/// with the document code names one vintage. The text forms used by seeds, imports, the audit trail and the DOM live here.
/// </summary>
public readonly record struct ObservationKey(string Indicator, string Region, Period Period, ObservationKind Kind)
{
    /// <summary><c>gdp/linyi/2024/actual</c></summary>
    public override string ToString() => $"{Indicator}/{Region}/{Period}/{KebabEnum.ToText(Kind)}";

    /// <summary><c>gdp/linyi/2024/actual@bulletin2024</c>: one document's report of the figure.</summary>
    public string WithDocument(string document) => $"{this}@{document}";

    /// <summary>The figure key of a vintage key; audit entries written before vintages have no document part.</summary>
    public static string FigurePart(string vintageKey) => vintageKey.Split('@', 2)[0];

    /// <summary>A DOM-safe id: <c>gdp-linyi-2024-actual</c>.</summary>
    public string DomId => ToString().Replace('/', '-');
}
