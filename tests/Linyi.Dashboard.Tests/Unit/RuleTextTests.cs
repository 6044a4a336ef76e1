using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Tests.Unit;

public class RuleTextTests
{
    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linyi.Dashboard.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }
        throw new InvalidOperationException("the repository root was not found");
    }

    /// <summary>docs/progress.md carries the rules between two markers; set LINYI_UPDATE_DOCS=1 to write them.</summary>
    [Fact]
    public void TheProgressDocumentStatesTheRulesAsTheDomainDefinesThem()
    {
        var path = RepositoryFile("docs/progress.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        const string start = "<!-- rules:start -->\n", end = "<!-- rules:end -->";
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= start.Length && to >= from, "docs/progress.md lacks the rules markers");
        var expected = GoalRuleText.Markdown().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("LINYI_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..from] + expected + text[to..]);
            text = File.ReadAllText(path).ReplaceLineEndings("\n");
            to = text.IndexOf(end, StringComparison.Ordinal);
        }
        Assert.Equal(expected, text[from..to]);
    }

    [Fact]
    public void EveryStatusAndShapeHasItsOwnWordsInBothLanguages()
    {
        Assert.Equal(Enum.GetValues<GoalStatus>().Order(), GoalRuleText.Statuses.Order());
        foreach (var names in new[] { GoalRuleText.Statuses.Select(s => s.Name()), GoalRuleText.Shapes.Select(s => s.Name()) })
        {
            var list = names.ToList();
            Assert.Equal(list.Count, list.Select(n => n.Zh).Distinct().Count());
            Assert.Equal(list.Count, list.Select(n => n.En).Distinct().Count());
        }
        Assert.Equal(GoalRuleText.Statuses.Length, GoalRuleText.Statuses.Select(s => s.Symbol()).Distinct().Count());
        Assert.All(GoalRuleText.Statuses, s => Assert.False(string.IsNullOrWhiteSpace(s.Rule().Zh) || string.IsNullOrWhiteSpace(s.Rule().En)));
        Assert.All(GoalRuleText.Shapes, s => Assert.False(string.IsNullOrWhiteSpace(s.Rule().Zh) || string.IsNullOrWhiteSpace(s.Rule().En)));
    }

    [Fact]
    public void TheRulesQuoteTheMarginsTheyApply()
    {
        var attention = GoalStatus.NeedsAttention.Rule();
        Assert.Contains(GoalRules.PaceMarginPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " points", attention.En);
        Assert.Contains((GoalRules.PaceAttentionShare * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%", attention.En);
        Assert.Contains((GoalRules.AttentionMargin * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%", attention.Zh);
    }
}
