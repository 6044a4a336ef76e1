using System.Text;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Features.Worksheets;

namespace Linyi.Dashboard.Web.Features.Intake;

/// <summary>
/// What the intake hands to the import: a documents.csv part (the report, when it is new) and an observations.csv part
/// (the accepted figures), each read through the seed rules like any other import.
/// </summary>
public static class IntakeBundle
{
    public const string DocumentsMarker = "#intake documents.csv\n";

    public const string ObservationsMarker = "#intake observations.csv\n";

    public static bool Is(ReadOnlySpan<byte> content) => content.StartsWith(Encoding.UTF8.GetBytes(DocumentsMarker));

    public static byte[] Write(DocumentRow? newDocument, IEnumerable<IReadOnlyList<string>> observations)
    {
        var text = new StringBuilder(DocumentsMarker);
        text.Append(string.Join(',', SeedReader.Headers["documents.csv"])).Append('\n');
        if (newDocument is { } d)
        {
            Line(text, [d.Code, d.TitleZh, d.TitleEn, d.Publisher ?? "", d.PublishedOn, Linyi.Dashboard.Web.Data.KebabEnum.ToText(d.Kind), d.Url ?? "", d.Reliability ?? "", d.SourceFile ?? "",
                d.PublisherEn ?? "", d.ReliabilityEn ?? ""]);
        }
        text.Append(ObservationsMarker);
        text.Append(string.Join(',', SeedReader.Headers["observations.csv"])).Append('\n');
        foreach (var row in observations)
        {
            Line(text, row);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> fields) =>
        text.Append(string.Join(',', fields.Select(Linyi.Dashboard.Intake.Csv.Quote))).Append('\n');

    public static WorksheetContent? Parse(string fileName, byte[] content, KnownCodes known, List<SeedError> errors)
    {
        if (!Is(content))
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(content);
        var split = text.IndexOf("\n" + ObservationsMarker, StringComparison.Ordinal);
        if (split < 0)
        {
            errors.Add(new SeedError(fileName, 0, 0, new Sentence("the intake has no figures")));
            return new WorksheetContent([], []);
        }
        var documentsPart = Encoding.UTF8.GetBytes(text[DocumentsMarker.Length..(split + 1)]);
        var observationsPart = Encoding.UTF8.GetBytes(text[(split + 1 + ObservationsMarker.Length)..]);
        var header = SeedReader.Headers["documents.csv"];
        var documents = new List<DocumentRow>();
        foreach (var record in CsvTable.Parse("documents.csv", documentsPart, header, errors))
        {
            var document = SeedReader.ParseDocument(new FieldReader("documents.csv", record, header, errors));
            if (!known.DocumentCodes.Contains(document.Code))
            {
                documents.Add(document);
            }
        }
        var withNew = known with { DocumentCodes = known.DocumentCodes.Union(documents.Select(d => d.Code)).ToHashSet() };
        var rows = SeedReader.ReadObservations("observations.csv", observationsPart, withNew, errors);
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new SeedError(fileName, 0, 0, new Sentence("the intake has no figures")));
        }
        return new WorksheetContent(rows, documents);
    }
}
