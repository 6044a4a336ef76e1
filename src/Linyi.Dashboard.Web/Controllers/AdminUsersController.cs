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

public sealed record UserRow(string Email, IReadOnlyList<string> Roles, bool LockedOut);

public sealed record UsersViewModel(IReadOnlyList<UserRow> Users, NewUserForm Form);

[Authorize(Policy = Roles.Admin)]
public class AdminUsersController(UserManager<DashboardUser> users) : Controller
{
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

    private async Task<List<UserRow>> ListAsync()
    {
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).Take(500).ToListAsync())
        {
            rows.Add(new UserRow(user.Email ?? user.UserName ?? "", (await users.GetRolesAsync(user)).ToList(), await users.IsLockedOutAsync(user)));
        }
        return rows;
    }
}
