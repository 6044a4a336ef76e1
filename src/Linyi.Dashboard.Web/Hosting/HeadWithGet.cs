using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Linyi.Dashboard.Web.Hosting;

/// <summary>
/// Every action that answers GET answers HEAD too (monitors and link checkers send HEAD); Kestrel sends the headers
/// without the body.
/// </summary>
public sealed class HeadWithGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var get = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault(c => c.HttpMethods.Contains(HttpMethods.Get));
            if (get is null || get.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }
            var methods = get.HttpMethods.Append(HttpMethods.Head).ToArray();
            selector.ActionConstraints[selector.ActionConstraints.IndexOf(get)] = new HttpMethodActionConstraint(methods);
            for (var i = 0; i < selector.EndpointMetadata.Count; i++)
            {
                if (selector.EndpointMetadata[i] is HttpMethodMetadata metadata)
                {
                    selector.EndpointMetadata[i] = new HttpMethodMetadata(methods, metadata.AcceptCorsPreflight);
                }
            }
        }
    }
}
