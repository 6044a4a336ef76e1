using System.Globalization;
using System.Text.RegularExpressions;

namespace Linyi.Dashboard.Intake;

/// <summary>
/// Finds every quantitative figure in a report and reads, from the wording around it, what it measures, for which region
/// and period, whether it is a result, a target or a stretch target (力争), its comparator, and whether it is a growth rate.
/// </summary>
public sealed partial class Extractor(Catalogue catalogue)
{
    private static readonly string[] ExtraUnits = ["%", "％", "个百分点", "‰", "倍", "万千瓦", "千瓦", "亿千瓦时", "公顷", "万亩", "亿斤", "万斤", "亿件", "万人次", "人次", "万个", "万家", "万名", "万套", "个工作日", "天", "小时"];

    private static readonly (string Word, string Comparator)[] Before =
    [
        ("不低于", "≥"), ("不少于", "≥"), ("不超过", "≤"), ("控制在", "≤"), ("突破", "≥"), ("超过", "≥"), ("高于", "≥"), ("大于", "≥"), ("双过", "≥"),
        ("达到", "="), ("接近", "≈"), ("约", "≈"), ("近", "≈"), ("超", "≥"), ("逾", "≥"), ("过", "≥"), ("低于", "<"),
    ];

    private static readonly (string Word, string Comparator)[] After = [("以上", "≥"), ("左右", "≈"), ("以内", "≤"), ("以下", "≤"), ("多", "≥"), ("余", "≥")];

    private static readonly string[] GrowthVerbs = ["增长", "增速", "增幅", "下降", "提高", "提升", "增加", "降低", "减少", "回落", "上升", "增"];

    private static readonly string[] LevelWords = ["达到", "占比", "比重", "为", "率", "达", "占"];

    private static readonly string[] Fillers = ["其中", "全年", "全市", "我市", "今年", "去年", "当年", "分别", "共", "累计", "同比", "比上年", "较上年", "年末", "年底", "全省", "力争", "确保", "实现", "完成", "达到", "突破", "超过", "不低于", "控制在", "增长", "下降", "提高", "提升", "达", "为", "约", "近", "超", "过", "新增", "新", "和", "及", "与"];

    private static readonly string[] FutureWords = ["今年", "明年", "力争", "计划", "目标", "今后", "五年内", "到20", "将在", "将建", "将新", "确保", "预期", "每年", "年均"];

    private static readonly string[] StockWords = ["用好", "现有", "已有", "目前", "已经", "已建成", "发挥"];

    private const string Boundaries = "，。；：！？、,;:!?“”\"（）()《》【】";

    private const string SentenceEnds = "。；！？;!?";

    private readonly Regex figures = BuildFigureRegex(catalogue);

    [GeneratedRegex(@"(?<![\d.])((?:19|20)\d{2})\s?(?:年(?!以来)|—|-|－|~|～)")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"((?:19|20)\d{2})\s?(?:年)?\s?[—\-－~～至到]\s?((?:19|20)\d{2})年")]
    private static partial Regex YearSpan();

    [GeneratedRegex(@"(?:到|至|于)\s?((?:19|20)\d{2})年(?:底|末|前)?")]
    private static partial Regex YearBy();

    [GeneratedRegex(@"(?<pre>突破|超过|双过|过|超|达到)“?(?<cn>万亿|千亿|百亿)(?!级|元级|斤)")]
    private static partial Regex MagnitudeWord();

    [GeneratedRegex(@"(?<![\dA-Za-z.])(?<num>\d+(?:\.\d+)?)(?<mag>万|亿)(?:多|余)(?<rest>人次|人|元|吨|户|家|个|件|平方米|亩|公里|辆|套|名)")]
    private static partial Regex RoughMagnitude();

    [GeneratedRegex(@"第(?<num>\d+)(?=[，。；、”,;]|$)")]
    private static partial Regex BareRank();

    [GeneratedRegex(@"(?<pre>双)?第(?<cn>[一二三四五六七八九十]{1,3})(?<unit>位|名)?")]
    private static partial Regex ChineseRank();

    private static readonly string Numerals = "一二三四五六七八九十";

    private static int ChineseNumber(string cn) => cn.Length switch
    {
        1 => cn == "十" ? 10 : Numerals.IndexOf(cn[0], StringComparison.Ordinal) + 1,
        2 when cn[0] == '十' => 10 + Numerals.IndexOf(cn[1], StringComparison.Ordinal) + 1,
        2 when cn[1] == '十' => (Numerals.IndexOf(cn[0], StringComparison.Ordinal) + 1) * 10,
        3 when cn[1] == '十' => (Numerals.IndexOf(cn[0], StringComparison.Ordinal) + 1) * 10 + Numerals.IndexOf(cn[2], StringComparison.Ordinal) + 1,
        _ => 0,
    };

    private static Regex BuildFigureRegex(Catalogue catalogue)
    {
        var units = catalogue.UnitDimensions.Keys.Concat(ExtraUnits).Distinct().OrderByDescending(u => u.Length).Select(Regex.Escape);
        return new Regex(@"(?<![\dA-Za-z.．])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?[-—~～至到]\s?(?<num2>\d+(?:\.\d+)?))?(?<more>多|余)?(?<unit>" + string.Join('|', units) + ")",
            RegexOptions.Compiled);
    }

    public IReadOnlyList<Proposal> Extract(string text, ExtractOptions? options = null) => Extract(Layout.Read(text), text, options ?? new ExtractOptions());

    public IReadOnlyList<Proposal> Extract(DocumentLayout layout, string text, ExtractOptions options)
    {
        var year = options.Year ?? layout.PublishedYear ?? InferYear(layout);
        var region = options.Region ?? InferRegion(text);
        var resultYear = layout.PublishedMonth is <= 2 && (layout.PublishedYear is null || layout.PublishedYear == year) ? year - 1 : year;
        var proposals = new List<Proposal>();
        var sectionYear = (int?)null;
        var sectionMode = Mode.None;
        var currentTop = "";
        foreach (var paragraph in layout.Paragraphs)
        {
            var top = paragraph.Section.Split('（')[0];
            if (top != currentTop)
            {
                currentTop = top;
                var headingYear = YearMention().Match(top);
                sectionYear = headingYear.Success ? int.Parse(headingYear.Groups[1].Value, CultureInfo.InvariantCulture) : null;
                sectionMode = ModeOf(top);
            }
            if (paragraph.IsHeading)
            {
                continue;
            }
            proposals.AddRange(ExtractParagraph(paragraph, new Context(year, resultYear, region, sectionYear, sectionMode)));
        }
        return proposals;
    }

    private enum Mode { None, Review, Plan }

    private static Mode ModeOf(string heading) =>
        heading.Contains("回顾", StringComparison.Ordinal) || heading.Contains("过去", StringComparison.Ordinal) || heading.Contains("成就", StringComparison.Ordinal) ? Mode.Review
        : heading.Contains("安排", StringComparison.Ordinal) || heading.Contains("重点工作", StringComparison.Ordinal) || heading.Contains("目标", StringComparison.Ordinal)
          || heading.Contains("任务", StringComparison.Ordinal) || heading.Contains("计划", StringComparison.Ordinal) ? Mode.Plan
        : Mode.None;

    private sealed record Context(int Year, int ResultYear, string Region, int? SectionYear, Mode Mode);

    private sealed record Figure(int Start, int End, int NumberStart, string Value, string? Value2, bool More, string Unit, int Copies);

    private IEnumerable<Figure> Figures(string text)
    {
        var found = new List<Figure>();
        foreach (Match m in figures.Matches(text))
        {
            var numStart = m.Groups["num"].Index;
            var unit = m.Groups["unit"].Value;
            var ordinal = numStart > 0 && text[numStart - 1] == '第';
            if (ordinal && unit is not ("位" or "名"))
            {
                continue;
            }
            if (!ordinal && unit == "位")
            {
                continue;
            }
            if (numStart > 0 && text[numStart - 1] == '“' && m.Index + m.Length < text.Length && text[m.Index + m.Length] == '”')
            {
                continue;
            }
            var after = m.Index + m.Length < text.Length ? text[m.Index + m.Length] : ' ';
            if (unit is "个" or "家" or "条" && after is '月' or '年')
            {
                continue;
            }
            var next = m.Index + m.Length;
            while (next < text.Length && text[next] is '多' or '余' or '半')
            {
                next++;
            }
            if (unit is "个" or "天" && next < text.Length && text[next] is '月' or '年' or '小')
            {
                continue;
            }
            var copies = text[Math.Max(0, numStart - 4)..numStart] is var lead && (lead.EndsWith('各') || lead.EndsWith("均达到", StringComparison.Ordinal) || lead.EndsWith("均超过", StringComparison.Ordinal)) ? 2 : 1;
            found.Add(new Figure(ordinal ? numStart - 1 : numStart, m.Index + m.Length, numStart, m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal),
                m.Groups["num2"].Success ? m.Groups["num2"].Value : null, m.Groups["more"].Success, ordinal ? "位" : unit == "％" ? "%" : unit, copies));
        }
        foreach (Match m in RoughMagnitude().Matches(text))
        {
            found.Add(new Figure(m.Index, m.Index + m.Length, m.Index, m.Groups["num"].Value, null, true, m.Groups["mag"].Value + m.Groups["rest"].Value, 1));
        }
        foreach (Match m in BareRank().Matches(text))
        {
            var lead = text[Math.Max(0, m.Index - 8)..m.Index];
            if (lead.Contains("全省", StringComparison.Ordinal) || lead.Contains("全国", StringComparison.Ordinal))
            {
                found.Add(new Figure(m.Index, m.Index + m.Length, m.Index + 1, m.Groups["num"].Value, null, false, "位", 1));
            }
        }
        foreach (Match m in MagnitudeWord().Matches(text))
        {
            var cn = m.Groups["cn"];
            var (value, unit) = cn.Value switch { "万亿" => ("1", "万亿元"), "千亿" => ("1000", "亿元"), _ => ("100", "亿元") };
            var end = cn.Index + cn.Length;
            if (end < text.Length && text[end] == '元')
            {
                end++;
            }
            found.Add(new Figure(cn.Index, end, cn.Index, value, null, false, unit, m.Groups["pre"].Value == "双过" ? 2 : 1));
        }
        foreach (Match m in ChineseRank().Matches(text))
        {
            var lead = text[Math.Max(0, m.Index - 8)..m.Index];
            var ranked = lead.Contains("全省", StringComparison.Ordinal) || lead.Contains("全国", StringComparison.Ordinal) || lead.Contains("全市", StringComparison.Ordinal);
            var value = ChineseNumber(m.Groups["cn"].Value);
            if (!ranked || value == 0 || (!m.Groups["unit"].Success && m.Index + m.Length < text.Length && !Boundaries.Contains(text[m.Index + m.Length]) && text[m.Index + m.Length] != '”'))
            {
                continue;
            }
            found.Add(new Figure(m.Index + (m.Groups["pre"].Success ? 1 : 0), m.Index + m.Length, m.Index, value.ToString(CultureInfo.InvariantCulture), null, false, "位",
                m.Groups["pre"].Success ? 2 : 1));
        }
        foreach (var f in found.ToList())
        {
            if (f.Unit == "位" && f.Copies == 1 && text[Math.Max(0, f.Start - 6)..f.Start].Contains("均居", StringComparison.Ordinal))
            {
                found[found.IndexOf(f)] = f with { Copies = 2 };
            }
        }
        return found.OrderBy(f => f.Start);
    }

    private IEnumerable<Proposal> ExtractParagraph(Paragraph paragraph, Context context)
    {
        var text = paragraph.Text;
        var list = Figures(text).ToList();
        var results = new List<Proposal>();
        string? previousPhrase = null;
        bool? previousGrowth = null;
        var previousEnd = 0;
        var previousSentence = -1;
        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            var sentenceStart = LastIndexOfAny(text, SentenceEnds, f.Start - 1) + 1;
            var sentenceEndIndex = text.IndexOfAny(SentenceEnds.ToCharArray(), f.End);
            var sentenceEnd = sentenceEndIndex < 0 ? text.Length : sentenceEndIndex;
            if (sentenceStart != previousSentence)
            {
                previousPhrase = null;
                previousGrowth = null;
                previousEnd = sentenceStart;
                previousSentence = sentenceStart;
            }
            var before = text[sentenceStart..f.Start];
            var clauseStart = LastIndexOfAny(text, Boundaries, f.Start - 1) + 1;
            if (clauseStart < sentenceStart)
            {
                clauseStart = sentenceStart;
            }
            var pre = text[clauseStart..f.Start];
            var tailEnd = f.End;
            var comparator = f.More || f.Value2 is not null ? "≥" : null;
            foreach (var (word, symbol) in After)
            {
                if (string.CompareOrdinal(text, tailEnd, word, 0, word.Length) == 0)
                {
                    comparator = symbol;
                    tailEnd += word.Length;
                    break;
                }
            }
            var quoteStart = f.Start;
            var trimmedPre = pre.TrimEnd('“', ' ');
            foreach (var (word, symbol) in Before)
            {
                if (trimmedPre.EndsWith(word, StringComparison.Ordinal))
                {
                    comparator ??= symbol;
                    quoteStart = clauseStart + trimmedPre.Length - word.Length;
                    break;
                }
            }
            if (tailEnd < text.Length && text[tailEnd] == '”' && text[quoteStart..f.Start].Contains('“', StringComparison.Ordinal))
            {
                tailEnd++;
            }
            comparator ??= "=";

            var between = text[previousEnd..f.Start];
            var isRate = f.Unit is "%" or "个百分点" or "‰";
            var growth = false;
            if (isRate)
            {
                var verb = LastWord(between, GrowthVerbs.Concat(LevelWords));
                growth = verb is null ? previousGrowth ?? false : GrowthVerbs.Contains(verb) && !(verb == "增" && between.EndsWith("增加值", StringComparison.Ordinal));
            }

            var phrase = Phrase(text, clauseStart, f, tailEnd, sentenceStart, previousPhrase);
            previousPhrase = phrase;
            previousGrowth = growth;
            previousEnd = f.End;

            var sentence = text[sentenceStart..sentenceEnd];
            var commaClause = text[Math.Max(sentenceStart, LastIndexOfAny(text, "，,：:", f.Start - 1) + 1)..f.Start];
            var stock = StockWords.Any(w => commaClause.Contains(w, StringComparison.Ordinal));
            var kind = Kind(context, before, text, tailEnd, commaClause);
            var from = pre.EndsWith('由');
            var to = (pre.EndsWith('至') || pre.EndsWith('到')) && commaClause.Contains('由', StringComparison.Ordinal);
            if (to)
            {
                growth = false;
                previousGrowth = false;
            }
            if (stock && kind == "target")
            {
                kind = "actual";
            }
            var period = Period(context, before, sentence, text, kind, stock);
            if (from && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var fromYear))
            {
                period = (fromYear - 1).ToString(CultureInfo.InvariantCulture);
            }
            var regions = Regions(text, sentenceStart, f.Start, context.Region);
            var shape = Shape(before + text[f.End..tailEnd], comparator);
            var preliminary = sentence.Contains("预计", StringComparison.Ordinal) || sentence.Contains("初步", StringComparison.Ordinal);
            var indicator = Match(phrase, f.Unit, growth);
            for (var copy = 0; copy < f.Copies; copy++)
            {
                foreach (var region in regions)
                {
                    results.Add(new Proposal(paragraph.Number, paragraph.Section, paragraph.SectionNumber, phrase, indicator, region, period, kind, comparator,
                        f.Value, f.Unit, growth, text[quoteStart..tailEnd], quoteStart, shape, preliminary));
                }
            }
        }
        return results;
    }

    private static int LastIndexOfAny(string text, string chars, int from) => from < 0 ? -1 : text.LastIndexOfAny(chars.ToCharArray(), from);

    private static string? LastWord(string text, IEnumerable<string> words)
    {
        string? best = null;
        var bestIndex = -1;
        foreach (var word in words)
        {
            var index = text.LastIndexOf(word, StringComparison.Ordinal);
            if (index >= 0 && (index + word.Length > bestIndex + (best?.Length ?? 0) || (index + word.Length == bestIndex + (best?.Length ?? 0) && word.Length > best!.Length)))
            {
                best = word;
                bestIndex = index;
            }
        }
        return best;
    }

    /// <summary>What the figure measures: the words before it in its clause, else the noun after its unit (用好43个国家级平台), else the subject of the figure before it.</summary>
    private static string Phrase(string text, int clauseStart, Figure f, int tailEnd, int sentenceStart, string? previous)
    {
        var commaStart = Math.Max(sentenceStart, LastIndexOfAny(text, "，,；;：:", f.Start - 1) + 1);
        var commaClause = text[commaStart..f.Start];
        var respectively = commaClause.IndexOf("分别", StringComparison.Ordinal);
        if (respectively > 0)
        {
            var subjects = commaClause[..respectively].Split('、', '和').Select(Trim).Where(x => CjkCount(x) >= 2).ToList();
            var index = text[(commaStart + respectively)..f.Start].Count(c => c == '、' || c == '和');
            if (subjects.Count > 1 && index < subjects.Count)
            {
                return subjects[index];
            }
        }
        var raw = text[clauseStart..f.Start];
        var pre = Trim(raw);
        if (pre.Contains("分别", StringComparison.Ordinal))
        {
            pre = Trim(pre[..pre.IndexOf("分别", StringComparison.Ordinal)]);
        }
        var postEnd = text.IndexOfAny(Boundaries.ToCharArray(), tailEnd);
        var post = Trim(text[tailEnd..(postEnd < 0 ? text.Length : postEnd)]);
        var noun = CjkCount(post) >= 2 && !post.StartsWith("的", StringComparison.Ordinal) && !post.StartsWith("以上", StringComparison.Ordinal);
        if (noun && raw.TrimEnd().EndsWith('等'))
        {
            return post;
        }
        if (noun && CjkCount(pre) is > 0 and <= 4)
        {
            return pre + post;
        }
        if (CjkCount(pre) >= 2)
        {
            return pre;
        }
        if (noun)
        {
            return post;
        }
        if (previous is not null)
        {
            return previous;
        }
        var start = clauseStart - 1;
        while (start > sentenceStart)
        {
            var prior = LastIndexOfAny(text, Boundaries, start - 1) + 1;
            var candidate = Trim(text[Math.Max(prior, sentenceStart)..start]);
            if (CjkCount(candidate) >= 2)
            {
                return candidate;
            }
            start = prior - 1;
        }
        return pre;
    }

    private static string Trim(string phrase)
    {
        phrase = phrase.Trim(' ', '“', '”', '　');
        var changed = true;
        while (changed && phrase.Length > 0)
        {
            changed = false;
            foreach (var filler in Fillers)
            {
                if (phrase.StartsWith(filler, StringComparison.Ordinal) && phrase.Length > filler.Length && filler.Length >= 2)
                {
                    phrase = phrase[filler.Length..];
                    changed = true;
                }
                if (phrase.EndsWith(filler, StringComparison.Ordinal))
                {
                    phrase = phrase[..^filler.Length];
                    changed = true;
                }
            }
        }
        return phrase.Trim(' ', '“', '”');
    }

    private static int CjkCount(string text) => text.Count(c => c >= 0x4E00 && c <= 0x9FFF);

    private static string Kind(Context context, string before, string text, int tailEnd, string clause)
    {
        var rest = text[tailEnd..Math.Min(text.Length, tailEnd + 4)];
        var pairBase = rest.StartsWith("、力争", StringComparison.Ordinal) || rest.StartsWith("，力争", StringComparison.Ordinal);
        var strive = before.LastIndexOf("力争", StringComparison.Ordinal);
        if (strive >= 0 && !pairBase)
        {
            var clauseEnd = before.IndexOfAny(['，', ','], strive);
            if (clauseEnd < 0 || before[strive..clauseEnd].Any(char.IsDigit) || before[strive..clauseEnd].Contains('亿', StringComparison.Ordinal))
            {
                return "stretch";
            }
        }
        if (context.Mode == Mode.Plan || pairBase)
        {
            return "target";
        }
        if (context.Mode == Mode.Review)
        {
            return "actual";
        }
        return FutureWords.Any(w => clause.Contains(w, StringComparison.Ordinal)) && !clause.Contains("去年", StringComparison.Ordinal) ? "target" : "actual";
    }

    private static string Period(Context context, string before, string sentence, string paragraph, string kind, bool stock)
    {
        var baseYear = context.SectionYear ?? (kind == "actual" ? context.ResultYear : context.Year);
        if (stock && context.Mode == Mode.Plan)
        {
            return (baseYear - 1).ToString(CultureInfo.InvariantCulture);
        }
        if (YearSpan().Matches(before) is { Count: > 0 } spans)
        {
            var span = spans[^1];
            return $"{span.Groups[1].Value}-{span.Groups[2].Value}";
        }
        if (before.Contains("十四五", StringComparison.Ordinal))
        {
            return "2021-2025";
        }
        if (before.Contains("十五五", StringComparison.Ordinal))
        {
            return "2026-2030";
        }
        var horizon = paragraph.Contains("五年", StringComparison.Ordinal) || paragraph.Contains("今后", StringComparison.Ordinal);
        var by = YearBy().Matches(before);
        var mentions = YearMention().Matches(before);
        if (kind != "actual" && by.Count > 0 && (mentions.Count == 0 || mentions[^1].Index <= by[^1].Index + 1))
        {
            var end = int.Parse(by[^1].Groups[1].Value, CultureInfo.InvariantCulture);
            if (end > context.Year)
            {
                return horizon ? $"{context.Year}-{end}" : end.ToString(CultureInfo.InvariantCulture);
            }
        }
        if (kind != "actual" && context.Mode != Mode.Plan && (horizon || sentence.Contains("每年", StringComparison.Ordinal) || sentence.Contains("年均", StringComparison.Ordinal)))
        {
            return $"{context.Year}-{context.Year + 4}";
        }
        if (YearMention().Matches(before) is { Count: > 0 } years)
        {
            return years[^1].Groups[1].Value;
        }
        if (before.Contains("去年", StringComparison.Ordinal) || before.Contains("上年", StringComparison.Ordinal))
        {
            return (context.Year - 1).ToString(CultureInfo.InvariantCulture);
        }
        if (before.Contains("今年", StringComparison.Ordinal))
        {
            return context.Year.ToString(CultureInfo.InvariantCulture);
        }
        if (before.Contains("明年", StringComparison.Ordinal))
        {
            return (context.Year + 1).ToString(CultureInfo.InvariantCulture);
        }
        return baseYear.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The regions a figure's clause opens with (莒南县、沂水县工业产值…), or the one its sentence opens with; else the document's.
    /// A region named as an example (…等) does not count.
    /// </summary>
    private List<string> Regions(string text, int sentenceStart, int figureStart, string fallback)
    {
        var commaStart = Math.Max(sentenceStart, LastIndexOfAny(text, "，,：:", figureStart - 1) + 1);
        var span = text[commaStart..figureStart];
        var found = new List<(int Index, int End, string Slug)>();
        foreach (var region in catalogue.Regions)
        {
            foreach (var name in Names(region))
            {
                for (var index = span.IndexOf(name, StringComparison.Ordinal); index >= 0; index = span.IndexOf(name, index + 1, StringComparison.Ordinal))
                {
                    if (!found.Any(x => x.Slug == region.Slug))
                    {
                        found.Add((commaStart + index, commaStart + index + name.Length, region.Slug));
                    }
                }
            }
        }
        found = [.. found.OrderBy(x => x.Index)];
        var group = new List<string>();
        if (found.Count > 0 && OpensClause(text, found[0].Index, commaStart))
        {
            group.Add(found[0].Slug);
            for (var i = 1; i < found.Count && text[found[i - 1].End..found[i].Index] is "、" or "和" or "县、" or "区、" or "县和" or "区和"; i++)
            {
                group.Add(found[i].Slug);
            }
            var rest = text[found[0].End..figureStart];
            if (rest.Contains('等', StringComparison.Ordinal) || rest.Contains('、', StringComparison.Ordinal) && group.Count == 1)
            {
                group.Clear();
            }
        }
        if (group.Count > 0)
        {
            return group;
        }
        var sentenceEnd = text.IndexOfAny(SentenceEnds.ToCharArray(), figureStart);
        return [Opener(text, sentenceStart, sentenceEnd < 0 ? text.Length : sentenceEnd) ?? Opener(text, 0, text.Length) ?? fallback];
    }

    /// <summary>The region a sentence or paragraph opens with, when it names no other.</summary>
    private string? Opener(string text, int start, int end)
    {
        var at = start + (start < text.Length && text[start] == '“' ? 1 : 0);
        var named = catalogue.Regions.Where(r => r.Kind != "city").SelectMany(r => Names(r).Select(n => (r.Slug, Name: n))).ToList();
        var opener = named.FirstOrDefault(r => string.CompareOrdinal(text, at, r.Name, 0, r.Name.Length) == 0).Slug;
        var span = text[start..end];
        return opener is not null && named.Where(r => r.Slug != opener).All(r => !span.Contains(r.Name, StringComparison.Ordinal)) ? opener : null;
    }

    private static bool OpensClause(string text, int index, int clauseStart) =>
        index == clauseStart || (index >= 2 && text[(index - 2)..index] is "力争" or "推动" or "支持" or "其中") || (index >= 1 && text[index - 1] is '“');

    private static IEnumerable<string> Names(CatalogueRegion region)
    {
        yield return region.NameZh;
        if (region.Kind == "county" && region.NameZh.Length == 3 && region.NameZh.EndsWith('县'))
        {
            yield return region.NameZh[..2];
        }
        if (region.Slug == "zongbao")
        {
            yield return "综保区";
        }
        if (region.Kind == "outside" && region.NameZh.EndsWith('县'))
        {
            yield return region.NameZh[..^1];
        }
    }

    private string InferRegion(string text)
    {
        var city = catalogue.Regions.FirstOrDefault(r => r.Kind == "city");
        var counts = catalogue.Regions.Select(r => (r.Slug, r.Kind, Count: Names(r).Concat(r.Kind == "city" ? [r.NameZh[..^1]] : []).Distinct()
            .Sum(n => Regex.Matches(text, Regex.Escape(n)).Count))).ToList();
        var cityCount = counts.FirstOrDefault(c => c.Kind == "city").Count;
        var best = counts.Where(c => c.Kind != "city").OrderByDescending(c => c.Count).FirstOrDefault();
        return best.Slug is not null && best.Count >= 5 && best.Count * 2 >= cityCount ? best.Slug : city?.Slug ?? "";
    }

    private static int InferYear(DocumentLayout layout)
    {
        var years = layout.Paragraphs.Where(p => p.IsHeading).SelectMany(p => YearMention().Matches(p.Text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))).ToList();
        return years.Count > 0 ? years.Max() : DateTime.UtcNow.Year;
    }

    /// <summary>The goal's shape as the wording says it.</summary>
    public static string Shape(string wording, string comparator) =>
        wording.Contains("每年", StringComparison.Ordinal) ? "every_year"
        : wording.Contains("累计", StringComparison.Ordinal) ? "cumulative"
        : wording.Contains("年均", StringComparison.Ordinal) ? "average"
        : comparator == "≤" || wording.Contains("以内", StringComparison.Ordinal) || wording.Contains("控制在", StringComparison.Ordinal) ? "limit"
        : wording.Contains("建成", StringComparison.Ordinal) || wording.Contains("完成", StringComparison.Ordinal) ? "deliverable"
        : "level";

    /// <summary>The catalogue indicator whose name (or an alias) is closest to the phrase, among those the unit fits.</summary>
    public string? Match(string phrase, string unit, bool growth)
    {
        if (phrase.Length == 0)
        {
            return null;
        }
        var dimension = catalogue.UnitDimensions.TryGetValue(unit, out var d) ? d : unit;
        string? best = null;
        var bestScore = 0.0;
        foreach (var indicator in catalogue.Indicators)
        {
            var fits = unit switch
            {
                "%" => growth ? indicator.Measure == "growth" : indicator.Measure != "growth" && indicator.Unit == "%",
                "位" => indicator.Measure == "rank",
                _ => indicator.Measure != "rank" && (catalogue.UnitDimensions.TryGetValue(indicator.Unit, out var id) ? id : indicator.Unit) == dimension,
            };
            if (!fits)
            {
                continue;
            }
            foreach (var name in indicator.Aliases.Prepend(indicator.NameZh))
            {
                // On a tie, a catalogue name wins over another indicator's alias.
                // A two-character phrase (投资, 产值, 学位) says too little to stand for a longer name: only an equal name or alias counts.
                var score = phrase.Length <= 2 && phrase != name ? 0 : Dice(phrase, name) + (ReferenceEquals(name, indicator.NameZh) ? 1e-6 : 0);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = indicator.Code;
                }
            }
        }
        return bestScore >= 0.5 ? best : null;
    }

    private static double Dice(string a, string b)
    {
        static HashSet<string> Bigrams(string s)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < s.Length; i++)
            {
                set.Add(s.Substring(i, 2));
            }
            return set;
        }
        var x = Bigrams(a);
        var y = Bigrams(b);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }
}
