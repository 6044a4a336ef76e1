using System.Collections;
using System.Globalization;
using System.Resources;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Web;

/// <summary>
/// The interface words of Resources/SharedResource.zh-CN.resx for code that has no <c>IStringLocalizer</c>: the domain,
/// the seed reader, static helpers. The key is the English sentence, with {0}-style places for its values; the
/// resource file holds the Chinese (ADR 0024). Where one English word needs two Chinese ones, the key carries a context
/// after a bar ("Rank|goal shape"), which the English leaves out.
/// </summary>
public static class Words
{
    // Resource names are unique regardless of case (the resource compiler keeps the first of "Region" and "region").
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ChineseWords = new(Load);

    private static IReadOnlyDictionary<string, string> Load()
    {
        var manager = new ResourceManager("Linyi.Dashboard.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var set = manager.GetResourceSet(CultureInfo.GetCultureInfo("zh-CN"), createIfNotExists: true, tryParents: false);
            if (set is not null)
            {
                foreach (DictionaryEntry entry in set)
                {
                    if (entry is { Key: string key, Value: string value })
                    {
                        words[key] = value;
                    }
                }
            }
        }
        catch (MissingManifestResourceException)
        {
        }
        return words;
    }

    public static bool Has(string key) => ChineseWords.Value.ContainsKey(key);

    /// <summary>The English sentence with its values.</summary>
    public static string En(string key, params object?[] args) => Format(English(key), args, english: true);

    /// <summary>The Chinese sentence with its values; the English one if the resource file lacks it.</summary>
    public static string Zh(string key, params object?[] args) =>
        Format(ChineseWords.Value.TryGetValue(key, out var chinese) ? chinese : English(key), args, english: false);

    private static string English(string key) => key.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? key[..bar] : key;

    /// <summary>The sentence in the reader's language.</summary>
    public static string Of(string key, params object?[] args) => Localized.IsEnglish ? En(key, args) : Zh(key, args);

    public static Bilingual Both(string key, params object?[] args) => new(Zh(key, args), En(key, args));

    private static string Format(string text, object?[] args, bool english) =>
        args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args.Select(a => a is ISaid said ? said.In(english) : a).ToArray());
}

/// <summary>
/// A message as a resource key (its English) with its values, said in the reader's language where it is shown. Its
/// English is the message of record, which logs, the seed loader and the API keep. A value may itself be a sentence,
/// such as the name of a thing, and is then said in the same language.
/// </summary>
public sealed class Sentence(string key, params object?[] args) : ISaid
{
    public string Key { get; } = key;

    public IReadOnlyList<object?> Args { get; } = args;

    public string English => Words.En(Key, args);

    public string Chinese => Words.Zh(Key, args);

    public string In(bool english) => english ? English : Chinese;

    /// <summary>In the reader's language.</summary>
    public string Local => In(Localized.IsEnglish);

    public override string ToString() => English;
}

/// <summary>Several sentences said one after another, each in the same language.</summary>
public sealed class Sentences(IEnumerable<Sentence> parts) : ISaid
{
    private readonly IReadOnlyList<Sentence> parts = parts.ToList();

    public string In(bool english) => string.Join(" ", parts.Select(p => p.In(english)));

    /// <summary>As one sentence of record, so that an error page keeps the English beside the reader's language.</summary>
    public Sentence AsSentence() => new("{0}", this);
}

/// <summary>A value said differently in each language.</summary>
public interface ISaid
{
    string In(bool english);
}

/// <summary>A list of codes or names as a value of a sentence: "a, b, c" in English, "a、b、c" in Chinese.</summary>
public sealed class Listed(IEnumerable<string> items) : ISaid
{
    private readonly IReadOnlyList<string> items = items.ToList();

    public string In(bool english) => string.Join(english ? ", " : "、", items);

    public override string ToString() => In(english: true);
}
