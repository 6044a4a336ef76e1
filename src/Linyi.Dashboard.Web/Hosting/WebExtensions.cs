using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Linyi.Dashboard.Web.Accounts;
using Linyi.Dashboard.Web.Controllers;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Categories;
using Linyi.Dashboard.Web.Features.Compare;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Home;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Features.Pdf;
using Linyi.Dashboard.Web.Features.Regions;
using Linyi.Dashboard.Web.Localization;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.WebEncoders;

namespace Linyi.Dashboard.Web.Hosting;

public static class WebExtensions
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddDashboardWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews(options =>
            {
                options.ModelBinderProviders.Insert(0, new DashboardFilterBinderProvider());
                // Every POST, PUT and DELETE must carry the antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new ValidateFilterAttribute());
                options.Filters.Add(new Features.Shared.UnitNamesFilter());
                options.Filters.Add(new AntiforgeryFailurePage());
                options.Conventions.Add(new HeadWithGetConvention());
                SystemMessages.Use(options);
            })
            .AddViewLocalization()
            // Validation messages and display names are keys of the one shared resource file, as the views' strings are.
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddMemoryCache();
        services.AddOutputCache(options => options.SizeLimit = 256L * 1024 * 1024);
        services.AddOptions<OutputCacheOptions>().Configure<IServiceProvider>((options, services) =>
            options.AddPolicy(DataVersionCachePolicy.Name, DataVersionCachePolicy.Create(services)));
        services.AddResponseCompression(options =>
        {
            // Not over HTTPS: pages carry antiforgery tokens next to reflected input (BREACH). A TLS proxy may compress instead.
            options.EnableForHttps = false;
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<VersionedCache>();
        // Chinese text is written as is, not as &#x..; entities: readable source and a third of the bytes.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddDashboardApi();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static IServiceCollection AddDashboardFeatures(this IServiceCollection services)
    {
        services.AddOptions<OverviewOptions>().BindConfiguration(OverviewOptions.Section);
        services.AddScoped<HomeQueries>();
        services.AddSingleton<OverviewWarmup>();
        services.AddHostedService(provider => provider.GetRequiredService<OverviewWarmup>());
        services.AddScoped<Features.Goals.GoalAssembly>();
        services.AddScoped<Features.Goals.GoalQueries>();
        services.AddSingleton<Features.ApiGuide.ApiGuideQueries>();
        services.AddScoped<Features.Sources.SourceQueries>();
        services.AddScoped<FilterQueries>();
        services.AddScoped<DataQueries>();
        services.AddScoped<Features.Api.ApiGoalQueries>();
        services.AddScoped<RegionQueries>();
        services.AddScoped<CompareQueries>();
        services.AddScoped<SummaryQueries>();
        services.AddScoped<StatusNoticeWriter>();
        services.AddScoped<NoticePdf>();
        services.AddScoped<Features.Briefing.BriefingQueries>();
        services.AddScoped<AdminReference>();
        services.AddScoped<ObservationEditor>();
        services.AddScoped<ImportService>();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RecordEditors>();
        services.AddScoped<Features.Worksheets.WorksheetQueries>();
        services.AddScoped<AuditPresenter>();
        services.AddScoped<Undo>();
        services.AddScoped<ViewRenderer>();
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PdfCache>();
        services.AddSingleton<PdfRenderer>();
        services.AddHostedService(provider => provider.GetRequiredService<PdfRenderer>());
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<IndicatorPageQueries>();
        services.AddScoped<CategoryQueries>();
        return services;
    }

    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseDashboardLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>
    /// Signing in and changing data need HTTPS (their antiforgery cookie is secure-only). Over plain HTTP, with no HTTPS
    /// port to redirect to, the account pages and every change answer 400 with the reason; public pages stay readable,
    /// and a method no page takes is still a 405.
    /// </summary>
    public static IApplicationBuilder UseHttpsForAccounts(this WebApplication app)
    {
        if (!SecurityExtensions.RequiresHttps(app.Configuration, app.Environment))
        {
            return app;
        }
        return app.Use((context, next) =>
        {
            if (context.Request.IsHttps || !NeedsHttps(context) || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                return next(context);
            }
            ErrorResults.SetMessage(context, new Sentence("Changes are accepted only over HTTPS. Open this site at its https:// address and try again."));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
    }

    private static bool NeedsHttps(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            // The sign-in and password forms; an admin page sends a reader without a session to sign in first.
            return request.Path.StartsWithSegments("/account") && context.GetEndpoint() is not null;
        }
        return (request.Path.StartsWithSegments("/account") || request.Path.StartsWithSegments("/admin"))
            && context.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(request.Method) == true;
    }

    public static IApplicationBuilder UseDashboardErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (SecurityExtensions.RequiresHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }
}
