using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Tests.Unit;

public class VintageRuleTests
{
    private sealed record Report(long Id, Vintage Vintage, DocumentKind DocumentKind, string PublishedOn, decimal Value = 1) : IVintage;

    private static long Pick(params Report[] reports) => VintageRule.PickOfRecord(reports).Id;

    [Fact]
    public void AFinalFigureWinsOverAPreliminaryOneEvenFromALowerTierOrAnOlderSource()
    {
        Assert.Equal(2, Pick(new(1, Vintage.Preliminary, DocumentKind.Bulletin, "2025-03"), new(2, Vintage.Final, DocumentKind.Repost, "2021-01")));
    }

    [Fact]
    public void AmongFinalFiguresTheStatisticsBureauWinsOverTheWorkReportWhichWinsOverTheNews()
    {
        Assert.Equal(3, Pick(new(1, Vintage.Final, DocumentKind.News, "2026-01"), new(2, Vintage.Final, DocumentKind.WorkReport, "2025-12"), new(3, Vintage.Final, DocumentKind.StatsRelease, "2025-03")));
        Assert.Equal(2, Pick(new(1, Vintage.Final, DocumentKind.News, "2026-01"), new(2, Vintage.Final, DocumentKind.GovNotice, "2025-12")));
        Assert.Equal(1, Pick(new(1, Vintage.Final, DocumentKind.News, "2020-01"), new(2, Vintage.Final, DocumentKind.Repost, "2026-12")));
    }

    [Fact]
    public void WithinATierTheNewerPublicationWins()
    {
        Assert.Equal(1, Pick(new(1, Vintage.Final, DocumentKind.Bulletin, "2025-04-02"), new(2, Vintage.Final, DocumentKind.StatsRelease, "2025-01-20")));
        Assert.Equal(2, Pick(new(1, Vintage.Preliminary, DocumentKind.News, "2025-01"), new(2, Vintage.Preliminary, DocumentKind.News, "2025-01-11")));
    }

    [Fact]
    public void APreciseFigureWinsOverALaterRoundedRepetitionOfTheSameVintageAndTier()
    {
        // 2020 GDP: 4,805.25 in 2021, repeated as "4,805" in a 2025 retrospective.
        Assert.Equal(1, Pick(new(1, Vintage.Final, DocumentKind.Repost, "2021-04-30", 4805.25m), new(2, Vintage.Final, DocumentKind.Repost, "2025-06", 4805m)));
        // A later figure that is not the earlier one rounded is a revision, and the newer publication wins as before.
        Assert.Equal(2, Pick(new(1, Vintage.Final, DocumentKind.Repost, "2021-04-30", 4805.25m), new(2, Vintage.Final, DocumentKind.Repost, "2025-06", 4810m)));
        // The tier still comes first.
        Assert.Equal(2, Pick(new(1, Vintage.Final, DocumentKind.Repost, "2021-04-30", 4805.25m), new(2, Vintage.Final, DocumentKind.Bulletin, "2025-06", 4805m)));
    }

    [Fact]
    public void ATieIsBrokenByTheLaterEntrySoTheChoiceNeverChanges()
    {
        Assert.Equal(7, Pick(new(7, Vintage.Final, DocumentKind.News, "2025"), new(3, Vintage.Final, DocumentKind.News, "2025")));
        Assert.Equal(7, Pick(new(3, Vintage.Final, DocumentKind.News, "2025"), new(7, Vintage.Final, DocumentKind.News, "2025")));
    }

    [Fact]
    public void ASingleReportIsItsOwnFigureOfRecord()
    {
        Assert.Equal(5, Pick(new Report(5, Vintage.Preliminary, DocumentKind.Repost, "2020")));
    }

    [Fact]
    public void TheKeyNamesTheFigureAndTheVintageKeyAddsTheDocument()
    {
        var key = new ObservationKey("gdp", "linyi", Period.Year(2024), ObservationKind.Actual);

        Assert.Equal("gdp/linyi/2024/actual", key.ToString());
        Assert.Equal("gdp/linyi/2024/actual@bulletin2024", key.WithDocument("bulletin2024"));
        Assert.Equal("gdp/linyi/2024/actual", ObservationKey.FigurePart("gdp/linyi/2024/actual@bulletin2024"));
        Assert.Equal("gdp/linyi/2024/actual", ObservationKey.FigurePart("gdp/linyi/2024/actual"));
        Assert.Equal("gdp-linyi-2022-2026-target", new ObservationKey("gdp", "linyi", new Period(2022, 2026), ObservationKind.Target).DomId);
    }
}
