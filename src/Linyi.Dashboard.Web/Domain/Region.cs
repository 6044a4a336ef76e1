namespace Linyi.Dashboard.Web.Domain;

public class Region
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public RegionKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Region? Parent { get; set; }
    public string? AdminCode { get; set; }

    /// <summary>Zones overlap districts and counties; outside regions are not Linyi's at all.</summary>
    public bool CountsTowardCityTotal => Kind is RegionKind.District or RegionKind.County;
}
