using Microsoft.AspNetCore.Identity;

namespace Linyi.Dashboard.Web.Data;

public class DashboardUser : IdentityUser;
