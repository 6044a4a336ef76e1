using System.Text.Encodings.Web;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Localization;
using Microsoft.AspNetCore.Html;

namespace Linyi.Dashboard.Web.Features.Sources;

/// <summary>
/// A figure's citation: the document (linked to its address, or to its entry on /sources), then its publisher, date and
/// locator (the publisher in the reader's language where it is recorded in both; the locator as the document writes it,
/// in Chinese, marked so on an English page). Written directly rather than through
/// a partial view because long tables cite a source on every row; encoded with the view's own encoder.
/// </summary>
public sealed class CitationHtml(CitationData citation) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var english = Localized.IsEnglish;
        writer.Write("<span class=\"citation\" data-document=\"");
        encoder.Encode(writer, citation.DocumentCode);
        writer.Write("\"><cite><a href=\"");
        if (citation.Url is { } url)
        {
            encoder.Encode(writer, url);
            writer.Write("\" rel=\"noopener noreferrer external\" target=\"_blank\">");
        }
        else
        {
            writer.Write("/sources#");
            encoder.Encode(writer, citation.DocumentCode);
            writer.Write("\">");
        }
        encoder.Encode(writer, Localized.Pick(citation.TitleZh, citation.TitleEn));
        writer.Write("</a></cite><span class=\"citation-meta\">");
        writer.Write(english ? " (" : "（");
        if (citation.PublisherShown is { } publisher)
        {
            Marked(writer, encoder, publisher);
            writer.Write(english ? ", " : "，");
        }
        encoder.Encode(writer, citation.PublishedOn);
        writer.Write(english ? "), " : "），");
        Marked(writer, encoder, citation.Section);
        writer.Write("</span></span>");
    }

    private static void Marked(TextWriter writer, HtmlEncoder encoder, string text)
    {
        writer.Write(Localized.LangOf(text) is { } lang ? "<span lang=\"" + lang + "\">" : "<span>");
        encoder.Encode(writer, text);
        writer.Write("</span>");
    }
}
