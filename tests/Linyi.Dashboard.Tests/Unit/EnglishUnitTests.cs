using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data.Seeding;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>An English reader learns what an indicator counts: its unit names the thing, not "items" or "households or entities".</summary>
public class EnglishUnitTests
{
    private static readonly string Seeds = TestDatabase.SeedsDirectory;

    [Fact]
    public void EveryIndicatorInAUnitWithAGenericEnglishNameNamesWhatItCounts()
    {
        var units = Csv.ReadFile(Path.Combine(Seeds, "units.csv")).ToDictionary(u => u["unit"], u => u["name_en"]);
        var generic = Csv.ReadFile(Path.Combine(Seeds, "indicators.csv")).Where(i => SeedReader.GenericUnits.Contains(i["unit"])).ToList();

        Assert.NotEmpty(generic);
        Assert.All(generic, i =>
        {
            var general = units[i["unit"]];
            var own = i["unit_en"];
            var multiplier = SeedReader.EnglishMultiplier(general);
            Assert.False(string.IsNullOrWhiteSpace(own), $"{i["code"]} ({i["unit"]}) has no unit_en");
            Assert.NotEqual(general, own);
            Assert.Equal(multiplier, SeedReader.EnglishMultiplier(own));
            Assert.True(own.Length > multiplier.Length, $"{i["code"]}: unit_en '{own}' names no noun");
        });
    }

    [Fact]
    public void EveryGenericUnitIsAUnitOfTheSeeds()
    {
        var units = Csv.ReadFile(Path.Combine(Seeds, "units.csv")).Select(u => u["unit"]).ToHashSet();

        Assert.All(SeedReader.GenericUnits, u => Assert.Contains(u, units));
    }
}
