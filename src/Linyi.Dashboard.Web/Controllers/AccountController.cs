using System.ComponentModel.DataAnnotations;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Linyi.Dashboard.Web.Controllers;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [MaxLength(256)]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [MaxLength(256)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public class AccountController(SignInManager<DashboardUser> signIn) : Controller
{
    [HttpGet("/account/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("/account/login")]
    [EnableRateLimiting(SecurityExtensions.LoginPolicy)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var result = await signIn.PasswordSignInAsync(form.Email!, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/admin");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes."
            : "The email address or password is not correct.");
        return View(form);
    }

    [HttpPost("/account/logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("/account/denied")]
    public IActionResult Denied() => this.ErrorPage(StatusCodes.Status403Forbidden, "Your account does not have the role this page needs.");
}
