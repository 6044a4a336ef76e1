using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Tests.Unit;

public class RankingTests
{
    [Fact]
    public void EqualValuesShareARankAndTheNextRankSkips()
    {
        var ranked = Ranking.Rank([("a", 5m), ("b", 7m), ("c", 5m), ("d", 4m)], x => x.Item2, lowerIsBetter: false);

        Assert.Equal(["b:1", "a:2", "c:2", "d:4"], ranked.Select(r => $"{r.Item.Item1}:{r.Rank}"));
    }

    [Fact]
    public void WhenLowerIsBetterTheLowestRanksFirst()
    {
        var ranked = Ranking.Rank([("a", 5m), ("b", 7m), ("c", 5m)], x => x.Item2, lowerIsBetter: true);

        Assert.Equal(["a:1", "c:1", "b:3"], ranked.Select(r => $"{r.Item.Item1}:{r.Rank}"));
    }

    [Fact]
    public void NothingToRankGivesNoRanks() =>
        Assert.Empty(Ranking.Rank(Array.Empty<decimal>(), x => x, lowerIsBetter: false));
}
