using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Infrastructure;
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
                return this.ErrorPage(400, $"Unknown region '{Shown(region)}'. / 未知地区“{Shown(region)}”。");
            }
            query = query with { Region = region };
        }
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (refs.Category(category) is null)
            {
                return this.ErrorPage(400, $"Unknown category '{Shown(category)}'. / 未知类别“{Shown(category)}”。");
            }
            query = query with { Category = category };
        }
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!Period.TryParse(period, out var parsed))
            {
                return this.ErrorPage(400, $"period '{Shown(period)}' must be a year such as 2023 or a span such as 2021-2025. / period“{Shown(period)}”须为年份（如 2023）或年份区间（如 2021-2025）。");
            }
            query = query with { Period = parsed };
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!KebabEnum.TryParse<GoalStatus>(status, out var parsed))
            {
                return this.ErrorPage(400, $"status '{Shown(status)}' must be one of: {string.Join(", ", KebabEnum.Texts<GoalStatus>())}. / status“{Shown(status)}”须为以下之一：{string.Join("、", KebabEnum.Texts<GoalStatus>())}。");
            }
            query = query with { Status = parsed };
        }
        if (!string.IsNullOrWhiteSpace(sort) || !string.IsNullOrWhiteSpace(dir))
        {
            if (!KebabEnum.TryParse<GoalSort>(sort ?? "period", out var by) || !KebabEnum.TryParse<SortDirection>(dir ?? "asc", out var direction))
            {
                var given = Shown($"{sort}/{dir}");
                return this.ErrorPage(400, $"sort/dir '{given}': sort must be one of: {string.Join(", ", KebabEnum.Texts<GoalSort>())}; dir asc or desc. / sort/dir“{given}”：sort 须为以下之一：{string.Join("、", KebabEnum.Texts<GoalSort>())}；dir 须为 asc 或 desc。");
            }
            query = query with { Sort = by, Direction = direction };
        }
        return View(await goals.ListAsync(query, refs, cancellationToken));
    }

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
