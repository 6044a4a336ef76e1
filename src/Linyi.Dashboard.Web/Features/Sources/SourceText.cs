using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Infrastructure;

namespace Linyi.Dashboard.Web.Features.Sources;

/// <summary>Names of source kinds and vintages in the reader's language.</summary>
public static class SourceText
{
    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.WorkReport => Localized.Pick("政府工作报告", "Government work report"),
        DocumentKind.Bulletin => Localized.Pick("统计公报", "Statistical bulletin"),
        DocumentKind.StatsRelease => Localized.Pick("统计部门发布", "Statistics bureau release"),
        DocumentKind.GovNotice => Localized.Pick("政府网站公告", "Government website notice"),
        DocumentKind.News => Localized.Pick("官方新闻报道", "Official news report"),
        _ => Localized.Pick("转载", "Repost"),
    };

    public static string Vintage(Vintage vintage) =>
        vintage == Domain.Vintage.Preliminary ? Localized.Pick("初步", "Preliminary") : Localized.Pick("正式", "Final");
}
