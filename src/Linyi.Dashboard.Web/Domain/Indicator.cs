namespace Linyi.Dashboard.Web.Domain;

public class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string UnitCode { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The unit in English words that say what is counted ("10 thousand places" for 万个); null when the unit's own English name says it.</summary>
    public string? UnitEn { get; set; }
    public Measure Measure { get; set; }
    public Direction Direction { get; set; }
    public int Precision { get; set; }
    public ChartType Chart { get; set; }

    /// <summary>The value axis, when the data alone does not say it: ranks among Shandong's 16 cities run 1–16.</summary>
    public decimal? AxisMin { get; set; }
    public decimal? AxisMax { get; set; }

    /// <summary>For a growth indicator, the level indicator whose growth it reports.</summary>
    public int? GrowthOfId { get; set; }
    public Indicator? GrowthOf { get; set; }

    /// <summary>For a growth indicator, the prices it is measured at; null when its source does not say.</summary>
    public PriceBasis? Basis { get; set; }
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public List<Observation> Observations { get; set; } = [];
}
