using System.ComponentModel.DataAnnotations;
using Linyi.Dashboard.Web.Accounts;
using Linyi.Dashboard.Web.Data;
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

public sealed class PasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [MaxLength(256)]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Enter a new password of at least 12 characters.")]
    [MinLength(12, ErrorMessage = "The password needs at least 12 characters.")]
    [MaxLength(256)]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }
}

public class AccountController(SignInService signInService, SignInManager<DashboardUser> signIn, UserManager<DashboardUser> users) : Controller
{
    public const string SignInFailed = "The email address or password is not correct. After five failed attempts an account is paused for 15 minutes; an administrator can unlock it sooner.";
    public const string SignInThrottled = "Too many sign-in attempts for this account. Wait a minute, then try again.";

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
        var outcome = await signInService.SignInAsync(form.Email!, form.Password!, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (outcome == SignInOutcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/admin");
        }
        if (outcome == SignInOutcome.Throttled)
        {
            Response.Headers.RetryAfter = "60";
            return this.ErrorPage(StatusCodes.Status429TooManyRequests, SignInThrottled);
        }
        ModelState.AddModelError("", SignInFailed);
        return View(form);
    }

    /// <summary>Ends this session and every other one of the account: a copied cookie stops working too.</summary>
    [HttpPost("/account/logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("/account/password")]
    [Authorize]
    public IActionResult Password() => View(new PasswordForm());

    /// <summary>A new password ends every other session of the account; this one continues.</summary>
    [HttpPost("/account/password")]
    [Authorize]
    public async Task<IActionResult> Password(PasswordForm form)
    {
        if (ModelState.IsValid && await users.GetUserAsync(User) is { } user)
        {
            var changed = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
            if (changed.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                return Redirect("/admin");
            }
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new PasswordForm());
    }

    [HttpGet("/account/denied")]
    public IActionResult Denied() => this.ErrorPage(StatusCodes.Status403Forbidden, "Your account does not have the role this page needs.");
}
