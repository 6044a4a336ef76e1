using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>An editor turns a report into figures: paste or upload, review, preview through the import, apply.</summary>
public class IntakeTests(TestDatabase database) : IntegrationTest(database)
{
    private const string English = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    private static readonly string Excerpt = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "intake", "gwr2024-excerpt.txt"));

    protected override bool StartsFromSeeds => true;

    private static Dictionary<string, string> Metadata(string code = "gwr2024-intake") => new()
    {
        ["Code"] = code, ["TitleZh"] = "2024年临沂市政府工作报告（录入）", ["Kind"] = "work-report", ["Publisher"] = "临沂市人民政府",
        ["PublishedOn"] = "2024-01", ["Url"] = "", ["Region"] = "linyi",
    };

    private async Task<(HttpClient Editor, HttpResponseMessage Response, IDocument Page)> ReadAsync(string? text, (string Name, byte[] Content)? file = null,
        Dictionary<string, string>? metadata = null, bool english = false)
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        if (english)
        {
            editor.DefaultRequestHeaders.Add("Cookie", English);
        }
        var token = await Accounts.TokenAsync(editor, "/admin/intake");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in metadata ?? Metadata())
        {
            form.Add(new StringContent(value), name);
        }
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", f.Name);
        }
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await editor.PostAsync("/admin/intake", form);
        return (editor, response, Dom.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>What a browser sends for a form: its fields as they stand, and the button pressed.</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IElement? button = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when box.IsChecked:
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        if (button?.GetAttribute("name") is { } name)
        {
            fields.Add(new(name, button.GetAttribute("value") ?? ""));
        }
        return fields;
    }

    [Fact]
    public async Task AnEditorPastesTheWorkReportReviewsItsFiguresAndAppliesThemCitedToTheirParagraphs()
    {
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var (editor, response, review) = await ReadAsync(Excerpt);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = review.QuerySelectorAll("tr[data-row]").ToList();
        var summary = review.QuerySelector("[data-found]")!;
        Assert.Equal(rows.Count, int.Parse(summary.GetAttribute("data-found")!, System.Globalization.CultureInfo.InvariantCulture));
        var matched = rows.TakeWhile(r => r.GetAttribute("data-matched") == "true").Count();
        Assert.True(matched >= 40, $"{matched} matched");
        Assert.All(rows.Skip(matched), r => Assert.Equal("false", r.GetAttribute("data-matched")));
        var gdp = Assert.Single(rows, r => r.GetAttribute("data-indicator") == "gdp" && r.GetAttribute("data-value") == "6105");
        Assert.Equal(("2023", "actual"), (gdp.GetAttribute("data-period"), gdp.GetAttribute("data-kind")));
        Assert.Contains("6105", gdp.QuerySelector("mark[data-figure]")!.TextContent);
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));

        var form = (IHtmlFormElement)review.QuerySelector("form.intake-review")!;
        var token = await Accounts.TokenAsync(editor, "/admin/intake");
        var fields = Fields(form, review.QuerySelector("[data-accept-matched]"));
        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
        fields.Add(new("__RequestVerificationToken", token));
        var previewed = await editor.PostAsync("/admin/intake/apply", new FormUrlEncodedContent(fields));

        var preview = Dom.Parse(await previewed.Content.ReadAsStringAsync());
        Assert.True(previewed.StatusCode == HttpStatusCode.OK, string.Join("\n", preview.QuerySelectorAll("[data-intake-error], .import-errors td[data-message]").Select(e => e.TextContent)));
        var accepted = Fields(form, review.QuerySelector("[data-accept-matched]")).Count(f => f.Key.EndsWith(".Accept", StringComparison.Ordinal));
        Assert.Equal(accepted.ToString(System.Globalization.CultureInfo.InvariantCulture), preview.QuerySelector("[data-add]")!.GetAttribute("data-add"));
        Assert.NotNull(preview.QuerySelector("[data-new-document=\"gwr2024-intake\"]"));
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));

        var apply = preview.QuerySelector("form.import-apply")!.GetAttribute("action")!;
        var applied = await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Accounts.TokenAsync(editor, "/admin/import") }));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using var db = Database.CreateContext();
        var figures = await db.Observations.Include(o => o.Indicator).Where(o => o.Document!.Code == "gwr2024-intake").ToListAsync();
        Assert.Equal(accepted, figures.Count);
        // The excerpt is from the seeds' 2024 work report: a figure read from it is cited to the paragraph the seeds cite.
        async Task<Observation> SeededAsync(string indicator, int year, ObservationKind kind) =>
            await db.Observations.SingleAsync(o => o.Document!.Code == "gwr2024" && o.Region!.Slug == "linyi" && o.Indicator!.Code == indicator && o.StartYear == year && o.EndYear == year && o.Kind == kind);
        var gdp2023 = Assert.Single(figures, o => o.Indicator!.Code == "gdp" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual);
        var seededGdp2023 = await SeededAsync("gdp", 2023, ObservationKind.Actual);
        Assert.Equal((seededGdp2023.Value, Comparator.Eq, Vintage.Final, seededGdp2023.Section), (gdp2023.Value, gdp2023.Comparator, gdp2023.Vintage, gdp2023.Section));
        var target = Assert.Single(figures, o => o.Indicator!.Code == "gdp_growth" && o.StartYear == 2024 && o.Kind == ObservationKind.Target);
        var seededTarget = await SeededAsync("gdp_growth", 2024, ObservationKind.Target);
        Assert.Equal((seededTarget.Value, seededTarget.Section), (target.Value, target.Section));
        var stretch = Assert.Single(figures, o => o.Indicator!.Code == "gdp_growth" && o.StartYear == 2024 && o.Kind == ObservationKind.Stretch);
        Assert.Equal((6m, Comparator.Ge), (stretch.Value, stretch.Comparator));
        var seeded = await db.Observations.Include(o => o.Indicator).Where(o => o.Document!.Code == "gwr2024").ToListAsync();
        var agree = figures.Count(f => seeded.Any(s => s.Indicator!.Code == f.Indicator!.Code && s.StartYear == f.StartYear && s.EndYear == f.EndYear && s.Kind == f.Kind && s.Value == f.Value));
        Assert.True(agree * 10 >= figures.Count * 8, $"{agree} of {figures.Count} applied figures agree with the seeds");
        Assert.Equal(accepted + 1, await db.AuditEntries.CountAsync(a => a.Source == ChangeSource.Import && a.ImportId != null));
        Assert.False(await db.PendingImports.AnyAsync());
    }

    [Fact]
    public async Task AcceptedFiguresWithoutAnIndicatorAreSentBackAndNothingIsWritten()
    {
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);
        var (editor, _, review) = await ReadAsync(Excerpt);
        var form = (IHtmlFormElement)review.QuerySelector("form.intake-review")!;
        var unmatched = review.QuerySelectorAll("tr[data-matched=\"false\"]").First();
        ((IHtmlInputElement)unmatched.QuerySelector("input[type=checkbox]")!).IsChecked = true;

        var response = await editor.PostAsync("/admin/intake/apply", new FormUrlEncodedContent(Fields(form)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.QuerySelectorAll("[data-intake-error=\"form\"]"));
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        await using var db = Database.CreateContext();
        Assert.False(await db.PendingImports.AnyAsync());
    }

    [Fact]
    public async Task TheReviewMatchesThroughTheMaintainedAliasList()
    {
        var (_, response, review) = await ReadAsync("二、2024年政府重点工作\n\n确保粮食播种面积稳定在970万亩以上、粮食产量稳定在85亿斤以上。");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grain = Assert.Single(review.QuerySelectorAll("tr[data-row]"), r => r.GetAttribute("data-value") == "85");
        Assert.Equal(("grain_output", "true", "2024", "target"), (grain.GetAttribute("data-indicator"), grain.GetAttribute("data-matched"), grain.GetAttribute("data-period"), grain.GetAttribute("data-kind")));
    }

    [Fact]
    public async Task GbkTextIsReadLikeUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var (_, response, review) = await ReadAsync(null, ("report.txt", Encoding.GetEncoding("GB18030").GetBytes(Excerpt)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(review.QuerySelectorAll("tr[data-row]"), r => r.GetAttribute("data-indicator") == "gdp" && r.GetAttribute("data-value") == "6105");
    }

    [Fact]
    public async Task AWordFileIsRead()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new W.Body();
            foreach (var paragraph in Excerpt.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                body.Append(new W.Paragraph(new W.Run(new W.Text(paragraph))));
            }
            document.AddMainDocumentPart().Document = new W.Document(body);
        }

        var (_, response, review) = await ReadAsync(null, ("report.docx", stream.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(review.QuerySelectorAll("tr[data-row]"), r => r.GetAttribute("data-indicator") == "gdp" && r.GetAttribute("data-value") == "6105" && r.GetAttribute("data-period") == "2023");
    }

    internal static byte[] ImageOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), new UglyToad.PdfPig.Core.PdfRectangle(50, 50, 300, 300));
        return builder.Build();
    }

    internal static byte[] MacroDocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("地区生产总值达到6105亿元。")))));
            using var vba = document.MainDocumentPart!.AddNewPart<VbaProjectPart>().GetStream(FileMode.Create);
            vba.Write([0xCC, 0x61, 0xFF, 0xFF]);
        }
        return stream.ToArray();
    }

    /// <summary>Each bad file by name; the bytes are made when the test runs, so that test discovery does not carry them.</summary>
    private static readonly Dictionary<string, Func<byte[]>> BadFileContents = new()
    {
        ["empty file"] = () => [],
        ["image-only PDF"] = ImageOnlyPdf,
        ["macro-enabled Word file"] = MacroDocument,
        ["macros in a .docx"] = MacroDocument,
        ["binary garbage"] = Garbage,
    };

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty file", "report.txt", "empty" },
        { "image-only PDF", "scan.pdf", "no-text-layer" },
        { "macro-enabled Word file", "report.docm", "macros" },
        { "macros in a .docx", "report.docx", "macros" },
        { "binary garbage", "report.txt", "not-text" },
    };

    internal static byte[] Garbage()
    {
        var bytes = new byte[64 * 1024];
        new Random(27).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFilesGetAClearMessageInTheReadersLanguageAndWriteNothing(string name, string fileName, string failure)
    {
        var content = BadFileContents[name]();
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        foreach (var english in new[] { false, true })
        {
            var (_, response, page) = await ReadAsync(null, (fileName, content), english: english);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, name);
            var error = Assert.Single(page.QuerySelectorAll("[data-intake-error]"));
            Assert.Equal(failure, error.GetAttribute("data-intake-error"));
            Assert.Equal(!english, error.TextContent.Any(c => c is >= '\u4e00' and <= '\u9fff'));
            Assert.Empty(page.QuerySelectorAll("tr[data-row]"));
        }
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        await using var db = Database.CreateContext();
        Assert.False(await db.PendingImports.AnyAsync());
    }

    [Fact]
    public async Task AFiftyMegabyteFileIsRefusedBeforeItIsRead()
    {
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var content = new byte[50 * 1024 * 1024];

        foreach (var english in new[] { false, true })
        {
            var (_, response, page) = await ReadAsync(null, ("report.txt", content), english: english);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Empty(page.QuerySelectorAll("tr[data-row]"));
            var message = Assert.Single(page.QuerySelectorAll(".error-message[data-message]"));
            Assert.Equal(!english, message.TextContent.Any(c => c is >= '\u4e00' and <= '\u9fff'));
            Assert.Contains("20", message.TextContent);
        }
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        await using var db = Database.CreateContext();
        Assert.False(await db.PendingImports.AnyAsync());
    }

    [Fact]
    public async Task MissingMetadataAndMissingTextAreFormErrors()
    {
        var metadata = Metadata("");
        metadata["PublishedOn"] = "2024-1";
        var (_, response, page) = await ReadAsync("", metadata: metadata);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, page.QuerySelectorAll("[data-intake-error=\"form\"]").Length);
    }

    [Fact]
    public async Task OnlyEditorsReachTheIntake()
    {
        var reader = await Accounts.SignedInAsync(Factory, null);
        var response = await reader.GetAsync("/admin/intake");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound, response.StatusCode.ToString());
        var anonymous = CreateClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/admin/intake")).StatusCode);
    }
}
