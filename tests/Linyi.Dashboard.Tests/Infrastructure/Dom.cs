using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// Pages as parsed documents, so a test asks for an element by its id or data attributes and compares its values,
/// rather than scanning the markup as text.
/// </summary>
public static class Dom
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The first element matching <paramref name="selector"/>; the test fails when there is none.</summary>
    public static IElement One(this IParentNode node, string selector)
    {
        var element = node.QuerySelector(selector);
        Assert.True(element is not null, $"No element matches {selector}.");
        return element;
    }

    /// <summary>The value of <paramref name="attribute"/> on each element matching <paramref name="selector"/>, in page order.</summary>
    public static List<string> Values(this IParentNode node, string selector, string attribute) =>
        node.QuerySelectorAll(selector).Select(e => e.GetAttribute(attribute) ?? "").ToList();

    /// <summary>The text of a node with its runs of white space made single spaces, trimmed.</summary>
    public static string Plain(this INode node) => string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
