using System.Text;
using UglyToad.PdfPig;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// Text of a PDF as a reader would search it. PdfPig returns some CJK glyphs as compatibility code points: NFKC folds the
/// Kangxi radicals, and the CJK Radicals Supplement (which NFKC leaves alone) is folded by Unicode's CJKRadicals table.
/// </summary>
public static class PdfText
{
    private static readonly Dictionary<char, char> RadicalsSupplement = new()
    {
        ['\u2EA0'] = '民', ['\u2EA9'] = '王', ['\u2EAE'] = '竹', ['\u2EB3'] = '网', ['\u2EB7'] = '羊', ['\u2EC1'] = '虎',
        ['\u2EC4'] = '西', ['\u2EC5'] = '见', ['\u2EC6'] = '角', ['\u2EC8'] = '讠', ['\u2EC9'] = '贝', ['\u2ECB'] = '车',
        ['\u2ED3'] = '长', ['\u2ED4'] = '门', ['\u2ED7'] = '雨', ['\u2ED8'] = '青', ['\u2EDA'] = '页', ['\u2EDB'] = '风',
        ['\u2EDC'] = '飞', ['\u2EDD'] = '食', ['\u2EE0'] = '饣', ['\u2EE2'] = '马', ['\u2EE3'] = '骨', ['\u2EE4'] = '鬼',
        ['\u2EE5'] = '鱼', ['\u2EE6'] = '鸟', ['\u2EE7'] = '卤', ['\u2EE8'] = '麦', ['\u2EE9'] = '黄', ['\u2EEA'] = '黾',
        ['\u2EEC'] = '齐', ['\u2EEF'] = '龙', ['\u2EF3'] = '龟',
    };

    public static string Normalize(string text) =>
        new(text.Normalize(NormalizationForm.FormKC).Select(c => RadicalsSupplement.GetValueOrDefault(c, c)).ToArray());

    /// <summary>A phrase as <see cref="Pages"/> gives it: normalised, without white space.</summary>
    public static string Squeezed(string text) => new(Normalize(text).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Each page's text, normalised, without white space (so that line breaks never split a phrase).</summary>
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .Select(p => new string(Normalize(string.Concat(p.Letters.Select(l => l.Value))).Where(c => !char.IsWhiteSpace(c)).ToArray()))
            .ToList();
    }
}
