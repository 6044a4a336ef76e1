namespace Linyi.Dashboard.Web.Domain;

/// <summary>Whether a figure is read in its publisher's own document or in a copy of it elsewhere.</summary>
public enum SourceStanding { Original, Repost }

public static class SourceStandings
{
    public static SourceStanding Of(DocumentKind kind) => kind == DocumentKind.Repost ? SourceStanding.Repost : SourceStanding.Original;

    public static Bilingual Name(this SourceStanding standing) => standing switch
    {
        SourceStanding.Original => Words.Both("original"),
        _ => Words.Both("repost"),
    };
}
