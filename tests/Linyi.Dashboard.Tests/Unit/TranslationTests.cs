using System.Text.RegularExpressions;
using System.Xml.Linq;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Unit;

public partial class TranslationTests
{
    [Fact]
    public void EveryInterfaceStringInTheViewsHasAChineseTranslation()
    {
        var web = Path.Combine(Path.GetDirectoryName(TestDatabase.SeedsDirectory)!, "src", "Linyi.Dashboard.Web");
        var translated = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.zh-CN.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var used = Directory.GetFiles(Path.Combine(web, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => KeyPattern().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !translated.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [GeneratedRegex("""T\["([^"]+)"[\],]""")]
    private static partial Regex KeyPattern();
}
