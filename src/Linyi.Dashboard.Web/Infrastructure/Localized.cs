using System.Globalization;

namespace Linyi.Dashboard.Web.Infrastructure;

/// <summary>Picks the Chinese or English form of a name stored in both languages.</summary>
public static class Localized
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Pick(string zh, string en) => IsEnglish && !string.IsNullOrEmpty(en) ? en : zh;
}
