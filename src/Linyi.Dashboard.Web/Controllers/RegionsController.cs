using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Compare;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Regions;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class RegionsController(RegionQueries queries, CompareQueries compare, ReferenceData reference) : Controller
{
    [HttpGet("/regions")]
    [KnownQuery("indicator", "year", "shade")]
    public async Task<IActionResult> Index(string? indicator, string? year, string? shade, CancellationToken cancellationToken)
    {
        // The form's one choice "code/period" becomes the address of that map.
        if (shade is not null)
        {
            var parts = shade.Split('/', 2);
            return string.IsNullOrWhiteSpace(parts[0]) ? Redirect("/regions")
                : Redirect($"/regions?indicator={Uri.EscapeDataString(parts[0])}" + (parts.Length > 1 ? $"&year={Uri.EscapeDataString(parts[1])}" : ""));
        }
        var refs = await reference.GetAsync(cancellationToken);
        var model = await queries.IndexAsync(refs, cancellationToken);
        if (indicator is null)
        {
            return View(model);
        }
        Domain.Period? period = null;
        if (year is not null)
        {
            if (!Domain.Period.TryParse(year, out period))
            {
                return this.ErrorPage(400, new Sentence("year '{0}' must be a year such as 2023 or a span such as 2022-2026.", Shown(year)));
            }
        }
        var shaded = await compare.GetAsync(indicator, DashboardFilter.None with { Period = period, Kind = Domain.ObservationKind.Actual }, refs, cancellationToken);
        if (shaded.Selected is null || shaded.Map is null)
        {
            return this.ErrorPage(StatusCodes.Status404NotFound,
                year is null
                    ? new Sentence("No two districts or counties have results for '{0}'; choose one of the figures the map offers.", Shown(indicator))
                    : new Sentence("No two districts or counties have results for '{0}' in {1}; choose one of the figures the map offers.", Shown(indicator), Shown(year)));
        }
        return View(model with { Map = shaded.Map, Shaded = shaded.Selected });
    }

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [HttpGet("/regions/coverage")]
    public async Task<IActionResult> Coverage(CancellationToken cancellationToken) =>
        View(await queries.CoverageAsync(await reference.GetAsync(cancellationToken), cancellationToken));

    [HttpGet("/regions/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken, int page = 1)
    {
        if (!ModelState.IsValid)
        {
            return this.BadRequestPage();
        }
        var model = await queries.GetAsync(slug, await reference.GetAsync(cancellationToken), cancellationToken, page);
        if (model is not null && model.Page != page)
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, new Sentence("page must be from 1 to {0}.", model.PageCount));
        }
        return model is null ? NotFound() : View(model);
    }
}
