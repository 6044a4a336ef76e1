namespace Linyi.Dashboard.Web.Domain;

public class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public List<Indicator> Indicators { get; set; } = [];
}
