using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace Linyi.Dashboard.Web.Features.Filters;

/// <summary>What the indicator box held that names no indicator, and the indicators whose names contain it.</summary>
public sealed record IndicatorNameProblem(string Typed, string Unmatched, IReadOnlyList<IndicatorChoice> Candidates);

/// <summary>Finds indicators by code, or by Chinese or English name (whole or, when only one matches, in part).</summary>
public static class IndicatorNames
{
    public const int MaxCandidates = 8;

    private static readonly char[] Separators = [',', '，', ';', '；'];

    /// <summary>Codes for each name in <paramref name="text"/>; the first part that matches none is returned as unmatched.</summary>
    public static (IReadOnlyList<string> Codes, string? Unmatched, IReadOnlyList<IndicatorChoice> Candidates) Resolve(string text, Reference refs)
    {
        if (Exact(text.Trim(), refs) is { } whole)
        {
            return ([whole.Code], null, []);
        }
        var codes = new List<string>();
        foreach (var part in text.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var found = Exact(part, refs);
            if (found is null)
            {
                var partial = Partial(part, refs);
                if (partial.Count != 1)
                {
                    return (codes, part, partial.Take(MaxCandidates).ToList());
                }
                found = partial[0];
            }
            if (!codes.Contains(found.Code))
            {
                codes.Add(found.Code);
            }
        }
        return (codes, null, []);
    }

    private static IndicatorChoice? Exact(string name, Reference refs)
    {
        var plain = Squeeze(name);
        return refs.Indicators.FirstOrDefault(i => string.Equals(i.Code, plain, StringComparison.OrdinalIgnoreCase))
            ?? refs.Indicators.FirstOrDefault(i => Squeeze(i.NameZh) == plain || string.Equals(Squeeze(i.NameEn), plain, StringComparison.OrdinalIgnoreCase));
    }

    private static List<IndicatorChoice> Partial(string name, Reference refs)
    {
        var plain = Squeeze(name);
        return plain.Length == 0 ? [] : refs.Indicators
            .Where(i => i.NameZh.Contains(plain, StringComparison.Ordinal) || Squeeze(i.NameEn).Contains(plain, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>One space between words, none at the ends.</summary>
    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// Lets the data explorer's indicator box take names: a box whose every part names an indicator is redirected to the
/// same address with the codes; a part that names none is taken out of the query and left for the form to explain.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResolveIndicatorNamesAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!request.Query.TryGetValue("indicator", out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0])
            || values[0]!.Length > 200 || values[0]!.Any(char.IsControl))
        {
            await next();
            return;
        }
        var refs = await context.HttpContext.RequestServices.GetRequiredService<ReferenceData>().GetAsync(context.HttpContext.RequestAborted);
        var typed = values[0]!;
        var parts = typed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.All(refs.IndicatorCodes.Contains))
        {
            await next();
            return;
        }
        var (codes, unmatched, candidates) = IndicatorNames.Resolve(typed, refs);
        var query = request.Query.Where(q => q.Key != "indicator").ToDictionary(q => q.Key, q => q.Value);
        if (codes.Count > 0)
        {
            query["indicator"] = string.Join(',', codes);
        }
        if (unmatched is null)
        {
            var target = QueryHelpers.AddQueryString(request.Path, query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
            context.Result = new RedirectResult(target.Replace("%2C", ",", StringComparison.Ordinal));
            return;
        }
        request.Query = new QueryCollection(query);
        context.HttpContext.Items[typeof(IndicatorNameProblem)] = new IndicatorNameProblem(typed.Trim(), unmatched, candidates);
        await next();
    }
}

public static class IndicatorNameProblemExtensions
{
    public static IndicatorNameProblem? IndicatorNameProblem(this HttpContext context) =>
        context.Items.TryGetValue(typeof(IndicatorNameProblem), out var problem) ? problem as IndicatorNameProblem : null;
}
