using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Compare;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class CompareController(CompareQueries queries, DataQueries data, ReferenceData reference, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("/compare")]
    public async Task<IActionResult> Index(string? indicator, DashboardFilter filter, [FromQuery(Name = "county")] string[]? county, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || indicator is { Length: > DashboardFilter.MaxParameterLength })
        {
            return ModelState.IsValid ? this.ErrorPage(400, "indicator is too long.") : this.BadRequestPage();
        }
        var refs = await reference.GetAsync(cancellationToken);
        var regions = refs.Regions.Where(r => r.Kind is not RegionKind.Outside).ToList();
        var chosen = (county ?? []).OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (chosen.Count > 0)
        {
            if (chosen.FirstOrDefault(c => regions.All(r => r.Slug != c)) is { } unknown)
            {
                var shown = unknown.Length > 40 ? unknown[..40] + "…" : unknown;
                return this.ErrorPage(400, new Sentence("Unknown region '{0}'.", shown));
            }
            if (indicator is not null && !refs.IndicatorCodes.Contains(indicator))
            {
                return this.ErrorPage(400, new Sentence("Unknown indicator '{0}'.", indicator));
            }
            var distinct = chosen.Distinct().ToList();
            var model = new CompareViewModel(await queries.ChoicesAsync(cancellationToken), null, [], [], false, null)
            {
                Regions = regions, Indicators = refs.Indicators, Chosen = chosen, ChosenIndicator = indicator,
            };
            if (distinct.Count < 2 || distinct.Count > SideBySide.MaxRegions)
            {
                return View(model with { SideProblem = distinct.Count < 2 ? text["Choose two different regions."] : text["Choose at most {0} regions.", SideBySide.MaxRegions] });
            }
            var picked = distinct.Select(slug => regions.First(r => r.Slug == slug)).ToList();
            return View(model with { Side = await data.SideBySideAsync(picked, indicator, refs, cancellationToken) });
        }
        var ranking = await queries.GetAsync(indicator, filter, refs, cancellationToken);
        return indicator is not null && ranking.Selected is null
            ? this.ErrorPage(StatusCodes.Status404NotFound, "No two districts or counties have results for that indicator and period; targets are never ranked.")
            : View(ranking with { Regions = regions, Indicators = refs.Indicators });
    }
}
