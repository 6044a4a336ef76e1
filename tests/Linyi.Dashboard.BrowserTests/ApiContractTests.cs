using System.Diagnostics;
using Linyi.Dashboard.BrowserTests.Infrastructure;

namespace Linyi.Dashboard.BrowserTests;

/// <summary>
/// The API as an outside analyst meets it: the served OpenAPI document is linted by Redocly (recommended rules), and a
/// client generated from it (openapi-typescript + openapi-fetch, type-checked by tsc) calls every endpoint with every
/// documented parameter against the app on its real port. The npm tools are pinned in package.json.
/// </summary>
[Collection(ReadingCollection.Name)]
public class ApiContractTests(BrowserApp app)
{
    private static readonly string PackageDirectory = FindPackageDirectory();

    [Fact]
    public async Task TheServedOpenApiDocumentPassesRedoclyLintWithNoErrorsOrWarnings()
    {
        var document = await SaveDocumentAsync();

        var (exit, output, report) = await NpxAsync("redocly", "lint", document, "--extends=recommended", "--format=json");

        Assert.True(exit == 0, output);
        var totals = System.Text.Json.JsonDocument.Parse(report).RootElement.GetProperty("totals");
        Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, report);
    }

    [Fact]
    public async Task AClientGeneratedFromTheDocumentCallsEveryEndpointWithEveryParameter()
    {
        var document = await SaveDocumentAsync();
        var schema = Path.Combine(PackageDirectory, "ApiClient", "schema.d.ts");

        var generated = await NpxAsync("openapi-typescript", document, "-o", schema);
        var typed = await NpxAsync("tsc", "-p", Path.Combine("ApiClient", "tsconfig.json"));
        var run = await NpxAsync("tsx", Path.Combine("ApiClient", "contract.mts"));

        Assert.True(generated.Exit == 0, generated.Output);
        Assert.True(File.Exists(schema));
        Assert.True(typed.Exit == 0, typed.Output);
        Assert.True(run.Exit == 0, run.Output);
        Assert.Contains("all passed", run.Output);
    }

    private async Task<string> SaveDocumentAsync()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var path = Path.Combine(Path.GetTempPath(), $"linyi-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await http.GetStringAsync("/openapi/v1.json"));
        return path;
    }

    /// <returns>The exit code, standard output and error together, and standard output alone.</returns>
    private async Task<(int Exit, string Output, string Stdout)> NpxAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("npx") { WorkingDirectory = PackageDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--no-install" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["API_BASE"] = app.BaseAddress.ToString().TrimEnd('/');
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error, await output);
    }

    private static string FindPackageDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApiClient", "contract.mts")) && Directory.Exists(Path.Combine(dir.FullName, "node_modules", "@redocly")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The API client tools are not installed: run scripts/test.sh (npm ci in tests/Linyi.Dashboard.BrowserTests).");
    }
}
