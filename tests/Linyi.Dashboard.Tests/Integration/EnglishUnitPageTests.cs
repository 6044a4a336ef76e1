using System.Text.Json;
using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>English pages name what an indicator counts, in the words of its seed row's unit_en.</summary>
public class EnglishUnitPageTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    private static string UnitEn(string code) =>
        Csv.ReadFile(Path.Combine(TestDatabase.SeedsDirectory, "indicators.csv")).Single(i => i["code"] == code)["unit_en"];

    [Fact]
    public async Task AnEnglishIndicatorPageNamesWhatTheIndicatorCounts()
    {
        var unitEn = UnitEn("thousand_bn_industries");
        var page = Dom.Parse(await CreateClient().GetStringAsync("/indicators/thousand_bn_industries?culture=en&ui-culture=en"));

        Assert.Equal(unitEn, page.QuerySelector(".indicator-meta .unit")!.TextContent.Trim());
        var figures = page.QuerySelectorAll("tr[data-kind] td.num").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, t => Assert.True(t.Contains(unitEn, StringComparison.Ordinal) || t.Contains(Format.Singular(unitEn), StringComparison.Ordinal), t));
    }

    [Fact]
    public async Task AnEnglishChartLabelsItsAxisAndTooltipsWithTheIndicatorsUnit()
    {
        var unitEn = UnitEn("signed_projects");
        var page = Dom.Parse(await CreateClient().GetStringAsync("/indicators/signed_projects?culture=en&ui-culture=en"));
        var island = page.QuerySelector("script[type='application/json'][id^='chart-']")!;
        using var chart = JsonDocument.Parse(island.TextContent);

        Assert.Equal(unitEn, chart.RootElement.GetProperty("unitLabel").GetString());
        Assert.EndsWith(unitEn, chart.RootElement.GetProperty("axis").GetProperty("title").GetString());
        var texts = chart.RootElement.GetProperty("actual").EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(p => p.GetProperty("text").GetString()).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.EndsWith(unitEn, t));
    }

    [Fact]
    public async Task AnEditorMustNameWhatAnIndicatorInAGenericUnitCounts()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/indicators/new");
        Dictionary<string, string> Form(string unitEn) => new()
        {
            ["code"] = "test_halls", ["category"] = "urban", ["name_zh"] = "测试场馆", ["name_en"] = "Test halls", ["unit"] = "个", ["unit_en"] = unitEn,
            ["measure"] = "count", ["direction"] = "higher", ["precision"] = "0", ["chart"] = "bar", ["__RequestVerificationToken"] = token,
        };

        var refused = await editor.PostAsync("/admin/indicators/save", new FormUrlEncodedContent(Form("")));
        var error = Dom.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".form-errors li[data-message^='unit_en']")!;
        var saved = await editor.PostAsync("/admin/indicators/save", new FormUrlEncodedContent(Form("halls")));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'个'", error.GetAttribute("data-message"), StringComparison.Ordinal);
        Assert.NotEqual(error.GetAttribute("data-message"), error.TextContent.Trim());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Equal("halls", await db.Indicators.Where(i => i.Code == "test_halls").Select(i => i.UnitEn).SingleAsync());
    }
}
