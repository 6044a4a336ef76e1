namespace Linyi.Dashboard.Web.Domain;

/// <summary>The comparator as written in the seed files (<c>&gt;=</c>) and as shown to readers (≥).</summary>
public static class ComparatorText
{
    private static readonly (Comparator Value, string Ascii, string Symbol)[] Table =
    [
        (Comparator.Eq, "=", "="),
        (Comparator.Ge, ">=", "≥"),
        (Comparator.Le, "<=", "≤"),
        (Comparator.Approx, "~", "≈"),
    ];

    public static IEnumerable<string> AsciiForms => Table.Select(t => t.Ascii);

    public static bool TryParse(string? text, out Comparator comparator)
    {
        foreach (var (value, ascii, symbol) in Table)
        {
            if (text == ascii || text == symbol)
            {
                comparator = value;
                return true;
            }
        }
        comparator = default;
        return false;
    }

    public static string ToAscii(this Comparator comparator) => Table.First(t => t.Value == comparator).Ascii;

    public static string ToSymbol(this Comparator comparator) => Table.First(t => t.Value == comparator).Symbol;
}
