using System.Globalization;
using System.Text;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.Extensions.Primitives;

namespace Linyi.Dashboard.Web.Features.Filters;

/// <summary>
/// What an analyst asked for, from the URL query (<c>region</c>, <c>category</c>, <c>year</c>, <c>kind</c>, <c>indicator</c>,
/// <c>document</c>, <c>history</c>), so that every filtered view is a permalink. Parsing checks the syntax; the queries check
/// that the codes exist.
/// </summary>
public sealed record DashboardFilter(string? Region, string? Category, Period? Period, ObservationKind? Kind, bool IncludeOutside)
{
    public const string City = "linyi";
    public const int MaxParameterLength = 64;
    public const int MaxIndicators = 20;

    /// <summary>The query keys a filter reads; anything else is an unknown parameter.</summary>
    public static readonly string[] QueryKeys =
        [FilterKeys.Region, FilterKeys.Category, FilterKeys.Year, FilterKeys.Kind, FilterKeys.Outside, FilterKeys.Indicator, FilterKeys.Document, FilterKeys.History];

    /// <summary>Indicator codes (any of them); empty for every indicator.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    public string? Document { get; init; }

    /// <summary>Every report of each figure (all vintages), not only the figure of record.</summary>
    public bool History { get; init; }

    public static readonly DashboardFilter None = new(null, null, null, null, false);

    public string RegionOrCity => Region ?? City;

    public bool IsEmpty => Region is null && Category is null && Period is null && Kind is null && Indicators.Count == 0 && Document is null && !History;

    public static bool TryParse(IQueryCollection query, out DashboardFilter filter, out Sentence? error)
    {
        filter = None;
        error = null;
        if (!TryText(query, FilterKeys.Region, out var region, ref error) || !TryText(query, FilterKeys.Category, out var category, ref error)
            || !TryText(query, FilterKeys.Year, out var year, ref error) || !TryText(query, FilterKeys.Kind, out var kind, ref error)
            || !TryText(query, FilterKeys.Outside, out var outside, ref error) || !TryText(query, FilterKeys.Document, out var document, ref error)
            || !TryText(query, FilterKeys.History, out var history, ref error) || !TryIndicators(query, out var indicators, ref error))
        {
            return false;
        }
        Period? period = null;
        if (year is not null)
        {
            if (!Domain.Period.TryParse(year, out period))
            {
                error = new Sentence("year '{0}' must be a year such as 2023 or a span such as 2022-2026.", year);
                return false;
            }
        }
        ObservationKind? observationKind = null;
        if (kind is not null)
        {
            if (!KebabEnum.TryParse<ObservationKind>(kind, out var parsed))
            {
                error = new Sentence("kind '{0}' must be one of: {1}.", kind, new Listed(KebabEnum.Texts<ObservationKind>()));
                return false;
            }
            observationKind = parsed;
        }
        if (outside is not null && outside is not ("true" or "false"))
        {
            error = new Sentence("outside must be true or false.");
            return false;
        }
        if (history is not null && history is not ("true" or "false"))
        {
            error = new Sentence("history must be true or false.");
            return false;
        }
        filter = new DashboardFilter(region, category, period, observationKind, outside == "true" || region is "yiyuan")
        {
            Indicators = indicators,
            Document = document,
            History = history == "true",
        };
        return true;
    }

    /// <summary>One or more indicator codes, repeated (<c>indicator=gdp&amp;indicator=cpi</c>) or separated by commas.</summary>
    private static bool TryIndicators(IQueryCollection query, out IReadOnlyList<string> indicators, ref Sentence? error)
    {
        indicators = [];
        if (!query.TryGetValue(FilterKeys.Indicator, out var values))
        {
            return true;
        }
        var codes = new List<string>();
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',')))
        {
            var single = new QueryCollection(new Dictionary<string, StringValues> { [FilterKeys.Indicator] = part });
            if (!TryText(single, FilterKeys.Indicator, out var code, ref error))
            {
                return false;
            }
            if (code is not null && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        if (codes.Count > MaxIndicators)
        {
            error = new Sentence("indicator names {0} codes; at most {1} are allowed.", codes.Count.ToString(CultureInfo.InvariantCulture), MaxIndicators);
            return false;
        }
        indicators = codes;
        return true;
    }

    private static bool TryText(IQueryCollection query, string name, out string? value, ref Sentence? error)
    {
        value = null;
        if (!query.TryGetValue(name, out StringValues values) || StringValues.IsNullOrEmpty(values))
        {
            return true;
        }
        if (values.Count > 1)
        {
            error = new Sentence("{0} was given {1} times; give it once.", name, values.Count);
            return false;
        }
        var text = values[0]!.Trim();
        if (text.Length == 0)
        {
            return true;
        }
        if (text.Length > MaxParameterLength)
        {
            error = new Sentence("{0} is {1} characters long; at most {2} are allowed.", name, text.Length.ToString(CultureInfo.InvariantCulture), MaxParameterLength);
            return false;
        }
        if (text.Any(char.IsControl))
        {
            error = new Sentence("{0} contains a control character.", name);
            return false;
        }
        if (!text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            error = new Sentence("{0} '{1}' may contain only lowercase letters, digits, '-' and '_'.", name, text);
            return false;
        }
        value = text;
        return true;
    }

    /// <summary>The query string for this filter with one parameter changed (null removes it).</summary>
    public string With(string name, string? value)
    {
        var pairs = new Dictionary<string, string?>
        {
            [FilterKeys.Region] = Region,
            [FilterKeys.Category] = Category,
            [FilterKeys.Year] = Period?.ToString(),
            [FilterKeys.Kind] = Kind is { } k ? KebabEnum.ToText(k) : null,
            [FilterKeys.Outside] = IncludeOutside && Region != "yiyuan" ? "true" : null,
            [FilterKeys.Indicator] = Indicators.Count == 0 ? null : string.Join(',', Indicators),
            [FilterKeys.Document] = Document,
            [FilterKeys.History] = History ? "true" : null,
        };
        pairs[name] = value;
        return ToQuery(pairs);
    }

    public string ToQuery() => With(FilterKeys.Region, Region);

    private static string ToQuery(Dictionary<string, string?> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            // Commas separate indicator codes and need no escaping.
            builder.Append(builder.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal));
        }
        return builder.ToString();
    }

    /// <summary>Words for file names: "junan_industry_2024_target".</summary>
    public string Slug(string unsetRegion) =>
        string.Join('_', new[]
        {
            Region ?? unsetRegion, Category, Period?.ToString(), Kind is { } k ? KebabEnum.ToText(k) : null,
            Indicators.Count is > 0 and <= 3 ? string.Join('-', Indicators) : Indicators.Count > 3 ? "indicators" : null,
            Document, History ? "history" : null,
        }.Where(s => s is not null));
}
