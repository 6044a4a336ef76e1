using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Features.Worksheets;

/// <summary>
/// The worksheet file's own text, in both languages side by side because one file serves every editor: its sheet names
/// (the data validation refers to the documents sheet by name, and editors already hold files with these names), the
/// instructions sheet, and the section recorded for a figure whose row names none. The Chinese comes from the shared
/// resource file, keyed by the English; some lines are said in one language only.
/// </summary>
public static class WorksheetTexts
{
    /// <summary>The Chinese, then the English, as the file has always written its names.</summary>
    private static string SideBySide(Bilingual text, string between = " ") => text.Zh + between + text.En;

    public static string DocumentsSheet => SideBySide(Words.Both("Documents|worksheet sheet"));

    public static string InstructionsSheet => SideBySide(Words.Both("Instructions|worksheet sheet"));

    /// <summary>The section of a figure imported from a worksheet row that gives none.</summary>
    public static string DefaultSection => Words.Zh("Results due worksheet|section of a worksheet row that names none");

    public static string DataSheet(WorksheetKind kind, string years) =>
        kind == WorksheetKind.Results ? SideBySide(Words.Both("Results due|worksheet sheet")) : $"{Words.Zh("Targets for {0}|worksheet sheet", years)} Targets";

    public static IEnumerable<string> Instructions(WorksheetKind kind, string years) =>
    [
        kind == WorksheetKind.Results
            ? SideBySide(Words.Both("Results due: how to fill it in"), " · ")
            : SideBySide(Words.Both("Targets for {0}: how to fill it in", years), " · "),
        kind == WorksheetKind.Results
            ? Words.Zh("Each row is a goal that has started and has no result yet. In the result column enter the result of the year in the year column, as the document states it and in the unit of the unit column; as vintage choose final or preliminary (an estimate or a first release).")
            : Words.Zh("Each row is an indicator with yearly goals that has no goal for the year in the year column: this year, next year and any year a goal is missing; the goal_period, target and stretch columns show the goal before it. Enter the base target in new_target and the stretch target in new_stretch (one of them is enough), and choose the comparator (= equal, >= at least or over, <= within, ~ about). A new report's targets can also be entered in one sitting on the Report intake page."),
        kind == WorksheetKind.Results ? "" : "Each row is an indicator with yearly goals that has no goal for the year in the year column: this year, next year and any year a goal is missing; the goal columns show the goal before it. A new report's targets can also be taken in one sitting on the Report intake page.",
        "Each row is one goal. Fill the white-on-yellow columns; leave a row's input columns empty to skip it. Values as the document states them, in the unit of the unit column.",
        Words.Zh("document: the code of the cited document (see the Documents sheet). To cite a new document, enter a new code with document_title (its title), document_published (its publication date, YYYY-MM-DD), document_kind and, best, document_url (its address)."),
        "document: the code of the source document (see the Documents sheet). To cite a new document, give a new code with its title, publication date, kind and, if it is on the web, its address.",
        SideBySide(Words.Both("section: where in the document the figure is.")),
        Words.Zh("Upload the filled file on the Import page (XLSX or CSV). The preview lists each new figure beside its goal and the status it will give; nothing is written until you confirm."),
        Words.En("Upload the filled file on the Import page (XLSX or CSV). The preview lists each new figure beside its goal and the status it will give; nothing is written until you confirm."),
        SideBySide(Words.Both("Do not change the column codes in row 1.")),
    ];
}
