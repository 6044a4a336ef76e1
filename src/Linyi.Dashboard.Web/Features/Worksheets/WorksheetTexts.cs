using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Features.Worksheets;

/// <summary>
/// The worksheet file's own text, in both languages side by side because one file serves every editor: its sheet names
/// (the data validation refers to the documents sheet by name, and editors already hold files with these names), the
/// instructions sheet, and the section recorded for a figure whose row names none. Data of the file, not interface words
/// of the site; the scanning test in TranslationTests lists this file as an exception.
/// </summary>
public static class WorksheetTexts
{
    public const string DocumentsSheet = "文档 Documents";

    public const string InstructionsSheet = "说明 Instructions";

    /// <summary>The section of a figure imported from a worksheet row that gives none.</summary>
    public const string DefaultSection = "待填报工作表";

    public static string DataSheet(WorksheetKind kind, string years) => kind == WorksheetKind.Results ? "待填报 Results due" : $"{years}目标 Targets";

    public static IEnumerable<string> Instructions(WorksheetKind kind, string years) =>
    [
        kind == WorksheetKind.Results ? "待填报工作表：如何填写 · Results due: how to fill it in" : $"{years}年目标工作表：如何填写 · Targets for {years}: how to fill it in",
        kind == WorksheetKind.Results
            ? "每行是一个已开始且尚无实绩的目标。请在 result 列填写该年度（year 列）的实绩，数值按文档原文、单位同 unit 列；vintage 选 final（正式）或 preliminary（初步/预计/快报）。"
            : "每行是一个有年度目标的指标在某一年（year 列）尚无目标：本年、明年，以及目标缺失的年份；goal_period、target、stretch 列是它之前的目标。请在 new_target 填写基本目标、new_stretch 填写力争目标（可只填一项），并选择比较符（= 等于，>= 以上/突破，<= 以内，~ 左右）。一份新报告的目标也可以在“报告录入”页面一次录入。",
        kind == WorksheetKind.Results ? "" : "Each row is an indicator with yearly goals that has no goal for the year in the year column: this year, next year and any year a goal is missing; the goal columns show the goal before it. A new report's targets can also be taken in one sitting on the Report intake page.",
        "Each row is one goal. Fill the white-on-yellow columns; leave a row's input columns empty to skip it. Values as the document states them, in the unit of the unit column.",
        "document：引用的文档代码（见“文档 Documents”表）。引用新文档时，填写一个新代码，并填写 document_title（标题）、document_published（发布日期 YYYY-MM-DD）、document_kind，最好还有 document_url（网址）。",
        "document: the code of the source document (see the Documents sheet). To cite a new document, give a new code with its title, publication date, kind and, if it is on the web, its address.",
        "section：数据在文档中的位置，例如“一、综合 ¶1”。 section: where in the document the figure is.",
        "填好后在“导入”页面上传本文件（XLSX 或 CSV）。预览会逐行列出新实绩、对应目标和将得出的状态；确认之前不会写入任何数据。",
        "Upload the filled file on the Import page (XLSX or CSV). The preview lists each new figure beside its goal and the status it will give; nothing is written until you confirm.",
        "请勿修改第一行的列代码。 Do not change the column codes in row 1.",
    ];
}
