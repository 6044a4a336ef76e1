using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Features.Shared;

/// <summary>
/// Counted nouns: English says "1 milestone" and "2 milestones", so each has a resx key for one and one for more (Chinese
/// translates both the same). The count is the first argument of both.
/// </summary>
public static class PluralText
{
    public static LocalizedString Plural(this IStringLocalizer text, int count, string one, string other, params object[] more) =>
        text[count == 1 ? one : other, [count, .. more]];
}
