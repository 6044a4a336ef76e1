namespace Linyi.Dashboard.Web.Domain;

/// <summary>One report of a figure, as the vintage rule needs it.</summary>
public interface IVintage
{
    Vintage Vintage { get; }
    DocumentKind DocumentKind { get; }
    string PublishedOn { get; }
    long Id { get; }
    decimal Value { get; }
}

/// <summary>
/// Which of several reports of the same figure the dashboard uses (the figure of record). Documented in docs/progress.md
/// and mirrored by the triggers that keep the <c>observations_of_record</c> table:
/// <list type="number">
/// <item>a final figure wins over a preliminary one (预计, 初步核算, 快报);</item>
/// <item>then the source's tier: statistics bureau (bulletin, release) over government (work report, notice) over news, reposts last;</item>
/// <item>then a precise figure over a rounded repetition of it (4,805.25 over a later "4,805") of the same vintage and tier;</item>
/// <item>then the newer publication;</item>
/// <item>then the later entry, so that the choice is always the same.</item>
/// </list>
/// </summary>
public static class VintageRule
{
    public static int Tier(DocumentKind kind) => kind switch
    {
        DocumentKind.Bulletin or DocumentKind.StatsRelease => 3,
        DocumentKind.WorkReport or DocumentKind.GovNotice => 2,
        DocumentKind.News => 1,
        _ => 0,
    };

    public static T PickOfRecord<T>(IEnumerable<T> reports) where T : IVintage
    {
        var all = reports.ToList();
        return all.OrderByDescending(r => r.Vintage == Vintage.Final)
            .ThenByDescending(r => Tier(r.DocumentKind))
            .ThenBy(r => all.Any(other => IsRoundingOf(r, other)))
            .ThenByDescending(r => r.PublishedOn, StringComparer.Ordinal)
            .ThenByDescending(r => r.Id)
            .First();
    }

    /// <summary>Whether <paramref name="rounded"/> states <paramref name="precise"/> with fewer decimals, in the same vintage and tier.</summary>
    public static bool IsRoundingOf(IVintage rounded, IVintage precise)
    {
        var places = Decimals(rounded.Value);
        return rounded.Id != precise.Id && rounded.Vintage == precise.Vintage && Tier(rounded.DocumentKind) == Tier(precise.DocumentKind)
            && Decimals(precise.Value) > places && Math.Round(precise.Value, places, MidpointRounding.AwayFromZero) == rounded.Value.Trimmed();
    }

    private static int Decimals(decimal value) => (decimal.GetBits(value.Trimmed())[3] >> 16) & 0xFF;
}
