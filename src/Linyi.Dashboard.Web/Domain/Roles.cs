namespace Linyi.Dashboard.Web.Domain;

public static class Roles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";
}
