using System.ComponentModel;
using System.Reflection;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Features.Filters;

/// <summary>The query keys of the filters, named once: the pages' parser, their links and the API's parameters use these.</summary>
public static class FilterKeys
{
    public const string Region = "region";
    public const string Category = "category";
    public const string Year = "year";
    public const string Kind = "kind";
    public const string Outside = "outside";
    public const string Indicator = "indicator";
    public const string Document = "document";
    public const string History = "history";
    public const string Page = "page";
    public const string Size = "size";
    public const string After = "after";

    /// <summary>The order keys are listed in: in error messages, and in the API's description.</summary>
    public static readonly string[] InOrder = [Region, Category, Year, Kind, Indicator, Document, History, Outside, Page, Size, After];

    /// <summary>The keys a parameter record reads (its <see cref="FromQueryAttribute"/> names), in <see cref="InOrder"/>.</summary>
    public static string[] Of<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name).OfType<string>()
            .OrderBy(k => Array.IndexOf(InOrder, k) is var i and >= 0 ? i : int.MaxValue).ThenBy(k => k, StringComparer.Ordinal)
            .ToArray();
}

/// <summary>What each filter means, as the API guide and the OpenAPI document say it.</summary>
public static class FilterText
{
    public const string Region = "A region code from /api/regions, such as `linyi` (the city) or `junan`.";
    public const string Category = "A category code from /api/categories, such as `economy`.";
    public const string Year = "A year (`2024`), which also matches multi-year periods that contain it, or a span (`2022-2026`), matched exactly.";
    public const string Kind = "`actual` (a result), `target` (a base target) or `stretch` (a stretch target, *lìzhēng* in the reports).";
    public const string Indicator = "One or more indicator codes from /api/indicators, repeated (`indicator=gdp&indicator=cpi`) or separated by commas.";
    public const string Document = "A document code from /api/documents: only the figures it reports.";
    public const string History = "`true` for every report of each figure (all vintages), with `ofRecord` saying which one is used; `false` (the default) for the figures of record only.";
    public const string Outside = "`true` to include places outside Linyi (such as the partner county Yiyuan) when no region is given.";
    public const string Page = "The page, from 1.";
    public const string Size = "Figures per page, from 1 to 500.";
    public const string After = "The `next` of the previous page: the figures after it, in the same order (then `page` must be 1).";
}

/// <summary>
/// The filters, each declared once, as records an endpoint binds with <c>[AsParameters]</c>: each record adds filters to the
/// one before it, so a filter has one name, one description and one place. The values are read by
/// <see cref="DashboardFilter.TryParse"/>, the pages' parser, which also rejects a key given twice; the records are what the
/// OpenAPI document, the API guide and <see cref="Features.Api.KnownQueryAttribute"/> read.
/// </summary>
public record CategoryParameters
{
    [FromQuery(Name = FilterKeys.Category), Description(FilterText.Category)]
    public string? Category { get; init; }
}

/// <summary>The filters of goals: where, what and when.</summary>
public record GoalParameters : CategoryParameters
{
    [FromQuery(Name = FilterKeys.Region), Description(FilterText.Region)]
    public string? Region { get; init; }

    [FromQuery(Name = FilterKeys.Year), Description(FilterText.Year)]
    public string? Year { get; init; }

    [FromQuery(Name = FilterKeys.Indicator), Description(FilterText.Indicator)]
    public string[]? Indicator { get; init; }
}

/// <summary>
/// Every filter of the figures, as the explorer pages take them (<see cref="DashboardFilter.QueryKeys"/>), and the API's paging.
/// Paging is text here and checked by <see cref="TryPaging"/>, so that "page=abc" is a ProblemDetails like any other bad value.
/// </summary>
public record ObservationParameters : GoalParameters
{
    [FromQuery(Name = FilterKeys.Kind), Description(FilterText.Kind)]
    public string? Kind { get; init; }

    [FromQuery(Name = FilterKeys.Document), Description(FilterText.Document)]
    public string? Document { get; init; }

    [FromQuery(Name = FilterKeys.History), Description(FilterText.History)]
    public string? History { get; init; }

    [FromQuery(Name = FilterKeys.Outside), Description(FilterText.Outside)]
    public string? Outside { get; init; }

    [FromQuery(Name = FilterKeys.Page), Description(FilterText.Page)]
    public string? Page { get; init; }

    [FromQuery(Name = FilterKeys.Size), Description(FilterText.Size)]
    public string? Size { get; init; }

    [FromQuery(Name = FilterKeys.After), Description(FilterText.After)]
    public string? After { get; init; }

    /// <summary>The page, its size and the key to start after; false when any is not a number in range.</summary>
    public bool TryPaging(int maxPage, int maxSize, out int page, out int size, out long? after)
    {
        after = null;
        var ok = Number(Page, 1, out page) & Number(Size, 100, out size);
        if (!string.IsNullOrWhiteSpace(After))
        {
            ok &= long.TryParse(After, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key);
            after = key;
        }
        return ok && page is >= 1 && page <= maxPage && size is >= 1 && size <= maxSize && (after is null || page == 1);
    }

    private static bool Number(string? text, int unset, out int value)
    {
        value = unset;
        return string.IsNullOrWhiteSpace(text)
            || int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
