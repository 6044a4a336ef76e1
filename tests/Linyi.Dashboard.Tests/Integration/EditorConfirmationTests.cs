using System.Net;
using AngleSharp.Dom;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>An editor is told what was saved, and sees values as they were entered, with their unit.</summary>
public class EditorConfirmationTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    private static Dictionary<string, string> GrainFigure(string token, string value) => new()
    {
        ["Indicator"] = "grain_output", ["Region"] = "linyi", ["Period"] = "2025", ["Kind"] = "actual", ["Comparator"] = "=", ["Value"] = value,
        ["Vintage"] = "preliminary", ["Document"] = "gwr2024", ["Section"] = "test ¶1", ["NoteZh"] = "", ["NoteEn"] = "", ["__RequestVerificationToken"] = token,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AfterSavingTheNextPageNamesTheFigureThatWasSavedOnce(bool english)
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        if (english)
        {
            await editor.GetAsync("/culture/en?returnUrl=/");
        }
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");

        var saved = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(GrainFigure(token, "86.10")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = Database.CreateContext();
        var row = await db.Observations.AsNoTracking().Where(o => o.Indicator!.Code == "grain_output" && o.StartYear == 2025 && o.Document!.Code == "gwr2024")
            .Select(o => new { o.Id, o.Value, Unit = o.UnitCode ?? o.Indicator!.UnitCode, o.Indicator!.NameZh, o.Indicator.NameEn, Region = o.Region!.NameZh, RegionEn = o.Region.NameEn }).SingleAsync();
        var page = Dom.Parse(await editor.GetStringAsync(saved.Headers.Location!.OriginalString));
        var notice = page.QuerySelector("[data-saved-figure]")!;
        Assert.Equal("status", notice.GetAttribute("role"));
        Assert.Equal(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), notice.GetAttribute("data-saved-figure"));
        Assert.Equal("grain_output", notice.GetAttribute("data-indicator"));
        Assert.Equal("2025", notice.GetAttribute("data-period"));
        Assert.Equal("86.1", notice.GetAttribute("data-value"));
        Assert.Equal(row.Unit, notice.GetAttribute("data-unit"));
        var what = notice.QuerySelector(".saved-what")!.TextContent;
        Assert.Contains(english ? row.NameEn : row.NameZh, what, StringComparison.Ordinal);
        Assert.Contains(english ? row.RegionEn : row.Region, what, StringComparison.Ordinal);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new(english ? "en" : "zh-CN");
        var stated = Linyi.Dashboard.Web.Features.Shared.Format.WithUnit(86.1m, 1, row.Unit);
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        Assert.Contains(" · " + stated + " · ", what, StringComparison.Ordinal);
        Assert.DoesNotContain("86.10", what, StringComparison.Ordinal);
        Assert.Equal($"/admin/observations/{row.Id}/edit", notice.QuerySelector("a[href$='/edit']")!.GetAttribute("href"));
        // Said once: the next page has no notice.
        Assert.Null(Dom.Parse(await editor.GetStringAsync("/")).QuerySelector("[data-saved-figure]"));
    }

    [Fact]
    public async Task TheEditFormAndTheDeleteQuestionShowTheValueAsEnteredWithItsUnit()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");
        await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(GrainFigure(token, "426.5")));
        await using var db = Database.CreateContext();
        var row = await db.Observations.AsNoTracking().Where(o => o.Indicator!.Code == "grain_output" && o.StartYear == 2025 && o.Document!.Code == "gwr2024")
            .Select(o => new { o.Id, Unit = o.UnitCode ?? o.Indicator!.UnitCode }).SingleAsync();

        var form = Dom.Parse(await editor.GetStringAsync($"/admin/observations/{row.Id}/edit"));
        var delete = Dom.Parse(await editor.GetStringAsync($"/admin/observations/{row.Id}/delete"));

        Assert.Equal("426.5", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Value")!.Value);
        var what = delete.QuerySelector("[data-delete-what]")!.TextContent;
        Assert.Contains("426.5" + row.Unit, what, StringComparison.Ordinal);
        Assert.DoesNotContain("426.50", what, StringComparison.Ordinal);
    }
}

public class AuditFieldLabelTests(TestDatabase database) : IntegrationTest(database)
{
    [Fact]
    public async Task EveryFieldTheAuditTrailRecordsIsNamedInWordsInBothLanguages()
    {
        await using var db = Database.CreateContext();
        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(Path.GetDirectoryName(TestDatabase.SeedsDirectory)!, "src", "Linyi.Dashboard.Web", "Resources", "SharedResource.zh-CN.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var audited = new[] { typeof(Linyi.Dashboard.Web.Domain.Observation), typeof(Linyi.Dashboard.Web.Domain.Indicator), typeof(Linyi.Dashboard.Web.Domain.Milestone), typeof(Linyi.Dashboard.Web.Domain.SourceDocument) };
        var fields = audited.SelectMany(t => db.Model.FindEntityType(t)!.GetProperties())
            .Where(p => !p.IsShadowProperty() && !p.IsPrimaryKey())
            .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Distinct().ToList();

        Assert.NotEmpty(fields);
        var unnamed = fields.Where(f => Linyi.Dashboard.Web.Features.Admin.AuditPresenter.LabelKey(f) == f || !resx.Contains(Linyi.Dashboard.Web.Features.Admin.AuditPresenter.LabelKey(f))).ToList();
        Assert.True(unnamed.Count == 0, "Fields without a label: " + string.Join(", ", unnamed));
    }
}
