namespace Linyi.Dashboard.Tests.Infrastructure;

public static class Html
{
    /// <summary>The text of the element whose start tag contains <paramref name="attribute"/>, up to its matching close tag.</summary>
    public static string Element(string html, string attribute)
    {
        var at = html.IndexOf(attribute, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No element with {attribute} in the page.");
        var start = html.LastIndexOf('<', at);
        var name = new string(html[(start + 1)..].TakeWhile(char.IsLetterOrDigit).ToArray());
        var depth = 0;
        for (var i = start; i < html.Length; i++)
        {
            if (string.CompareOrdinal(html, i, "<" + name, 0, name.Length + 1) == 0 && !char.IsLetterOrDigit(html[i + name.Length + 1]))
            {
                depth++;
            }
            else if (string.CompareOrdinal(html, i, "</" + name + ">", 0, name.Length + 3) == 0 && --depth == 0)
            {
                return html[start..(i + name.Length + 3)];
            }
        }
        return html[start..];
    }
}
