using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class GoalsController(GoalQueries goals, ReferenceData reference) : Controller
{
    [HttpGet("/goals")]
    [KnownQuery("region", "category", "period", "status", "sort", "dir")]
    public async Task<IActionResult> Index(string? region, string? category, string? period, string? status, string? sort, string? dir, CancellationToken cancellationToken)
    {
        var refs = await reference.GetAsync(cancellationToken);
        var query = GoalListQuery.Default;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (refs.Region(region) is not { Kind: not RegionKind.Outside })
            {
                return this.ErrorPage(400, new Sentence("Unknown region '{0}'.", Shown(region)));
            }
            query = query with { Region = region };
        }
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (refs.Category(category) is null)
            {
                return this.ErrorPage(400, new Sentence("Unknown category '{0}'.", Shown(category)));
            }
            query = query with { Category = category };
        }
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!Period.TryParse(period, out var parsed))
            {
                return this.ErrorPage(400, new Sentence("period '{0}' must be a year such as 2023 or a span such as 2021-2025.", Shown(period)));
            }
            query = query with { Period = parsed };
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!KebabEnum.TryParse<GoalStatus>(status, out var parsed))
            {
                return this.ErrorPage(400, new Sentence("status '{0}' must be one of: {1}.", Shown(status), new Listed(KebabEnum.Texts<GoalStatus>())));
            }
            query = query with { Status = parsed };
        }
        if (!string.IsNullOrWhiteSpace(sort) || !string.IsNullOrWhiteSpace(dir))
        {
            if (!KebabEnum.TryParse<GoalSort>(sort ?? "period", out var by) || !KebabEnum.TryParse<SortDirection>(dir ?? "asc", out var direction))
            {
                var given = Shown($"{sort}/{dir}");
                return this.ErrorPage(400, new Sentence("sort/dir '{0}': sort must be one of: {1}; dir asc or desc.", given, new Listed(KebabEnum.Texts<GoalSort>())));
            }
            query = query with { Sort = by, Direction = direction };
        }
        return View(await goals.ListAsync(query, refs, cancellationToken));
    }

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
