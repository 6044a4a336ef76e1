using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Linyi.Dashboard.Web.Localization;

/// <summary>Picks the Chinese or English form of a name stored in both languages.</summary>
public static partial class Localized
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The page's language as an HTML lang value.</summary>
    public static string Lang => IsEnglish ? "en" : "zh-CN";

    /// <summary>The page's language as a file name says it: "en" or "zh".</summary>
    public static string FileLang => IsEnglish ? "en" : "zh";

    /// <summary>"; " between the items of a list in English, "；" in Chinese.</summary>
    public static string ListSeparator => IsEnglish ? "; " : "\uff1b";

    /// <summary>A sentence of the goal rules in the page's language.</summary>
    public static string Local(this Domain.Bilingual text) => text.In(IsEnglish);

    /// <summary>Text a Chinese page adds and an English one leaves out (the source documents' own wording).</summary>
    public static string OnlyInChinese(string text) => IsEnglish ? "" : text;

    public static string Pick(string zh, string en) => IsEnglish && !string.IsNullOrEmpty(en) ? en : zh;

    /// <summary>
    /// <see cref="Pick"/> for text a record may lack (a publisher, a note): the reader's language when it is there, else
    /// the other one; null when neither is.
    /// </summary>
    public static string? PickOptional(string? zh, string? en) =>
        string.IsNullOrEmpty(zh) ? (string.IsNullOrEmpty(en) ? null : en) : Pick(zh, en ?? "");

    /// <summary>"zh-CN" for Chinese text shown on an English page (a lang attribute for WCAG 3.1.2), otherwise null (no attribute).</summary>
    public static string? LangOf(string? text) => IsEnglish && text is not null && Han().IsMatch(text) ? "zh-CN" : null;

    /// <summary>The language of a stored label in either direction: Chinese on an English page, English (no Han) on a Chinese one.</summary>
    public static string? LangOfData(string? text) =>
        text is null ? null : IsEnglish ? LangOf(text) : Han().IsMatch(text) || !Latin().IsMatch(text) ? null : "en";

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();

    /// <summary>
    /// English text that quotes Chinese terms (力争, 左右/近): on an English page each Chinese run is wrapped in a span
    /// marked lang="zh-CN", so that a screen reader speaks it as Chinese.
    /// </summary>
    public static IHtmlContent Marked(string text)
    {
        if (!IsEnglish || !Han().IsMatch(text))
        {
            return new HtmlString(Encoder.Encode(text));
        }
        var html = HanRun().Replace(Encoder.Encode(text), m => $"<span lang=\"zh-CN\">{m.Value}</span>");
        return new HtmlString(html);
    }

    // As the app's views encode: Chinese written as is, so that the runs below can be found in the encoded text.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    [GeneratedRegex(@"[\u3400-\u9fff\u3001-\u303f\uff01-\uff5e]")]
    private static partial Regex Han();

    // Runs of Han characters with the CJK punctuation between them; the encoder leaves both as they are.
    [GeneratedRegex(@"[\u3400-\u9fff][\u3400-\u9fff\u3000-\u303f\uff01-\uff5e/]*[\u3400-\u9fff]|[\u3400-\u9fff]|[\u3001-\u303f\uff01-\uff5e]+")]
    private static partial Regex HanRun();

    /// <summary>
    /// The reader's half of a message written "English. / 中文。" (filter and parameter errors, which the API returns whole);
    /// a message in one language is returned as it is.
    /// </summary>
    public static string Half(string message)
    {
        var at = message.IndexOf(" / ", StringComparison.Ordinal);
        return at < 0 ? message : IsEnglish ? message[..at] : message[(at + 3)..];
    }
}

/// <summary>Text stored in both languages, picked for the page, with the language it is actually in (for a lang attribute).</summary>
public sealed record LocalText(string Text, string Lang)
{
    public static LocalText? Of(string? zh, string? en)
    {
        if (Localized.IsEnglish && !string.IsNullOrWhiteSpace(en))
        {
            return new LocalText(en, "en");
        }
        if (!string.IsNullOrWhiteSpace(zh))
        {
            return new LocalText(zh, "zh-CN");
        }
        return string.IsNullOrWhiteSpace(en) ? null : new LocalText(en, "en");
    }
}
