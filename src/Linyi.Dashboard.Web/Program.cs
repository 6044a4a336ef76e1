using Linyi.Dashboard.Web.Accounts;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Hosting;
using Linyi.Dashboard.Web.Serving;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddDashboardLogging();
    builder.Services.AddDashboardDatabase(builder.Configuration);
    builder.Services.AddDashboardLocalization();
    builder.Services.AddDashboardSecurity(builder.Configuration, builder.Environment);
    builder.Services.AddDashboardWeb();
    builder.Services.AddDashboardFeatures();
    builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

    var app = builder.Build();

    app.UseDashboardForwardedHeaders();
    app.UseDashboardErrorPages();
    app.UseSecurityHeaders();
    app.UseRouting();
    app.UseHttpsForAccounts();
    app.UseCanonicalPagePaths();
    app.UseOutputCache();
    app.UseRequestLogScope();
    app.UseResponseCompression();
    app.UseDashboardRequestLogging();
    app.UseStaticFiles();
    app.UseCors();
    app.UseDashboardLocalization();
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapDashboardHealthChecks();
    app.MapOpenApi();
    app.MapDashboardApi();
    app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The dashboard stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
