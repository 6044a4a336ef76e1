using System.ComponentModel.DataAnnotations;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Controllers;

public sealed class NewUserForm
{
    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [MaxLength(256)]
    public string? Email { get; set; }

    [Required]
    [RegularExpression("^(Editor|Admin)$", ErrorMessage = "The role must be Editor or Admin.")]
    public string Role { get; set; } = Roles.Editor;

    [Required(ErrorMessage = "Enter an initial password of at least 12 characters.")]
    [MinLength(12, ErrorMessage = "The password needs at least 12 characters.")]
    [MaxLength(256)]
    public string? Password { get; set; }
}

public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, bool LockedOut, bool Disabled);

public sealed record UsersViewModel(IReadOnlyList<UserRow> Users, NewUserForm Form);

/// <summary>
/// Accounts and their remedies. A role change or disabling ends the account's sessions at once (its security stamp
/// changes); unlocking lifts a lockout from failed sign-ins. No administrator can demote or disable their own account,
/// so the last administrator cannot be shut out through this page.
/// </summary>
[Authorize(Policy = Roles.Admin)]
public partial class AdminUsersController(UserManager<DashboardUser> users, ILogger<AdminUsersController> logger) : Controller
{
    public const string NotYourself = "You cannot change the role of your own account, disable it or delete it; ask another administrator.";
    public const string LastAdmin = "This is the last enabled administrator; make another user an administrator first.";

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index() => View(new UsersViewModel(await ListAsync(), new NewUserForm()));

    [HttpPost("/admin/users")]
    public async Task<IActionResult> Create(NewUserForm form)
    {
        if (ModelState.IsValid)
        {
            var user = new DashboardUser { UserName = form.Email, Email = form.Email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, form.Password!);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, form.Role);
                return Redirect("/admin/users");
            }
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", new UsersViewModel(await ListAsync(), form));
    }

    [HttpPost("/admin/users/{id}/unlock")]
    public Task<IActionResult> Unlock(string id) => ChangeAsync(id, allowSelf: true, removesAdmin: false, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        LogChange(logger, User.Identity!.Name!, "unlocked", user.Email);
    });

    [HttpPost("/admin/users/{id}/role")]
    public Task<IActionResult> Role(string id, string? role) => role is not (Roles.Editor or Roles.Admin)
        ? Task.FromResult(this.ErrorPage(StatusCodes.Status400BadRequest, "The role must be Editor or Admin."))
        : ChangeAsync(id, allowSelf: false, removesAdmin: role != Roles.Admin, async user =>
    {
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        LogChange(logger, User.Identity!.Name!, "made " + role, user.Email);
    });

    /// <summary>A lockout that never ends is Identity's own way to disable an account; the new stamp ends its sessions.</summary>
    [HttpPost("/admin/users/{id}/disable")]
    public Task<IActionResult> Disable(string id) => ChangeAsync(id, allowSelf: false, removesAdmin: true, async user =>
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        LogChange(logger, User.Identity!.Name!, "disabled", user.Email);
    });

    [HttpPost("/admin/users/{id}/enable")]
    public Task<IActionResult> Enable(string id) => ChangeAsync(id, allowSelf: false, removesAdmin: false, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        LogChange(logger, User.Identity!.Name!, "enabled", user.Email);
    });

    /// <summary>A new password set by an administrator; the new security stamp ends the account's other sessions.</summary>
    [HttpPost("/admin/users/{id}/password")]
    public Task<IActionResult> ResetPassword(string id, string? password) => ChangeAsync(id, allowSelf: true, removesAdmin: false, async user =>
    {
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password ?? "");
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Description);
        }
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, user.LockoutEnd?.Year == DateTimeOffset.MaxValue.Year ? user.LockoutEnd : null);
            LogChange(logger, User.Identity!.Name!, "reset the password of", user.Email);
        }
    });

    [HttpGet("/admin/users/{id}/delete")]
    public async Task<IActionResult> ConfirmDelete(string id) =>
        await users.FindByIdAsync(id) is { } user
            ? View("~/Views/AdminRecords/Delete.cshtml", new Features.Admin.DeleteViewModel(user.Email ?? user.UserName ?? id, $"/admin/users/{id}/delete", "/admin/users"))
            : NotFound();

    /// <summary>Deleting an account removes its sign-in for good; what it changed stays in the audit trail under its name.</summary>
    [HttpPost("/admin/users/{id}/delete")]
    public Task<IActionResult> Delete(string id) => ChangeAsync(id, allowSelf: false, removesAdmin: true, async user =>
    {
        await users.DeleteAsync(user);
        LogChange(logger, User.Identity!.Name!, "deleted", user.Email);
    });

    private async Task<IActionResult> ChangeAsync(string id, bool allowSelf, bool removesAdmin, Func<DashboardUser, Task> change)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        var refusal = !allowSelf && user.Id == users.GetUserId(User) ? NotYourself
            : removesAdmin && await IsLastAdminAsync(user) ? LastAdmin
            : null;
        if (refusal is null)
        {
            await change(user);
            if (ModelState.IsValid)
            {
                return Redirect("/admin/users");
            }
        }
        else
        {
            ModelState.AddModelError("", refusal);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", new UsersViewModel(await ListAsync(), new NewUserForm()));
    }

    private async Task<bool> IsLastAdminAsync(DashboardUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && a.LockoutEnd?.Year != DateTimeOffset.MaxValue.Year);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Administrator {Admin} {Change} account {Email}")]
    private static partial void LogChange(ILogger logger, string admin, string change, string? email);

    private async Task<List<UserRow>> ListAsync()
    {
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).Take(500).ToListAsync())
        {
            var disabled = user.LockoutEnd?.Year == DateTimeOffset.MaxValue.Year;
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? "", (await users.GetRolesAsync(user)).ToList(), !disabled && await users.IsLockedOutAsync(user), disabled));
        }
        return rows;
    }
}
