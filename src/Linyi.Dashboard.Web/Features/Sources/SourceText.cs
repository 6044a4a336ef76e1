using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Features.Sources;

/// <summary>Names of source kinds and vintages in the reader's language.</summary>
public static class SourceText
{
    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.WorkReport => Words.Of("Government work report"),
        DocumentKind.Bulletin => Words.Of("Statistical bulletin"),
        DocumentKind.StatsRelease => Words.Of("Statistics bureau release"),
        DocumentKind.GovNotice => Words.Of("Government website notice"),
        DocumentKind.News => Words.Of("Official news report"),
        _ => Words.Of("Repost"),
    };

    public static string Vintage(Vintage vintage) =>
        Words.Of(vintage == Domain.Vintage.Preliminary ? "Preliminary" : "Final");
}
