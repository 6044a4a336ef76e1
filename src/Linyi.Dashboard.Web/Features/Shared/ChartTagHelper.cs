using System.Text.Encodings.Web;
using Linyi.Dashboard.Web.Features.Indicators;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Features.Shared;

/// <summary>
/// One chart, on screen and in print: the canvas the chart script draws on, named for screen readers and pointing at the
/// table that holds its figures, and the chart's data as a JSON island beside it.
/// <c>&lt;chart id="chart-gdp" data="@chart" name="GDP" table="table-gdp" box="chart-box" /&gt;</c>
/// </summary>
[HtmlTargetElement("chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChartTagHelper(IStringLocalizer<SharedResource> text) : TagHelper
{
    /// <summary>The element id of the JSON island, which the canvas names in data-chart.</summary>
    public string Id { get; set; } = "";

    public ChartData Data { get; set; } = null!;

    /// <summary>What the chart shows, for its accessible name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The id of the table with the same figures; without one (print), the name alone labels the chart.</summary>
    public string? Table { get; set; }

    /// <summary>The class of the box that sizes the chart.</summary>
    public string Box { get; set; } = "chart-box";

    /// <summary>The series a box holds among several on one page (data-series).</summary>
    public string? Series { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var encode = HtmlEncoder.Default;
        var label = Table is null ? Name : text["Chart of {0}; the table below gives the figures", Name].Value;
        var describedBy = Table is null ? "" : $" aria-describedby=\"{encode.Encode(Table)}\"";
        var box = Series is null ? "" : $" data-series=\"{encode.Encode(Series)}\"";
        output.Content.SetHtmlContent(
            $"<div class=\"{encode.Encode(Box)}\"{box}><canvas data-chart=\"{encode.Encode(Id)}\" role=\"img\" aria-label=\"{encode.Encode(label)}\"{describedBy}></canvas></div>" +
            $"<script type=\"application/json\" id=\"{encode.Encode(Id)}\">{Data.ToJson()}</script>");
    }
}

/// <summary>The scripts that draw charts, in load order: one list for the pages (_ChartScripts) and the PDF shell.</summary>
public static class ChartScripts
{
    public static readonly IReadOnlyList<string> Paths =
    [
        "/lib/chart.js/dist/chart.umd.min.js",
        "/js/charts/palette.js",
        "/js/charts/base.js",
        "/js/charts/types.js",
        "/js/charts/plugins/target-lines.js",
        "/js/charts/init.js",
    ];
}
