using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>Renders a Razor view to a string, for the PDF renderer to print.</summary>
public sealed class ViewRenderer(IRazorViewEngine engine, ITempDataProvider tempData, IModelMetadataProvider metadata)
{
    public async Task<string> RenderAsync(ActionContext context, string viewPath, object model)
    {
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"View {viewPath} not found.");
        }
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext(context, found.View, viewData, new TempDataDictionary(context.HttpContext, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }
}
