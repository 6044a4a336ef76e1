namespace Linyi.Dashboard.Web.Domain;

/// <summary>
/// Standard competition ranking ("1224"): equal values share a rank and the next rank skips, so that two counties
/// with the same figure are never shown as first and second.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<(T Item, int Rank)> Rank<T>(IEnumerable<T> items, Func<T, decimal> value, bool lowerIsBetter)
    {
        var ordered = (lowerIsBetter ? items.OrderBy(value) : items.OrderByDescending(value)).ToList();
        var ranked = new List<(T, int)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && value(ordered[i]) == value(ordered[i - 1]) ? ranked[i - 1].Item2 : i + 1;
            ranked.Add((ordered[i], rank));
        }
        return ranked;
    }
}
