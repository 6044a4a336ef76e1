using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Linyi.Dashboard.Web.Data;

/// <summary>Stores enums as readable kebab-case text (<c>WorkReport</c> → <c>work-report</c>).</summary>
public class KebabEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => KebabEnum.ToText(value),
    text => KebabEnum.Parse<TEnum>(text))
    where TEnum : struct, Enum;

public static class KebabEnum
{
    public static string ToText<TEnum>(TEnum value) where TEnum : struct, Enum => ToKebab(value.ToString());

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (ToText(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static IEnumerable<string> Texts<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(ToText);

    /// <summary>A check constraint body that allows exactly the enum's texts.</summary>
    public static string CheckIn<TEnum>(string column) where TEnum : struct, Enum =>
        $"{column} IN ({string.Join(", ", Texts<TEnum>().Select(t => $"'{t}'"))})";

    private static string ToKebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }
}
