using Linyi.Dashboard.Web.Controllers;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Sources;
using Linyi.Dashboard.Web.Hosting;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Api;

public sealed record ApiRegion(string Slug, string NameZh, string NameEn, string Kind, string? Parent, string? AdminCode);

public sealed record ApiCategory(string Slug, string NameZh, string NameEn, int SortOrder);

public sealed record ApiIndicator(string Code, string Category, string NameZh, string NameEn, string Unit, string Measure, string Direction,
    int Precision, string Chart, string? GrowthOf, string DescriptionZh, string DescriptionEn);

public sealed record ApiObservation(string Indicator, string Region, string Period, string Kind, string Comparator, decimal Value, string Unit,
    decimal? ValueInIndicatorUnit, string IndicatorUnit, string Vintage, bool OfRecord, string Document, string PublishedOn, string? Url, string Section, string? NoteZh, string? NoteEn);

/// <param name="Next">Pass as <c>after</c> for the next page; null when this page is not full.</param>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, long? Next = null);

/// <summary>
/// The read-only JSON API, a route group under /api. Each endpoint binds one parameter record (<see cref="FilterParameters"/>),
/// which declares its filters once for the OpenAPI document, the API guide and the known-key check; the values are read
/// by the pages' parser (<see cref="DashboardFilter.TryParse"/>). Errors are ProblemDetails.
/// </summary>
public static class ApiEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Api")
            .RequireCors(OpenApiSetup.CorsPolicy)
            .WithMetadata(new OutputCacheAttribute { PolicyName = DataVersionCachePolicy.Name })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddEndpointFilter(KnownQueryAttribute.RejectUnknownAsync);

        // HEAD answers like GET (monitors and link checkers send it), as HeadWithGetConvention does for the pages.
        api.MapMethods("regions", GetAndHead, Regions).WithName("listRegions")
            .WithMetadata(new KnownQueryAttribute())
            .WithSummary("List regions")
            .WithDescription("The city, its districts and counties, the development zones and the places outside Linyi that figures are reported for.");
        api.MapMethods("categories", GetAndHead, Categories).WithName("listCategories")
            .WithMetadata(new KnownQueryAttribute())
            .WithSummary("List categories")
            .WithDescription("The categories that indicators are grouped in, in the order the pages show them.");
        api.MapMethods("indicators", GetAndHead, Indicators).WithName("listIndicators")
            .WithMetadata(KnownQueryAttribute.Of<CategoryParameters>())
            .WithSummary("List indicators")
            .WithDescription("Every indicator with its unit, measure, direction (higher or lower is better) and description.");
        api.MapMethods("observations", GetAndHead, Observations).WithName("listObservations")
            .WithMetadata(KnownQueryAttribute.Of<ObservationParameters>())
            .WithSummary("List figures")
            .WithDescription("The figures of record (or, with `history=true`, every report of each figure) matching the filters, with value as stated, unit, the value in the indicator's unit, vintage and source. Paged, ordered by category and indicator: by `page`, or by key with `after` (the `next` of the previous page), which stays fast however deep.");
        api.MapMethods("goals", GetAndHead, Goals).WithName("listGoals")
            .WithMetadata(KnownQueryAttribute.Of<GoalParameters>())
            .WithSummary("List goals with their status")
            .WithDescription("Every goal: the base and stretch (*lìzhēng*) targets, the result it is judged by (value, year, vintage, source), its shape and phase, the status and the gap, decided by the same rules as the pages (see /about/progress and /api/rules). Without `region`, the goals of every region.");
        api.MapMethods("rules", GetAndHead, Rules).WithName("getRules")
            .WithMetadata(new KnownQueryAttribute())
            .WithSummary("The rules that decide each goal's status")
            .WithDescription("Every status and goal shape with its rule in Chinese and English: the same definitions the pages, the legend and /about/progress show.");
        api.MapMethods("documents", GetAndHead, Documents).WithName("listDocuments")
            .WithMetadata(new KnownQueryAttribute())
            .WithSummary("List source documents")
            .WithDescription("Every document the figures come from: kind, publisher, date, address, a note on its reliability, and how many figures it reports and how many of them are of record.");
        return app;
    }

    private static async Task<Ok<List<ApiRegion>>> Regions(ReferenceData reference, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reference.GetAsync(cancellationToken)).Regions
            .Select(r => new ApiRegion(r.Slug, r.NameZh, r.NameEn, KebabEnum.ToText(r.Kind), r.ParentSlug, r.AdminCode)).ToList());

    private static async Task<Ok<List<ApiCategory>>> Categories(ReferenceData reference, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reference.GetAsync(cancellationToken)).Categories.Select(c => new ApiCategory(c.Slug, c.NameZh, c.NameEn, c.SortOrder)).ToList());

    private static async Task<Results<Ok<List<ApiIndicator>>, ProblemHttpResult>> Indicators(
        [AsParameters] CategoryParameters parameters, HttpRequest request, ReferenceData reference, DashboardDbContext db, CancellationToken cancellationToken)
    {
        var (filter, rejected) = await FilterAsync(request, reference, cancellationToken);
        if (filter is null)
        {
            return rejected!;
        }
        var slug = filter.Category;
        var rows = await db.Indicators.AsNoTracking()
            .Where(i => slug == null || i.Category!.Slug == slug)
            .OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Code, Category = i.Category!.Slug, i.NameZh, i.NameEn, i.UnitCode, i.Measure, i.Direction, i.Precision, i.Chart, GrowthOf = i.GrowthOf == null ? null : i.GrowthOf.Code, i.DescriptionZh, i.DescriptionEn })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(i => new ApiIndicator(i.Code, i.Category, i.NameZh, i.NameEn, i.UnitCode, KebabEnum.ToText(i.Measure), KebabEnum.ToText(i.Direction),
            i.Precision, KebabEnum.ToText(i.Chart), i.GrowthOf, i.DescriptionZh, i.DescriptionEn)).ToList());
    }

    private static async Task<Results<Ok<ApiPage<ApiObservation>>, ProblemHttpResult>> Observations(
        [AsParameters] ObservationParameters parameters, HttpRequest request, ReferenceData reference, DataQueries data, CancellationToken cancellationToken)
    {
        if (!parameters.TryPaging(DataController.MaxPage, DataController.MaxPageSize, out var page, out var size, out var after))
        {
            return TypedResults.Problem(Words.Of("page must be from 1 to {0} (1 with after) and size from 1 to {1}.", DataController.MaxPage, DataController.MaxPageSize),
                statusCode: StatusCodes.Status400BadRequest, title: "Bad paging");
        }
        var (filter, rejected) = await FilterAsync(request, reference, cancellationToken);
        if (filter is null)
        {
            return rejected!;
        }
        var result = await data.PageAsync(filter, DataSort.Indicator, SortDirection.Asc, page, size, cancellationToken, after);
        var items = result.Rows.Select(r => new ApiObservation(r.IndicatorCode, r.RegionSlug, r.Period.ToString(), KebabEnum.ToText(r.Kind),
            r.Comparator.ToAscii(), Exact(r.Value), r.Unit, r.NormalizedValue is { } n ? Exact(n) : null, r.IndicatorUnit, KebabEnum.ToText(r.Vintage), r.OfRecord,
            r.DocumentCode, r.PublishedOn, r.Url, r.Section, r.NoteZh, r.NoteEn)).ToList();
        return TypedResults.Ok(new ApiPage<ApiObservation>(items, result.Total, result.Page, result.PageSize, result.Rows.Count == size ? result.Rows[^1].Id : null));
    }

    private static async Task<Results<Ok<List<ApiGoal>>, ProblemHttpResult>> Goals(
        [AsParameters] GoalParameters parameters, HttpRequest request, ReferenceData reference, ApiGoalQueries goals, CancellationToken cancellationToken)
    {
        var (filter, rejected) = await FilterAsync(request, reference, cancellationToken);
        if (filter is null)
        {
            return rejected!;
        }
        return TypedResults.Ok(await goals.ListAsync(filter, await reference.GetAsync(cancellationToken), cancellationToken));
    }

    private static Ok<ApiRules> Rules() => TypedResults.Ok(ApiRules.Current);

    private static async Task<Ok<List<ApiDocument>>> Documents(SourceQueries sources, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sources.ListAsync(cancellationToken)).Select(d => new ApiDocument(d.Code, d.TitleZh, d.TitleEn, KebabEnum.ToText(d.Kind), d.Publisher,
            d.PublishedOn, d.Url, d.Reliability, d.Figures, d.FiguresOfRecord, d.Milestones)).ToList());

    /// <summary>The filter from the query, checked against the codes that exist; otherwise the ProblemDetails that says why.</summary>
    private static async Task<(DashboardFilter? Filter, ProblemHttpResult? Rejected)> FilterAsync(HttpRequest request, ReferenceData reference, CancellationToken cancellationToken)
    {
        if (!DashboardFilter.TryParse(request.Query, out var filter, out var error))
        {
            return (null, BadFilter(error!));
        }
        if (filter.Problem(await reference.GetAsync(cancellationToken)) is { } problem)
        {
            return (null, BadFilter(problem));
        }
        return (filter, null);
    }

    private static ProblemHttpResult BadFilter(Sentence message) => TypedResults.Problem(message.Local, statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");

    private static decimal Exact(decimal value) => value.Trimmed();
}
