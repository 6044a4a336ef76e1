using System.Globalization;
using System.Text;
using Linyi.Dashboard.Intake;

return IntakeCommand.Run(args, Console.Out, Console.Error);

/// <summary>scripts/intake.sh FILE [--region CODE] [--year YYYY]: the figures of one report as CSV on standard output.</summary>
public static class IntakeCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length >= 1 && args[0] == "--bench")
        {
            var seedsDir = Catalogue.FindSeeds(Directory.GetCurrentDirectory());
            if (seedsDir is null || args.Length < 2)
            {
                error.WriteLine("usage: intake --bench DOCUMENTS_FOLDER [--details]");
                return 2;
            }
            output.Write(Bench.Markdown(Bench.Run(seedsDir, args[1]), args.Contains("--details")));
            return 0;
        }
        string? file = null;
        string? region = null;
        int? year = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--region" when i + 1 < args.Length:
                    region = args[++i];
                    break;
                case "--year" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2100:
                    year = y;
                    i++;
                    break;
                case "--help" or "-h":
                    output.WriteLine("usage: intake FILE [--region CODE] [--year YYYY]");
                    return 0;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null)
                    {
                        error.WriteLine($"intake: unexpected argument '{args[i]}'\nusage: intake FILE [--region CODE] [--year YYYY]");
                        return 2;
                    }
                    file = args[i];
                    break;
            }
        }
        if (file is null)
        {
            error.WriteLine("usage: intake FILE [--region CODE] [--year YYYY]");
            return 2;
        }
        var seeds = Catalogue.FindSeeds(Directory.GetCurrentDirectory()) ?? Catalogue.FindSeeds(AppContext.BaseDirectory);
        if (seeds is null)
        {
            error.WriteLine("intake: cannot find the catalogue (seeds/indicators.csv); set LINYI_SEEDS_DIR");
            return 3;
        }
        var catalogue = Catalogue.FromSeeds(seeds);
        if (region is not null && catalogue.Regions.All(r => r.Slug != region))
        {
            error.WriteLine($"intake: unknown region '{region}'; one of: {string.Join(", ", catalogue.Regions.Select(r => r.Slug))}");
            return 2;
        }
        ReadDocument document;
        try
        {
            document = DocumentReader.ReadFile(file);
        }
        catch (IntakeException ex)
        {
            error.WriteLine($"intake: {file}: {ex.Message}");
            return 1;
        }
        var proposals = new Extractor(catalogue).Extract(document.Text, new ExtractOptions(region, year));
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Proposal.CsvHeader)).Append('\n');
        foreach (var p in proposals)
        {
            csv.Append(p.ToCsv()).Append('\n');
        }
        output.Write(csv.ToString());
        return 0;
    }
}
