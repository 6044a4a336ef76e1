using Linyi.Dashboard.Web.Data;

namespace Linyi.Dashboard.Web.Features.Shared;

public static class KebabText
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => KebabEnum.ToText(value);
}
