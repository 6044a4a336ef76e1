using Linyi.Dashboard.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Linyi.Dashboard.Web.Features.Filters;

/// <summary>Binds <see cref="DashboardFilter"/> from the query; a malformed parameter becomes a model error (400), never an exception.</summary>
public sealed class DashboardFilterBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        if (DashboardFilter.TryParse(bindingContext.HttpContext.Request.Query, out var filter, out var error))
        {
            bindingContext.Result = ModelBindingResult.Success(filter);
        }
        else
        {
            bindingContext.ModelState.AddSentence(bindingContext.ModelName, error!);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }
}

public sealed class DashboardFilterBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(DashboardFilter) ? new DashboardFilterBinder() : null;
}

public static class FilterValidation
{
    /// <summary>Null when the filter names only regions and categories that exist; otherwise the message for the reader.</summary>
    public static Sentence? Problem(this DashboardFilter filter, Reference reference)
    {
        if (filter.Region is { } region && reference.Region(region) is null)
        {
            return new Sentence("Unknown region '{0}'.", region);
        }
        if (filter.Category is { } category && reference.Category(category) is null)
        {
            return new Sentence("Unknown category '{0}'.", category);
        }
        if (filter.Indicators.FirstOrDefault(code => !reference.IndicatorCodes.Contains(code)) is { } indicator)
        {
            return new Sentence("Unknown indicator '{0}'.", indicator);
        }
        if (filter.Document is { } document && !reference.DocumentCodes.Contains(document))
        {
            return new Sentence("Unknown document '{0}'.", document);
        }
        return null;
    }
}
