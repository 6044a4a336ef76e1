using System.Text.RegularExpressions;
using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>An English reader of /sources, the provenance notes and the PDFs reads each document's publisher and reliability note in English.</summary>
public partial class DocumentEnglishNotesTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Documents =
        Csv.ReadFile(Path.Combine(TestDatabase.SeedsDirectory, "documents.csv")).Select(d => (IReadOnlyDictionary<string, string>)d).ToList();

    [Theory]
    [InlineData("publisher", "publisher_en")]
    [InlineData("reliability", "reliability_en")]
    public void EverySeedDocumentWithAChineseNoteHasItInEnglish(string zh, string en)
    {
        var noted = Documents.Where(d => d[zh].Length > 0).ToList();

        Assert.NotEmpty(noted);
        Assert.All(noted, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d[en]), $"{d["code"]} has {zh} but no {en}");
            Assert.False(Han().IsMatch(d[en]), $"{d["code"]}: {en} '{d[en]}' is not in English");
        });
    }

    [Theory]
    [InlineData("publisher", "publisher_en")]
    [InlineData("reliability", "reliability_en")]
    public void NoSeedDocumentHasAnEnglishNoteWithoutTheChineseOne(string zh, string en) =>
        Assert.Empty(Documents.Where(d => d[en].Length > 0 && d[zh].Length == 0).Select(d => d["code"]));

    [GeneratedRegex(@"[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e]")]
    private static partial Regex Han();
}
