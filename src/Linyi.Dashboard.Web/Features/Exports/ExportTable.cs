using System.Globalization;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;

namespace Linyi.Dashboard.Web.Features.Exports;

/// <summary>The columns every download has, in order, and how a row fills them. CSV and XLSX share this.</summary>
public static class ExportTable
{
    public static readonly string[] Header =
    [
        "indicator_code", "indicator", "region_code", "region", "period", "kind", "comparator", "value", "unit", "vintage",
        "source", "published_on", "url", "section", "note",
    ];

    public static string[] Cells(DataRow row, bool english) =>
    [
        row.IndicatorCode,
        english ? row.IndicatorNameEn : row.IndicatorNameZh,
        row.RegionSlug,
        english ? row.RegionNameEn : row.RegionNameZh,
        row.Period.ToString(),
        KebabEnum.ToText(row.Kind),
        row.Comparator.ToAscii(),
        Number(row.Value),
        row.Unit,
        KebabEnum.ToText(row.Vintage),
        english ? row.DocumentTitleEn : row.DocumentTitleZh,
        row.PublishedOn,
        row.Url ?? "",
        row.Section,
        row.Note ?? "",
    ];

    /// <summary>The value exactly as stated: no thousands separators, no trailing zeros from the numeric column.</summary>
    public static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public const int ValueColumn = 7;
}
