using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Linyi.Dashboard.Web.Domain;

/// <summary>A calendar year (<c>2023</c>) or a span of years (<c>2022-2026</c>).</summary>
public readonly record struct Period(int StartYear, int EndYear)
{
    public const int MinYear = 1949;
    public const int MaxYear = 2100;

    public bool IsSpan => EndYear != StartYear;

    public static Period Year(int year) => new(year, year);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 9)
        {
            return false;
        }
        var parts = text.Split('-');
        if (parts.Length > 2 || !parts.All(IsYear))
        {
            return false;
        }
        var start = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var end = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : start;
        if (end < start)
        {
            return false;
        }
        period = new Period(start, end);
        return true;
    }

    private static bool IsYear(string part) =>
        part.Length == 4 && part.All(char.IsAsciiDigit)
        && int.Parse(part, CultureInfo.InvariantCulture) is >= MinYear and <= MaxYear;

    public override string ToString() =>
        IsSpan ? $"{StartYear}-{EndYear}" : StartYear.ToString(CultureInfo.InvariantCulture);
}
