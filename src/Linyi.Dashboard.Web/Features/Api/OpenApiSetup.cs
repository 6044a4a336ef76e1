using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Linyi.Dashboard.Web.Features.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, made to match what the server binds: real parameter names, enums and examples,
/// summaries, ProblemDetails for errors, and no security for the public read API. CORS lets browser clients GET /api/* only.
/// </summary>
public static class OpenApiSetup
{
    public const string CorsPolicy = "public-read-api";

    public static IServiceCollection AddDashboardApi(this IServiceCollection services)
    {
        // Numbers are numbers: without this the document types every integer and decimal as "number or string".
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => options.JsonSerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()));
        services.AddOpenApi(options =>
        {
            // HEAD answers like GET (HeadWithGetConvention) and needs no operation of its own in the document.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                && description.HttpMethod != HttpMethods.Head;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = $"{Words.En("Linyi Dashboard")} API / {Words.Zh("Linyi Dashboard")} API",
                    Version = "v1",
                    Description = "Read-only figures, goals and sources of the Linyi Dashboard. Every figure cites the document it comes from. No sign-in is needed.",
                    License = new OpenApiLicense { Name = "Public data from published government documents", Url = new Uri("https://www.linyi.gov.cn/") },
                };
                // Relative: the document never repeats the Host header a request came with.
                document.Servers = [new OpenApiServer { Url = "/" }];
                document.Security = [];
                document.Tags = new HashSet<OpenApiTag> { new() { Name = "Api", Description = "The read-only API: regions, categories, indicators, figures, goals and documents." } };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, _, _) =>
            {
                operation.Security = [];
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    Describe(parameter);
                }
                // A parameter record lists its own filters before those it adds to; the document lists them in one order.
                if (operation.Parameters is { Count: > 1 } parameters)
                {
                    operation.Parameters = [.. parameters.OrderBy(p => Array.IndexOf(FilterKeys.InOrder, p.Name) is var i and >= 0 ? i : int.MaxValue)];
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static void Describe(OpenApiParameter parameter)
    {
        switch (parameter.Name)
        {
            case "region" or "category" or "document":
                parameter.Schema = Text(pattern: "^[a-z0-9_-]{1,64}$");
                parameter.Example = parameter.Name switch { "region" => "linyi", "category" => "economy", _ => "gwr2024" };
                break;
            case "year":
                parameter.Schema = Text(pattern: "^[0-9]{4}(-[0-9]{4})?$");
                parameter.Example = "2024";
                break;
            case "kind":
                var kinds = Text();
                kinds.Enum = [.. KebabEnum.Texts<ObservationKind>().Select(k => (JsonNode)JsonValue.Create(k))];
                parameter.Schema = kinds;
                parameter.Example = "target";
                break;
            case "indicator":
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(pattern: "^[a-z0-9_-]{1,64}$"), MaxItems = 20 };
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = true;
                parameter.Example = new JsonArray("gdp");
                break;
            case "history" or "outside":
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false };
                parameter.Example = false;
                break;
            case "after":
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" };
                break;
            case "page":
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "1000000", Default = 1 };
                parameter.Example = 1;
                break;
            case "size":
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "500", Default = 100 };
                parameter.Example = 100;
                break;
        }
        parameter.Required = false;
    }

    private static OpenApiSchema Text(string? pattern = null) => new() { Type = JsonSchemaType.String, Pattern = pattern, MaxLength = 64 };
}
