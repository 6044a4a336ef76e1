using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data.Seeding;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>The seed reader names the file, line and column of every error; it reads everything before anything is written.</summary>
public class SeedFileErrorTests
{
    public static TheoryData<string, Func<string, string>, string, int, int, string> BadFiles => new()
    {
        { "observations.csv", AppendLine("gdp,nowhere,2023,actual,=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 2, "unknown region 'nowhere'" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,12x3,,final,gwr2024,s,,,"), "observations.csv", -1, 6, "'12x3' is not a plain number" },
        { "observations.csv", AppendLine("gdp,linyi,20x3,actual,=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 3, "must be a year" },
        { "observations.csv", AppendLine("gdp,linyi,2031,guess,=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 4, "is not one of: actual, target, stretch" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,>>,1,,final,gwr2024,s,,,"), "observations.csv", -1, 5, "is not one of" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,万吨,final,gwr2024,s,,,"), "observations.csv", -1, 7, "cannot express indicator 'gdp'" },
        { "observations.csv", DuplicateLastLine, "observations.csv", -1, 9, "duplicate observation" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,guess,gwr2024,s,,,"), "observations.csv", -1, 8, "vintage 'guess' is not one of: preliminary, final" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,preliminary,,s,,,"), "observations.csv", -1, 9, "document is required" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,preliminary,nosuchdoc,s,,,"), "observations.csv", -1, 9, "unknown document 'nosuchdoc'" },
        { "documents.csv", AppendLine("doc,题,Title,,2024-12,news,ftp://example.org/x,,,,"), "documents.csv", -1, 7, "must be a web address starting with http:// or https://" },
        { "documents.csv", AppendLine("doc,题,Title,,2024-12,rumour,,,,,"), "documents.csv", -1, 6, "is not one of: work-report, bulletin, stats-release, gov-notice, news, repost" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,furlongs,level,higher,0,bar,,,,,,,"), "indicators.csv", -1, 5, "unknown unit 'furlongs'" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,亿元,level,higher,0,bar,gdp,,,,,,"), "indicators.csv", -1, 10, "only for indicators whose measure is growth" },
        { "indicators.csv", AppendLine("new_rank,economy,新,New,位,rank,lower,0,line,,,,16,1,,"), "indicators.csv", -1, 14, "axis_max must be greater than axis_min" },
        { "regions.csv", AppendLine("Bad Slug,坏,Bad,county,linyi,"), "regions.csv", -1, 1, "must be lowercase letters" },
        { "milestones.csv", AppendLine("linyi,2023,nosuch,project,标题,Title,gwr2024,s"), "milestones.csv", -1, 3, "unknown category 'nosuch'" },
        { "units.csv", AppendLine("斤,jin,mass,0"), "units.csv", -1, 4, "must be greater than zero" },
        { "documents.csv", AppendLine("doc,题,Title,,2024-13,news,,,f.txt,,"), "documents.csv", -1, 5, "must be YYYY, YYYY-MM or YYYY-MM-DD" },
        { "documents.csv", AppendLine("doc,题,Title,某报,2024-12,news,,,,,"), "documents.csv", -1, 10, "publisher_en is required when publisher is given" },
        { "documents.csv", AppendLine("doc,题,Title,某报,2024-12,news,,转载。,,A paper,"), "documents.csv", -1, 11, "reliability_en is required when reliability is given" },
        { "observations.csv", _ => "indicator,region,value\n", "observations.csv", 1, 3, "column 3 is 'value', expected 'period'" },
        { "observations.csv", _ => "", "observations.csv", 1, 1, "the file is empty" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,final,gwr2024,\"unclosed"), "observations.csv", -1, 10, "a quoted field is never closed" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1"), "observations.csv", -1, 7, "the record has 6 fields, expected 13" },
        { "observations.csv", AppendLine("gdp,linyi,2031,target,>=,1,,final,gwr2024,s,,,"), "observations.csv", -1, 13, "needs its shape" },
        { "observations.csv", AppendLine("gdp,linyi,2031,actual,=,1,,final,gwr2024,s,,,level"), "observations.csv", -1, 13, "a result has no shape" },
        { "observations.csv", AppendLine("gdp,linyi,2031,target,>=,1,,final,gwr2024,s,,,yearly"), "observations.csv", -1, 13, "shape 'yearly' is not one of" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,亿元,level,higher,0,bar,,,,,,real,"), "indicators.csv", -1, 15, "basis is only for indicators whose measure is growth" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,个,count,higher,0,bar,,,,,,,"), "indicators.csv", -1, 16, "unit_en is required for unit '个'" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,万个,count,higher,0,bar,,,,,,,places"), "indicators.csv", -1, 16, "must open with '10 thousand'" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,万个,count,higher,0,bar,,,,,,,10 thousand "), "indicators.csv", -1, 16, "must open with '10 thousand' and name what is counted" },
        { "indicators.csv", AppendLine("new_thing,economy,新,New,个,count,higher,0,bar,,,,,,,10 thousand places"), "indicators.csv", -1, 16, "must not open with a multiplier" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void ABadSeedFileIsRejectedWithFileLineAndColumn(
        string file, Func<string, string> corrupt, string errorFile, int line, int column, string message)
    {
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        seeds.Rewrite(file, corrupt);
        var expectedLine = line > 0 ? line : seeds.LineCount(file);

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(seeds.Path));

        Assert.Contains(error.Errors, e => e.File == errorFile && e.Line == expectedLine && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AFileThatIsNotUtf8IsRejected()
    {
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        File.WriteAllBytes(Path.Combine(seeds.Path, "milestones.csv"), [0x72, 0x65, 0x67, 0xC0, 0xAF, 0x0A]);

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(seeds.Path));

        Assert.Contains(error.Errors, e => e.File == "milestones.csv" && e.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingSeedFileIsNamed()
    {
        using var seeds = SeedDirectory.CopyOfRealSeeds();
        File.Delete(Path.Combine(seeds.Path, "units.csv"));

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.ReadDirectory(seeds.Path));

        Assert.Contains(error.Errors, e => e.File == "units.csv" && e.Message == "the file is missing");
    }

    private static Func<string, string> AppendLine(string line) => text => text.TrimEnd('\n') + "\n" + line + "\n";

    private static string DuplicateLastLine(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return text.TrimEnd('\n') + "\n" + lines[^1] + "\n";
    }
}
