using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class UndoAndConcurrencyTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    private async Task<long> GdpActual2023Async()
    {
        await using var db = Database.CreateContext();
        return await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual && o.Document!.Code == "gwr2024").Select(o => o.Id).SingleAsync();
    }

    private async Task<decimal?> GdpValueAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.Observations.Where(o => o.Id == id).Select(o => (decimal?)o.Value).SingleOrDefaultAsync();
    }

    /// <summary>The hidden fields and values of the edit form, as the browser would send them, with one value changed.</summary>
    private static async Task<Dictionary<string, string>> EditFormAsync(HttpClient client, long id, string value)
    {
        var html = await client.GetStringAsync($"/admin/observations/{id}/edit");
        var form = new Dictionary<string, string>
        {
            ["Id"] = id.ToString(CultureInfo.InvariantCulture), ["Version"] = Field(html, "Version"), ["Indicator"] = "gdp", ["Region"] = "linyi",
            ["Period"] = "2023", ["Kind"] = "actual", ["Comparator"] = "=", ["Value"] = value, ["Document"] = "gwr2024",
            ["Section"] = Field(html, "Section"), ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken"),
        };
        Assert.NotEqual("", form["Version"]);
        return form;
    }

    private static string Field(string html, string name) => Field(Dom.Parse(html), name);

    private static string Field(IDocument page, string name) => page.QuerySelector($"[name='{name}'][value]")?.GetAttribute("value") ?? "";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string tokenPage, Dictionary<string, string>? fields = null)
    {
        var form = fields ?? [];
        form["__RequestVerificationToken"] = await Accounts.TokenAsync(client, tokenPage);
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task SavingOverANewerChangeShowsBothVersionsAndSavingAgainKeepsMine()
    {
        var id = await GdpActual2023Async();
        var first = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var second = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var firstForm = await EditFormAsync(first, id, "6110");
        var secondForm = await EditFormAsync(second, id, "6120");

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync("/admin/observations/save", new FormUrlEncodedContent(firstForm))).StatusCode);
        var stale = await second.PostAsync("/admin/observations/save", new FormUrlEncodedContent(secondForm));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        var page = Dom.Parse(html);
        var row = page.One("tr[data-conflict-field='value']");
        Assert.Equal(["6110", "6120"], row.QuerySelectorAll("td").Select(td => td.Plain()));
        // The changed field is named in words, as the form's own label names it, not by its column.
        Assert.Equal(page.QuerySelector("label[for=Value]")!.TextContent, page.QuerySelector("[data-conflict-field=value] th")!.TextContent);
        Assert.Equal(6110m, await GdpValueAsync(id));

        secondForm["Version"] = Field(page, "Version");
        Assert.NotEqual(firstForm["Version"], secondForm["Version"]);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync("/admin/observations/save", new FormUrlEncodedContent(secondForm))).StatusCode);
        Assert.Equal(6120m, await GdpValueAsync(id));
    }

    [Fact]
    public async Task AnAdminRevertsASingleChangeAsANewAuditedChange()
    {
        var id = await GdpActual2023Async();
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(await EditFormAsync(editor, id, "6200")))).StatusCode);
        long entry;
        await using (var db = Database.CreateContext())
        {
            entry = await db.AuditEntries.Where(a => a.Source == ChangeSource.Form).Select(a => a.Id).SingleAsync();
        }
        var audit = Dom.Parse(await editor.GetStringAsync("/admin/audit"));
        var line = audit.One($"tr[data-audit-id='{entry}']");
        Assert.Equal("update", line.GetAttribute("data-action"));
        var changed = line.QuerySelectorAll("li[data-field]").ToDictionary(li => li.GetAttribute("data-field")!, li => (Old: li.One("del.old").Plain(), New: li.One("ins.new").Plain()));
        Assert.Contains(("6105", "6200"), changed.Values);
        Assert.DoesNotContain("documentId", changed.Keys);
        Assert.DoesNotContain("documentId", line.Plain());
        await using (var db = Database.CreateContext())
        {
            Assert.Contains(await db.Indicators.Where(i => i.Code == "gdp").Select(i => i.NameZh).SingleAsync(), line.QuerySelectorAll("td")[3].Plain(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain($"/admin/audit/{entry}/revert", audit.Values("[href]", "href").Concat(audit.Values("form[action]", "action")));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, $"/admin/audit/{entry}/revert", "/admin/audit")).StatusCode);
        Assert.Equal(6200m, await GdpValueAsync(id));

        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        var confirm = await admin.GetStringAsync($"/admin/audit/{entry}/revert");
        Assert.Contains("data-confirm-revert", confirm);
        Assert.Equal(6200m, await GdpValueAsync(id));
        var reverted = await PostAsync(admin, $"/admin/audit/{entry}/revert", $"/admin/audit/{entry}/revert");

        Assert.Equal(HttpStatusCode.Redirect, reverted.StatusCode);
        Assert.Equal(6105m, await GdpValueAsync(id));
        await using (var db = Database.CreateContext())
        {
            var revert = await db.AuditEntries.SingleAsync(a => a.Source == ChangeSource.Revert);
            Assert.Equal(entry, revert.RevertOf);
            Assert.Equal(AuditAction.Update, revert.Action);
        }

        var again = await PostAsync(admin, $"/admin/audit/{entry}/revert", $"/admin/audit/{entry}/revert");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("data-revert-error", await again.Content.ReadAsStringAsync());
        Assert.Equal(6105m, await GdpValueAsync(id));
    }

    [Fact]
    public async Task DeletingAsksFirstAndARevertedDeletionBringsTheFigureBack()
    {
        var id = await GdpActual2023Async();
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        var list = await admin.GetStringAsync("/admin/observations?indicator=gdp");
        Assert.Null(Dom.Parse(list).QuerySelector($"form[action='/admin/observations/{id}/delete']"));
        var confirm = Dom.Parse(await admin.GetStringAsync($"/admin/observations/{id}/delete"));
        Assert.NotNull(confirm.One($"form[action='/admin/observations/{id}/delete']"));
        Assert.Equal(6105m, await GdpValueAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/observations/{id}/delete", $"/admin/observations/{id}/delete")).StatusCode);
        Assert.Null(await GdpValueAsync(id));
        long entry;
        await using (var db = Database.CreateContext())
        {
            entry = await db.AuditEntries.Where(a => a.Action == AuditAction.Delete && a.Source == ChangeSource.Form).Select(a => a.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/audit/{entry}/revert", $"/admin/audit/{entry}/revert")).StatusCode);

        Assert.Equal(6105m, await GdpValueAsync(id));
        var card = Dom.Parse(await Accounts.Browser(Factory).GetStringAsync("/")).One("article[data-indicator='gdp']");
        Assert.Equal(Linyi.Dashboard.Web.Features.Shared.KebabText.Of(GoalStatus.Achieved), card.One("[data-status]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task RevertingAnImportTakesBackEveryChangeItMade()
    {
        var id = await GdpActual2023Async();
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        const string csv = "indicator,region,period,kind,comparator,value,unit,vintage,document,section,note_zh,note_en,shape\n"
            + "gdp,linyi,2023,actual,=,6300,,final,gwr2024,一、2023年工作回顾 ¶1,,,\n"
            + "gdp,lanshan,2023,actual,=,1500,,final,gwr2024,t,,,\n";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "two.csv");
        form.Add(new StringContent(await Accounts.TokenAsync(admin, "/admin/import")), "__RequestVerificationToken");
        var preview = Dom.Parse(await (await admin.PostAsync("/admin/import", form)).Content.ReadAsStringAsync());
        var apply = preview.One("form[action^='/admin/import/'][action$='/apply']").GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, apply, "/admin/import")).StatusCode);
        Assert.Equal(6300m, await GdpValueAsync(id));
        var import = apply.Split('/')[3];
        Assert.True(Guid.TryParse(import, out _), apply);

        var audit = Dom.Parse(await admin.GetStringAsync($"/admin/audit?import={import}"));
        Assert.Contains($"/admin/import/{import}/revert", audit.Values("[href]", "href").Concat(audit.Values("form[action]", "action")));
        var confirm = Dom.Parse(await admin.GetStringAsync($"/admin/import/{import}/revert"));
        Assert.Equal(2, confirm.QuerySelectorAll("[data-audit-id]").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/import/{import}/revert", "/admin/import")).StatusCode);

        Assert.Equal(6105m, await GdpValueAsync(id));
        await using var db = Database.CreateContext();
        Assert.False(await db.Observations.AnyAsync(o => o.Region!.Slug == "lanshan" && o.Indicator!.Code == "gdp" && o.StartYear == 2023 && o.Document!.Code == "gwr2024"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Source == ChangeSource.Revert && a.ImportId == Guid.Parse(import)));
    }

    [Fact]
    public async Task SignedInEditorsSeeAnEditLinkBesideEachFigureAndVisitorsDoNot()
    {
        var id = await GdpActual2023Async();
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var edits = Dom.Parse(await editor.GetStringAsync("/indicators/gdp")).QuerySelectorAll("a[data-edit]");
        Assert.Contains(edits, a => a.GetAttribute("href") == $"/admin/observations/{id}/edit" && a.GetAttribute("data-edit") == id.ToString(CultureInfo.InvariantCulture));
        var visitor = Accounts.Browser(Factory);
        var first = Dom.Parse(await visitor.GetStringAsync("/indicators/gdp"));
        var cached = Dom.Parse(await visitor.GetStringAsync("/indicators/gdp"));
        Assert.NotEmpty(first.QuerySelectorAll("tr[data-kind]"));
        Assert.Empty(first.QuerySelectorAll("[data-edit]"));
        Assert.Empty(cached.QuerySelectorAll("[data-edit]"));
    }

    [Fact]
    public async Task AnIndicatorFormSavedOverANewerChangeShowsTheirVersion()
    {
        int id;
        await using (var db = Database.CreateContext())
        {
            id = await db.Indicators.Where(i => i.Code == "gdp").Select(i => i.Id).SingleAsync();
        }
        var first = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var second = await Accounts.SignedInAsync(Factory, Roles.Editor);
        async Task<Dictionary<string, string>> FormAsync(HttpClient client, string name)
        {
            var page = Dom.Parse(await client.GetStringAsync($"/admin/indicators/{id}/edit"));
            var fields = page.QuerySelectorAll("input[id^='f-'][value]:not([type=checkbox]):not([type=radio])").ToDictionary(input => input.Id![2..], input => input.GetAttribute("value")!);
            foreach (var select in page.QuerySelectorAll("select[id^='f-']"))
            {
                fields[select.Id![2..]] = select.QuerySelector("option[selected]")?.GetAttribute("value") ?? "";
            }
            fields["version"] = Field(page, "version");
            fields["name_en"] = name;
            fields["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken");
            return fields;
        }
        var mine = await FormAsync(first, "GDP (first)");
        var theirs = await FormAsync(second, "GDP (second)");

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/admin/indicators/save?id={id}", new FormUrlEncodedContent(mine))).StatusCode);
        var stale = await second.PostAsync($"/admin/indicators/save?id={id}", new FormUrlEncodedContent(theirs));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var row = Dom.Parse(await stale.Content.ReadAsStringAsync()).One("tr[data-conflict-field='name_en']");
        Assert.Equal(["GDP (first)", "GDP (second)"], row.QuerySelectorAll("td").Select(td => td.Plain()));
        await using var after = Database.CreateContext();
        Assert.Equal("GDP (first)", await after.Indicators.Where(i => i.Id == id).Select(i => i.NameEn).SingleAsync());
    }
}
