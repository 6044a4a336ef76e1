using System.Text.RegularExpressions;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Features.Shared;

/// <summary>
/// System messages in the reader's language. A fixed message is a resource key; the strict reader's messages carry values
/// (a column, a code, a count), so each of their shapes is matched here and reworded in Chinese with the same values.
/// The English text stays the message of record: logs, the seed loader and the API keep it.
/// </summary>
public static partial class MessageText
{
    public static string Of(IStringLocalizer localizer, string message)
    {
        message = Localized.Half(message);
        var fixedText = localizer[message];
        if (!fixedText.ResourceNotFound || Localized.IsEnglish)
        {
            return fixedText.Value;
        }
        foreach (var (pattern, chinese) in Shapes)
        {
            if (pattern.IsMatch(message))
            {
                var what = pattern.Match(message).Groups["w"];
                return pattern.Replace(message, what.Success && Things.TryGetValue(what.Value, out var thing) ? chinese.Replace("${w}", thing, StringComparison.Ordinal) : chinese);
            }
        }
        return message;
    }

    /// <summary>The things the reader names in "unknown …" and "duplicate …" messages.</summary>
    private static readonly Dictionary<string, string> Things = new(StringComparer.Ordinal)
    {
        ["category"] = "类别", ["document"] = "文件", ["indicator"] = "指标", ["region"] = "地区", ["unit"] = "单位",
        ["category slug"] = "类别代码", ["document code"] = "文件代码", ["indicator code"] = "指标代码", ["region slug"] = "地区代码",
        ["milestone (region, period, title_zh)"] = "事项（地区、时期、title_zh）",
        ["observation (indicator, region, period, kind, document)"] = "数据（指标、地区、时期、类型、文件）",
    };

    private static readonly (Regex Pattern, string Chinese)[] Shapes =
    [
        (Shape(@"^(?<c>\S+) is (?<n>\d+) characters long; at most (?<m>\d+) are allowed\.?$"), "${c} 长 ${n} 个字符，最多允许 ${m} 个。"),
        (Shape(@"^(?<c>\S+) contains a control character\.?$"), "${c} 含有控制字符。"),
        (Shape(@"^(?<c>\S+) contains a bidirectional override character .*$"), "${c} 含有双向覆盖字符（U+202A–U+202E、U+2066–U+2069、U+200E、U+200F、U+061C），会让文字显示得与实际内容不同。"),
        (Shape(@"^(?<c>\S+) is required\.?$"), "${c} 为必填项。"),
        (Shape(@"^(?<c>\S+) '(?<v>.*)' must be lowercase letters, digits, '_' or '-', starting with a letter$"), "${c}“${v}”只能由小写字母、数字、“_”或“-”组成，并以字母开头。"),
        (Shape(@"^unknown (?<w>.+) '(?<v>.*)' in (?<c>\S+)$"), "${c} 中的${w}“${v}”不存在。"),
        (Shape(@"^(?<c>\S+) '(?<v>.*)' is not one of: (?<l>.*)$"), "${c}“${v}”不在可选值之中：${l}。"),
        (Shape(@"^(?<c>\S+) '(?<v>.*)' is not a plain number .*$"), "${c}“${v}”不是普通数字（只能有数字、可选的“-”和“.”，不能有千位分隔符）。"),
        (Shape(@"^(?<c>\S+) must be greater than zero$"), "${c} 须大于零。"),
        (Shape(@"^(?<c>\S+) '(?<v>.*)' must be a whole number from (?<a>-?\d+) to (?<b>-?\d+)$"), "${c}“${v}”须为 ${a} 到 ${b} 之间的整数。"),
        (Shape(@"^(?<c>\S+) '(?<v>.*)' must be a year \(2023\) or a span of years \(2022-2026\) between (?<a>\d+) and (?<b>\d+)$"), "${c}“${v}”须为 ${a} 到 ${b} 之间的年份（2023）或年份区间（2022-2026）。"),
        (Shape(@"^admin_code '(?<v>.*)' must be six digits \(GB/T 2260\)$"), "admin_code“${v}”须为六位数字（GB/T 2260）。"),
        (Shape(@"^published_on '(?<v>.*)' must be YYYY, YYYY-MM or YYYY-MM-DD$"), "published_on“${v}”须为 YYYY、YYYY-MM 或 YYYY-MM-DD。"),
        (Shape(@"^url '(?<v>.*)' must be a web address starting with http:// or https://, without spaces$"), "url“${v}”须为以 http:// 或 https:// 开头、不含空格的网址。"),
        (Shape(@"^axis_max must be greater than axis_min$"), "axis_max 须大于 axis_min。"),
        (Shape(@"^unit_en is required for unit '(?<u>.*)', whose English name does not say what is counted$"), "单位“${u}”的英文名称没有说明所计的是什么，须填写 unit_en。"),
        (Shape(@"^unit_en '(?<v>.*)' must not open with a multiplier: unit '(?<u>.*)' is '(?<n>.*)'$"), "unit_en“${v}”不能以倍数开头：单位“${u}”的英文是“${n}”。"),
        (Shape(@"^unit_en '(?<v>.*)' must open with '(?<m>.*)' and name what is counted, as unit '(?<u>.*)' is '(?<n>.*)'$"), "unit_en“${v}”须以“${m}”开头并写明所计的是什么，因为单位“${u}”的英文是“${n}”。"),
        (Shape(@"^growth_of is only for indicators whose measure is growth$"), "只有计量方式为增速的指标才能填 growth_of。"),
        (Shape(@"^an indicator cannot be the growth of itself$"), "指标不能是自身的增速。"),
        (Shape(@"^unit '(?<u>.*)' \((?<d>.*)\) cannot express indicator '(?<i>.*)', measured in (?<m>.*)$"), "单位“${u}”（${d}）不能表示以 ${m} 计量的指标“${i}”。"),
        (Shape(@"^duplicate (?<w>.+): (?<k>.*) appears twice$"), "重复的${w}：${k} 出现了两次。"),
        (Shape(@"^the file is missing$"), "缺少文件。"),
        (Shape(@"^the file is (?<n>[\d,]+) bytes; at most (?<m>[\d,]+) are accepted$"), "文件有 ${n} 字节，最多接受 ${m} 字节。"),
        (Shape(@"^the file contains a NUL character$"), "文件含有 NUL 字符。"),
        (Shape(@"^the file is not valid UTF-8 text.*$"), "文件不是有效的 UTF-8 文本，无法读取 GBK 或 UTF-16 编码的文件：请另存为“CSV UTF-8（逗号分隔）”（在 Excel 中用“另存为”），再上传。"),
        (Shape(@"^the file is not a readable XLSX workbook$"), "文件不是可读取的 XLSX 工作簿。"),
        (Shape(@"^The form did not say which version of the record it was opened at.*$"), "表单没有注明打开时记录的版本，因此没有保存任何内容。请重新打开这条记录，在那里修改。"),
        (Shape(@"^the workbook's first sheet is missing or is not a worksheet$"), "工作簿的第一张表缺失，或不是工作表。"),
        (Shape(@"^the sheet has more than (?<n>[\d,]+) rows; .*$"), "工作表超过 ${n} 行；待填报工作表每个目标一行，不会这么多。"),
        (Shape(@"^cell (?<r>.*) lies beyond column (?<n>\d+); .*$"), "单元格 ${r} 超出了第 ${n} 列；工作表在这么靠右的位置没有数据。"),
        (Shape(@"^a cell refers to shared string '(?<v>.*)', which the workbook does not have$"), "单元格引用了共享字符串“${v}”，但工作簿中没有这一项。"),
        (Shape(@"^the workbook, or a part of it, unpacks to more than (?<n>[\d,]+) MB; .*$"), "工作簿（或其中一部分）解压后超过 ${n} MB；工作表远没有这么大。"),
        (Shape(@"^a quoted field is never closed$"), "有一个带引号的字段没有结束引号。"),
        (Shape(@"^a quote is misplaced: .*$"), "引号位置不对：请用引号包住整个字段，字段内的引号写两次。"),
        (Shape(@"^the record has (?<n>\d+) fields, expected (?<m>\d+)$"), "这一行有 ${n} 个字段，应为 ${m} 个。"),
        (Shape(@"^the file is empty; expected the header (?<h>.*)$"), "文件是空的；应有表头 ${h}。"),
        (Shape(@"^column (?<n>\d+) is '(?<a>.*)', expected '(?<e>.*)' \(header: (?<h>.*)\)$"), "第 ${n} 列是“${a}”，应为“${e}”（表头：${h}）。"),
        (Shape(@"^the file has a header but no figures$"), "文件只有表头，没有数据。"),
        (Shape(@"^previews waiting to be applied already hold (?<n>\d+) MB of the (?<m>\d+) MB allowed; .* after (?<h>\d+) hours.*$"), "待确认的预览已占用 ${n} MB（上限 ${m} MB）；请确认或取消一个预览，或等较早的预览在 ${h} 小时后过期（管理员可以清除全部预览）。"),
        (Shape(@"^your previews waiting to be applied already hold (?<n>\d+) MB of the (?<m>\d+) MB each user may keep; .* after (?<h>\d+) hours$"), "您待确认的预览已占用 ${n} MB（每位用户上限 ${m} MB）；请确认或取消其中一个，或等它们在 ${h} 小时后过期。"),
        (Shape(@"^someone else changed the same figures at the same moment.*$"), "有人同时修改了相同的数据，因此没有写入任何内容。请重新上传文件，在对方修改的基础上预览。"),
        (Shape(@"^this preview is more than a day old and has expired.*$"), "此预览已超过一天，已经过期，没有写入任何内容。请重新上传文件。"),
        (Shape(@"^The (?<f>.+) field is required\.$"), "${f} 为必填项。"),
        (Shape(@"^The value '(?<v>.*)' is not valid for (?<f>.+)\.$"), "“${v}”不是 ${f} 的有效值。"),
        (Shape(@"^The value '(?<v>.*)' is invalid\.$"), "“${v}”无效。"),
        (Shape(@"^The field (?<f>.+) must be a number\.$"), "${f} 须为数字。"),
        (Shape(@"^Passwords must be at least (?<n>\d+) characters\.$"), "密码至少需要 ${n} 个字符。"),
        (Shape(@"^Username '(?<v>.*)' is already taken\.$"), "用户名“${v}”已被使用。"),
        (Shape(@"^Email '(?<v>.*)' is already taken\.$"), "电子邮件“${v}”已被使用。"),
        (Shape(@"^Email '(?<v>.*)' is invalid\.$"), "电子邮件“${v}”无效。"),
        (Shape(@"^Incorrect password\.$"), "密码不正确。"),
        (Shape(@"^The upload is too large: at most (?<n>\d+) MB can be sent at once\..*$"), "上传的内容太大：一次最多可发送 ${n} MB。请把文件拆成较小的文件，逐个上传。"),
    ];

    private static Regex Shape(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
