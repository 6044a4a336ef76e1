using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Linyi.Dashboard.Web.Features.ApiGuide;

public sealed record ApiGuideParameter(string Name, string Description);

/// <param name="Example">An address to try, with typical parameters.</param>
public sealed record ApiGuideEndpoint(string Id, string Path, string Summary, string Description, IReadOnlyList<ApiGuideParameter> Parameters, string Example);

/// <summary>
/// The read API as a person reads it, from the same descriptions the OpenAPI document is built from (summaries,
/// descriptions and parameter texts of <see cref="Features.Api.ApiEndpoints"/>), so that the page and the document agree.
/// </summary>
public sealed class ApiGuideQueries(IApiDescriptionGroupCollectionProvider explorer)
{
    public const string OpenApiDocument = "/openapi/v1.json";

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["listRegions"] = "/api/regions",
        ["listCategories"] = "/api/categories",
        ["listIndicators"] = "/api/indicators?category=economy",
        ["listObservations"] = "/api/observations?region=junan&year=2024&kind=target",
        ["listGoals"] = "/api/goals?region=linyi&indicator=gdp_growth&year=2024",
        ["getRules"] = "/api/rules",
        ["listDocuments"] = "/api/documents",
    };

    public IReadOnlyList<ApiGuideEndpoint> Endpoints() =>
        explorer.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true && d.HttpMethod == HttpMethods.Get)
            .Select(d =>
            {
                var metadata = d.ActionDescriptor.EndpointMetadata;
                var id = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName ?? d.RelativePath!;
                var parameters = d.ParameterDescriptions
                    .Where(p => p.Source == BindingSource.Query)
                    .OrderBy(p => Array.IndexOf(Filters.FilterKeys.InOrder, p.Name) is var i and >= 0 ? i : int.MaxValue)
                    .Select(p => new ApiGuideParameter(p.Name,
                        (p.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<DescriptionAttribute>()?.Description ?? ""))
                    .ToList();
                var path = "/" + d.RelativePath;
                return new ApiGuideEndpoint(id, path,
                    metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? "",
                    metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description ?? "",
                    parameters, Examples.GetValueOrDefault(id, path));
            })
            .ToList();
}

public static class ApiGuideText
{
    /// <summary>Text with `code` spans as the API descriptions write them, Chinese runs marked on English pages.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Rich(string text)
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        var parts = text.Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                html.AppendHtml("<code>").Append(parts[i]).AppendHtml("</code>");
            }
            else
            {
                html.AppendHtml(Localization.Localized.Marked(parts[i]));
            }
        }
        return html;
    }
}
