using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Admin;

/// <summary>One page of an admin list: the lists grow with the data, so each shows a page and links to the next.</summary>
public sealed record AdminPage<T>(IReadOnlyList<T> Items, int Page, bool HasMore)
{
    public const int Size = 100;

    /// <summary>Reads one row more than a page, to know whether another page follows, without counting them all.</summary>
    public static async Task<AdminPage<T>> ReadAsync(IQueryable<T> ordered, int page, CancellationToken cancellationToken)
    {
        var rows = await ordered.Skip((page - 1) * Size).Take(Size + 1).ToListAsync(cancellationToken);
        return new AdminPage<T>(rows.Take(Size).ToList(), page, rows.Count > Size);
    }

    /// <summary>A page number the lists accept: from 1, and small enough that its offset is a number.</summary>
    public static bool Valid(int page) => page >= 1 && page <= int.MaxValue / Size;
}
