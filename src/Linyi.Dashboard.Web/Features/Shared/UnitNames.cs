using System.Collections.Frozen;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Shared;

/// <summary>
/// The English names of the units (units.csv), read once from the database. Units change only with the seed files, so a
/// process keeps them; formatting is static and called from every view, so it reads them here rather than through each view model.
/// </summary>
public static class UnitNames
{
    private static volatile FrozenDictionary<string, string> english = FrozenDictionary<string, string>.Empty;

    public static bool Loaded => english.Count > 0;

    public static void Load(IEnumerable<KeyValuePair<string, string>> names) =>
        english = names.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The English name of a unit, or null when it is unknown.</summary>
    public static string? English(string unit) => english.GetValueOrDefault(unit);

    /// <summary>
    /// The English name of <paramref name="unit"/> in an indicator's figures: the indicator's own English unit
    /// (<paramref name="indicatorUnitEn"/>, "10 thousand places") for its unit; for another unit of the same dimension that
    /// unit's multiplier with the indicator's noun (个 "parking spaces", so 万个 "10 thousand parking spaces"); else the unit's name.
    /// </summary>
    public static string? For(string indicatorUnit, string? indicatorUnitEn, string unit)
    {
        var general = English(unit);
        if (indicatorUnitEn is null || indicatorUnitEn == English(indicatorUnit))
        {
            return general;
        }
        if (unit == indicatorUnit || general is null)
        {
            return indicatorUnitEn;
        }
        return SeedReader.EnglishMultiplier(general) + indicatorUnitEn[SeedReader.EnglishMultiplier(indicatorUnitEn).Length..];
    }

    public static async Task LoadAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        Load(await db.Units.AsNoTracking().Select(u => new KeyValuePair<string, string>(u.Code, u.NameEn)).ToListAsync(cancellationToken));
}

/// <summary>Loads <see cref="UnitNames"/> before the first action that could format a figure.</summary>
public sealed class UnitNamesFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!UnitNames.Loaded)
        {
            try
            {
                await UnitNames.LoadAsync(context.HttpContext.RequestServices.GetRequiredService<DashboardDbContext>(), context.HttpContext.RequestAborted);
            }
            catch (Exception exception) when (DatabaseFailure.IsUnavailable(exception))
            {
                // The error page that says the database is down must still render: units keep their codes until the
                // names can be read. Any other page fails on its own queries and gets that page.
            }
        }
        await next();
    }
}
