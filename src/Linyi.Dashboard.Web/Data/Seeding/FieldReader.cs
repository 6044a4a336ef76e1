using System.Globalization;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Data.Seeding;

/// <summary>Reads typed fields from one CSV record, recording an error with file, line and column for each bad field.</summary>
public sealed partial class FieldReader(string file, CsvRecord record, IReadOnlyList<string> header, ICollection<SeedError> errors)
{
    public bool HasErrors { get; private set; }

    public int Line => record.Line;

    public string? Optional(string column, int maxLength = 1000)
    {
        var index = IndexOf(column);
        var value = record.Fields[index].Trim();
        if (value.Length > maxLength)
        {
            return Fail<string>(index, new Sentence("{0} is {1} characters long; at most {2} are allowed", column, value.Length, maxLength));
        }
        if (value.Any(char.IsControl))
        {
            return Fail<string>(index, new Sentence("{0} contains a control character", column));
        }
        if (value.Any(IsBidiControl))
        {
            return Fail<string>(index, new Sentence("{0} contains a bidirectional override character (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can make text display differently from what it says", column));
        }
        return value.Length == 0 ? null : value;
    }

    public string Required(string column, int maxLength = 1000)
    {
        var value = Optional(column, maxLength);
        if (value is null && !HasErrorAt(column))
        {
            Fail<string>(IndexOf(column), new Sentence("{0} is required", column));
        }
        return value ?? "";
    }

    public string Code(string column, int maxLength = 64)
    {
        var value = Required(column, maxLength);
        if (value.Length > 0 && !CodePattern().IsMatch(value))
        {
            Fail<string>(IndexOf(column), new Sentence("{0} '{1}' must be lowercase letters, digits, '_' or '-', starting with a letter", column, value));
        }
        return value;
    }

    public string? Reference(string column, IReadOnlySet<string> known, bool required, string what)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is not null && value.Length > 0 && !known.Contains(value))
        {
            Fail<string>(IndexOf(column), new Sentence("unknown {0} '{1}' in {2}", new Sentence(what), Shorten(value), column));
        }
        return value;
    }

    public TEnum Enum<TEnum>(string column) where TEnum : struct, Enum
    {
        var value = Required(column);
        if (value.Length > 0 && !KebabEnum.TryParse<TEnum>(value, out var parsed))
        {
            Fail<string>(IndexOf(column), new Sentence("{0} '{1}' is not one of: {2}", column, Shorten(value), string.Join(", ", KebabEnum.Texts<TEnum>())));
            return default;
        }
        return KebabEnum.TryParse<TEnum>(value, out parsed) ? parsed : default;
    }

    public TEnum? OptionalEnum<TEnum>(string column) where TEnum : struct, Enum
    {
        var value = Optional(column);
        if (value is null || value.Length == 0)
        {
            return null;
        }
        if (!KebabEnum.TryParse<TEnum>(value, out var parsed))
        {
            Fail<string>(IndexOf(column), new Sentence("{0} '{1}' is not one of: {2}", column, Shorten(value), string.Join(", ", KebabEnum.Texts<TEnum>())));
            return null;
        }
        return parsed;
    }

    public Comparator Comparator(string column)
    {
        var value = Required(column);
        if (ComparatorText.TryParse(value, out var comparator))
        {
            return comparator;
        }
        if (value.Length > 0)
        {
            Fail<string>(IndexOf(column), new Sentence("{0} '{1}' is not one of: {2}", column, Shorten(value), string.Join(" ", ComparatorText.AsciiForms)));
        }
        return default;
    }

    public decimal Decimal(string column, bool positive = false)
    {
        var value = Required(column);
        if (value.Length == 0)
        {
            return 0;
        }
        if (!DecimalPattern().IsMatch(value) || !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            Fail<string>(IndexOf(column), new Sentence("{0} '{1}' is not a plain number (digits, an optional '-' and '.', no separators)", column, Shorten(value)));
            return 0;
        }
        if (positive && number <= 0)
        {
            Fail<string>(IndexOf(column), new Sentence("{0} must be greater than zero", column));
        }
        return number;
    }

    public decimal? OptionalDecimal(string column) => Optional(column) is null ? null : Decimal(column);

    public int Int(string column, int min, int max)
    {
        var value = Required(column);
        if (value.Length == 0)
        {
            return 0;
        }
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Fail<string>(IndexOf(column), new Sentence("{0} '{1}' must be a whole number from {2} to {3}", column, Shorten(value), min, max));
        }
        return number;
    }

    public Period Period(string column)
    {
        var value = Required(column);
        if (Domain.Period.TryParse(value, out var period))
        {
            return period.Value;
        }
        if (value.Length > 0)
        {
            Fail<string>(IndexOf(column), new Sentence("{0} '{1}' must be a year (2023) or a span of years (2022-2026) between {2} and {3}", column, Shorten(value), Domain.Period.MinYear, Domain.Period.MaxYear));
        }
        return default;
    }

    public void Error(string column, Sentence message) => Fail<string>(IndexOf(column), message);

    private readonly HashSet<int> failedColumns = [];

    public bool HasErrorAt(string column) => failedColumns.Contains(IndexOf(column));

    private int IndexOf(string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }
        throw new ArgumentException($"No column {column} in {file}.", nameof(column));
    }

    private T? Fail<T>(int index, Sentence message)
    {
        HasErrors = true;
        failedColumns.Add(index);
        errors.Add(new SeedError(file, record.Line, index + 1, message));
        return default;
    }

    /// <summary>The embeddings, overrides and isolates that can reorder how text is displayed.</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^-?[0-9]{1,15}(\.[0-9]{1,4})?$")]
    private static partial Regex DecimalPattern();
}
