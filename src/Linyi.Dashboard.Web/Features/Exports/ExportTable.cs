using System.Globalization;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;

namespace Linyi.Dashboard.Web.Features.Exports;

/// <summary>Codes are written as they are (a comparator stays <c>=</c>); text may need defusing; numbers stay numbers.</summary>
public enum CellKind { Code, Text, Number }

public readonly record struct ExportCell(CellKind Kind, string Text, decimal? Number = null)
{
    public static ExportCell Code(string text) => new(CellKind.Code, text);

    public static ExportCell Words(string? text) => new(CellKind.Text, text ?? "");

    public static ExportCell Of(decimal? number) => new(CellKind.Number, number is { } n ? ExportTable.Number(n) : "", number is { } v ? Normalize(v) : null);

    private static decimal Normalize(decimal value) => value.Trimmed();
}

/// <summary>The columns every download has, in order, and how a row fills them. CSV and XLSX share this, and carry the API's values.</summary>
public static class ExportTable
{
    public static readonly string[] Header =
    [
        "indicator_code", "indicator", "region_code", "region", "period", "kind", "comparator", "value", "unit",
        "value_in_indicator_unit", "indicator_unit", "vintage", "of_record", "document", "source", "published_on", "source_url",
        "section", "note",
    ];

    /// <summary>Widths of the XLSX columns, in characters.</summary>
    public static readonly double[] Widths = [22, 28, 14, 14, 11, 9, 11, 12, 10, 14, 12, 12, 10, 18, 40, 13, 40, 36, 36];

    public static ExportCell[] Cells(DataRow row, bool english) =>
    [
        ExportCell.Code(row.IndicatorCode),
        ExportCell.Words(english ? row.IndicatorNameEn : row.IndicatorNameZh),
        ExportCell.Code(row.RegionSlug),
        ExportCell.Words(english ? row.RegionNameEn : row.RegionNameZh),
        ExportCell.Code(row.Period.ToString()),
        ExportCell.Code(KebabEnum.ToText(row.Kind)),
        ExportCell.Code(row.Comparator.ToAscii()),
        ExportCell.Of(row.Value),
        ExportCell.Code(row.Unit),
        ExportCell.Of(row.NormalizedValue),
        ExportCell.Code(row.IndicatorUnit),
        ExportCell.Code(KebabEnum.ToText(row.Vintage)),
        ExportCell.Code(row.OfRecord ? "true" : "false"),
        ExportCell.Code(row.DocumentCode),
        ExportCell.Words(english ? row.DocumentTitleEn : row.DocumentTitleZh),
        ExportCell.Code(row.PublishedOn),
        ExportCell.Words(row.Url),
        ExportCell.Words(row.Section),
        ExportCell.Words(english ? row.NoteEn ?? row.NoteZh : row.NoteZh ?? row.NoteEn),
    ];

    /// <summary>The value exactly as stated: no thousands separators, no trailing zeros from the numeric column.</summary>
    public static string Number(decimal value) => value.Trimmed().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR) gets a leading apostrophe,
    /// which spreadsheets read as "this is text". Codes and numbers are never defused.
    /// </summary>
    public static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
