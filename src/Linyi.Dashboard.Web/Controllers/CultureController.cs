using Linyi.Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class CultureController : Controller
{
    /// <summary>Remembers the reader's language in a cookie and returns to the page they were on.</summary>
    [HttpGet("/culture/{name}")]
    public IActionResult Set(string? name, string? returnUrl)
    {
        // A blank name binds as null.
        var culture = WebExtensions.Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (culture is null)
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, "Unknown language. Use zh-CN or en.");
        }
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
