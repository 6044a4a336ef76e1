using System.Globalization;
using System.Text.RegularExpressions;

namespace Linyi.Dashboard.Intake;

/// <summary>
/// Finds every quantitative figure in a report and reads, from the wording around it, what it measures, for which region
/// and period, whether it is a result, a target or a stretch target (力争), its comparator, and whether it is a growth rate.
/// </summary>
public sealed class Extractor(Catalogue catalogue)
{
    private static readonly string[] ExtraUnits = ReportWords.List("extraUnits");

    private static readonly (string Word, string Comparator)[] Before = ReportWords.Pairs("comparatorsBefore");

    private static readonly (string Word, string Comparator)[] After = ReportWords.Pairs("comparatorsAfter");

    private static readonly string[] GrowthVerbs = ReportWords.List("growthVerbs");

    private static readonly string[] LevelWords = ReportWords.List("levelWords");

    private static readonly string[] Fillers = ReportWords.List("fillers");

    private static readonly string[] FutureWords = ReportWords.List("futureWords");

    private static readonly string[] StockWords = ReportWords.List("stockWords");

    private static readonly string[] RateUnits = ReportWords.List("rateUnits");

    private static readonly string[] RankUnits = ReportWords.List("rankUnits");

    /// <summary>The unit a rank is proposed in.</summary>
    private static readonly string RankUnit = RankUnits[0];

    private static readonly char OrdinalMark = ReportWords.Character("ordinalMark");

    private static readonly string[] DurationCountUnits = ReportWords.List("durationCountUnits");

    private static readonly string DurationAfterCount = ReportWords.Word("durationAfterCount");

    private static readonly string[] DurationUnits = ReportWords.List("durationUnits");

    private static readonly string DurationAfterUnit = ReportWords.Word("durationAfterUnit");

    private static readonly string RoughSuffixes = ReportWords.Word("roughSuffixes");

    private static readonly string[] EachLeads = ReportWords.List("eachLeads");

    private static readonly string BothRank = ReportWords.Word("bothRank");

    private static readonly string[] RankScopes = ReportWords.List("rankScopes");

    private static readonly string CityRankScope = ReportWords.Word("cityRankScope");

    private static readonly IReadOnlyDictionary<string, (string Value, string Unit)> Magnitudes = ReportWords.PairMap("magnitudes");

    private static readonly char Yuan = ReportWords.Character("yuan");

    private static readonly string BothOver = ReportWords.Word("bothOver");

    private static readonly string ShortGrowthVerb = ReportWords.Word("shortGrowthVerb");

    private static readonly string ValueAdded = ReportWords.Word("valueAdded");

    private static readonly char From = ReportWords.Character("from");

    private static readonly char[] To = [.. ReportWords.List("to").Select(w => w.Single())];

    private static readonly string Respectively = ReportWords.Word("respectively");

    private static readonly char[] ListJoiners = ReportWords.Word("listJoiners").ToCharArray();

    private static readonly string[] NotNounStarts = ReportWords.List("notNounStarts");

    private static readonly char Etc = ReportWords.Character("etc");

    private static readonly string Strive = ReportWords.Word("strive");

    private static readonly char HundredMillion = ReportWords.Character("hundredMillion");

    private static readonly string[] PreliminaryWords = ReportWords.List("preliminaryWords");

    private static readonly string[] ReviewHeadings = ReportWords.List("reviewHeadings");

    private static readonly string[] PlanHeadings = ReportWords.List("planHeadings");

    private static readonly (string Plan, string Years)[] FiveYearPlans = ReportWords.Pairs("fiveYearPlans");

    private static readonly string[] HorizonWords = ReportWords.List("horizonWords");

    private static readonly string[] YearlyWords = ReportWords.List("yearlyWords");

    private static readonly string LastYear = ReportWords.Word("lastYear");

    private static readonly string[] LastYearWords = ReportWords.List("lastYearWords");

    private static readonly string ThisYear = ReportWords.Word("thisYear");

    private static readonly string NextYear = ReportWords.Word("nextYear");

    private static readonly string[] RegionJoiners = ReportWords.List("regionJoiners");

    private static readonly string[] ClauseOpeners = ReportWords.List("clauseOpeners");

    private static readonly char County = ReportWords.Character("county");

    private static readonly IReadOnlyDictionary<string, string> RegionShortNames = ReportWords.Map("regionShortNames");

    private static readonly (string[] Words, string Shape)[] ShapeWords =
    [
        (ReportWords.List("everyYearShape"), "every_year"), (ReportWords.List("cumulativeShape"), "cumulative"), (ReportWords.List("averageShape"), "average"),
    ];

    private static readonly string[] LimitShape = ReportWords.List("limitShape");

    private static readonly string[] DeliverableShape = ReportWords.List("deliverableShape");

    private const string Boundaries = "，。；：！？、,;:!?“”\"（）()《》【】";

    private const string SentenceEnds = "。；！？;!?";

    private readonly Regex figures = BuildFigureRegex(catalogue);

    private static readonly Regex YearMention = ReportWords.Pattern("yearMention");

    private static readonly Regex YearSpan = ReportWords.Pattern("yearSpan");

    private static readonly Regex YearBy = ReportWords.Pattern("yearBy");

    private static readonly Regex MagnitudeWord = ReportWords.Pattern("magnitudeWord");

    private static readonly Regex RoughMagnitude = ReportWords.Pattern("roughMagnitude");

    private static readonly Regex BareRank = ReportWords.Pattern("bareRank");

    private static readonly Regex ChineseRank = ReportWords.Pattern("chineseRank");

    private static readonly string Numerals = ReportWords.Word("numerals");

    private static readonly char Ten = Numerals[^1];

    private static int ChineseNumber(string cn) => cn.Length switch
    {
        1 => cn[0] == Ten ? 10 : Numerals.IndexOf(cn[0], StringComparison.Ordinal) + 1,
        2 when cn[0] == Ten => 10 + Numerals.IndexOf(cn[1], StringComparison.Ordinal) + 1,
        2 when cn[1] == Ten => (Numerals.IndexOf(cn[0], StringComparison.Ordinal) + 1) * 10,
        3 when cn[1] == Ten => (Numerals.IndexOf(cn[0], StringComparison.Ordinal) + 1) * 10 + Numerals.IndexOf(cn[2], StringComparison.Ordinal) + 1,
        _ => 0,
    };

    private static Regex BuildFigureRegex(Catalogue catalogue)
    {
        var units = catalogue.UnitDimensions.Keys.Concat(ExtraUnits).Distinct().OrderByDescending(u => u.Length).Select(Regex.Escape);
        return new Regex(ReportWords.Word("figure").Replace("{units}", string.Join('|', units), StringComparison.Ordinal), RegexOptions.Compiled);
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
                var headingYear = YearMention.Match(top);
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
        ContainsAny(heading, ReviewHeadings) ? Mode.Review : ContainsAny(heading, PlanHeadings) ? Mode.Plan : Mode.None;

    private static bool ContainsAny(string text, IEnumerable<string> words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private sealed record Context(int Year, int ResultYear, string Region, int? SectionYear, Mode Mode);

    private sealed record Figure(int Start, int End, int NumberStart, string Value, string? Value2, bool More, string Unit, int Copies);

    private IEnumerable<Figure> Figures(string text)
    {
        var found = new List<Figure>();
        foreach (Match m in figures.Matches(text))
        {
            var numStart = m.Groups["num"].Index;
            var unit = m.Groups["unit"].Value;
            var ordinal = numStart > 0 && text[numStart - 1] == OrdinalMark;
            if (ordinal && !RankUnits.Contains(unit))
            {
                continue;
            }
            if (!ordinal && unit == RankUnit)
            {
                continue;
            }
            if (numStart > 0 && text[numStart - 1] == '“' && m.Index + m.Length < text.Length && text[m.Index + m.Length] == '”')
            {
                continue;
            }
            var after = m.Index + m.Length < text.Length ? text[m.Index + m.Length] : ' ';
            if (DurationCountUnits.Contains(unit) && DurationAfterCount.Contains(after))
            {
                continue;
            }
            var next = m.Index + m.Length;
            while (next < text.Length && RoughSuffixes.Contains(text[next]))
            {
                next++;
            }
            if (DurationUnits.Contains(unit) && next < text.Length && DurationAfterUnit.Contains(text[next]))
            {
                continue;
            }
            var copies = text[Math.Max(0, numStart - 4)..numStart] is var lead && EachLeads.Any(w => lead.EndsWith(w, StringComparison.Ordinal)) ? 2 : 1;
            found.Add(new Figure(ordinal ? numStart - 1 : numStart, m.Index + m.Length, numStart, m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal),
                m.Groups["num2"].Success ? m.Groups["num2"].Value : null, m.Groups["more"].Success, ordinal ? RankUnit : unit == "％" ? "%" : unit, copies));
        }
        foreach (Match m in RoughMagnitude.Matches(text))
        {
            found.Add(new Figure(m.Index, m.Index + m.Length, m.Index, m.Groups["num"].Value, null, true, m.Groups["mag"].Value + m.Groups["rest"].Value, 1));
        }
        foreach (Match m in BareRank.Matches(text))
        {
            var lead = text[Math.Max(0, m.Index - 8)..m.Index];
            if (ContainsAny(lead, RankScopes))
            {
                found.Add(new Figure(m.Index, m.Index + m.Length, m.Index + 1, m.Groups["num"].Value, null, false, RankUnit, 1));
            }
        }
        foreach (Match m in MagnitudeWord.Matches(text))
        {
            var cn = m.Groups["cn"];
            var (value, unit) = Magnitudes[cn.Value];
            var end = cn.Index + cn.Length;
            if (end < text.Length && text[end] == Yuan)
            {
                end++;
            }
            found.Add(new Figure(cn.Index, end, cn.Index, value, null, false, unit, m.Groups["pre"].Value == BothOver ? 2 : 1));
        }
        foreach (Match m in ChineseRank.Matches(text))
        {
            var lead = text[Math.Max(0, m.Index - 8)..m.Index];
            var ranked = ContainsAny(lead, RankScopes) || lead.Contains(CityRankScope, StringComparison.Ordinal);
            var value = ChineseNumber(m.Groups["cn"].Value);
            if (!ranked || value == 0 || (!m.Groups["unit"].Success && m.Index + m.Length < text.Length && !Boundaries.Contains(text[m.Index + m.Length]) && text[m.Index + m.Length] != '”'))
            {
                continue;
            }
            found.Add(new Figure(m.Index + (m.Groups["pre"].Success ? 1 : 0), m.Index + m.Length, m.Index, value.ToString(CultureInfo.InvariantCulture), null, false, RankUnit,
                m.Groups["pre"].Success ? 2 : 1));
        }
        foreach (var f in found.ToList())
        {
            if (f.Unit == RankUnit && f.Copies == 1 && text[Math.Max(0, f.Start - 6)..f.Start].Contains(BothRank, StringComparison.Ordinal))
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
            var isRate = RateUnits.Contains(f.Unit);
            var growth = false;
            if (isRate)
            {
                var verb = LastWord(between, GrowthVerbs.Concat(LevelWords));
                growth = verb is null ? previousGrowth ?? false : GrowthVerbs.Contains(verb) && !(verb == ShortGrowthVerb && between.EndsWith(ValueAdded, StringComparison.Ordinal));
            }

            var phrase = Phrase(text, clauseStart, f, tailEnd, sentenceStart, previousPhrase);
            previousPhrase = phrase;
            previousGrowth = growth;
            previousEnd = f.End;

            var sentence = text[sentenceStart..sentenceEnd];
            var commaClause = text[Math.Max(sentenceStart, LastIndexOfAny(text, "，,：:", f.Start - 1) + 1)..f.Start];
            var stock = StockWords.Any(w => commaClause.Contains(w, StringComparison.Ordinal));
            var kind = Kind(context, before, text, tailEnd, commaClause);
            var from = pre.EndsWith(From);
            var to = pre.Length > 0 && To.Contains(pre[^1]) && commaClause.Contains(From, StringComparison.Ordinal);
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
            var preliminary = ContainsAny(sentence, PreliminaryWords);
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
        var respectively = commaClause.IndexOf(Respectively, StringComparison.Ordinal);
        if (respectively > 0)
        {
            var subjects = commaClause[..respectively].Split(ListJoiners).Select(Trim).Where(x => CjkCount(x) >= 2).ToList();
            var index = text[(commaStart + respectively)..f.Start].Count(ListJoiners.Contains);
            if (subjects.Count > 1 && index < subjects.Count)
            {
                return subjects[index];
            }
        }
        var raw = text[clauseStart..f.Start];
        var pre = Trim(raw);
        if (pre.Contains(Respectively, StringComparison.Ordinal))
        {
            pre = Trim(pre[..pre.IndexOf(Respectively, StringComparison.Ordinal)]);
        }
        var postEnd = text.IndexOfAny(Boundaries.ToCharArray(), tailEnd);
        var post = Trim(text[tailEnd..(postEnd < 0 ? text.Length : postEnd)]);
        var noun = CjkCount(post) >= 2 && !NotNounStarts.Any(w => post.StartsWith(w, StringComparison.Ordinal));
        if (noun && raw.TrimEnd().EndsWith(Etc))
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
        var pairBase = rest.StartsWith("、" + Strive, StringComparison.Ordinal) || rest.StartsWith("，" + Strive, StringComparison.Ordinal);
        var strive = before.LastIndexOf(Strive, StringComparison.Ordinal);
        if (strive >= 0 && !pairBase)
        {
            var clauseEnd = before.IndexOfAny(['，', ','], strive);
            if (clauseEnd < 0 || before[strive..clauseEnd].Any(char.IsDigit) || before[strive..clauseEnd].Contains(HundredMillion, StringComparison.Ordinal))
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
        return ContainsAny(clause, FutureWords) && !clause.Contains(LastYear, StringComparison.Ordinal) ? "target" : "actual";
    }

    private static string Period(Context context, string before, string sentence, string paragraph, string kind, bool stock)
    {
        var baseYear = context.SectionYear ?? (kind == "actual" ? context.ResultYear : context.Year);
        if (stock && context.Mode == Mode.Plan)
        {
            return (baseYear - 1).ToString(CultureInfo.InvariantCulture);
        }
        if (YearSpan.Matches(before) is { Count: > 0 } spans)
        {
            var span = spans[^1];
            return $"{span.Groups[1].Value}-{span.Groups[2].Value}";
        }
        foreach (var (plan, planYears) in FiveYearPlans)
        {
            if (before.Contains(plan, StringComparison.Ordinal))
            {
                return planYears;
            }
        }
        var horizon = ContainsAny(paragraph, HorizonWords);
        var by = YearBy.Matches(before);
        var mentions = YearMention.Matches(before);
        if (kind != "actual" && by.Count > 0 && (mentions.Count == 0 || mentions[^1].Index <= by[^1].Index + 1))
        {
            var end = int.Parse(by[^1].Groups[1].Value, CultureInfo.InvariantCulture);
            if (end > context.Year)
            {
                return horizon ? $"{context.Year}-{end}" : end.ToString(CultureInfo.InvariantCulture);
            }
        }
        if (kind != "actual" && context.Mode != Mode.Plan && (horizon || ContainsAny(sentence, YearlyWords)))
        {
            return $"{context.Year}-{context.Year + 4}";
        }
        if (YearMention.Matches(before) is { Count: > 0 } years)
        {
            return years[^1].Groups[1].Value;
        }
        if (ContainsAny(before, LastYearWords))
        {
            return (context.Year - 1).ToString(CultureInfo.InvariantCulture);
        }
        if (before.Contains(ThisYear, StringComparison.Ordinal))
        {
            return context.Year.ToString(CultureInfo.InvariantCulture);
        }
        if (before.Contains(NextYear, StringComparison.Ordinal))
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
            for (var i = 1; i < found.Count && RegionJoiners.Contains(text[found[i - 1].End..found[i].Index]); i++)
            {
                group.Add(found[i].Slug);
            }
            var rest = text[found[0].End..figureStart];
            if (rest.Contains(Etc, StringComparison.Ordinal) || rest.Contains('、', StringComparison.Ordinal) && group.Count == 1)
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
        index == clauseStart || (index >= 2 && ClauseOpeners.Contains(text[(index - 2)..index])) || (index >= 1 && text[index - 1] is '“');

    private static IEnumerable<string> Names(CatalogueRegion region)
    {
        yield return region.NameZh;
        if (region.Kind == "county" && region.NameZh.Length == 3 && region.NameZh.EndsWith(County))
        {
            yield return region.NameZh[..2];
        }
        if (RegionShortNames.TryGetValue(region.Slug, out var shortName))
        {
            yield return shortName;
        }
        if (region.Kind == "outside" && region.NameZh.EndsWith(County))
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
        var years = layout.Paragraphs.Where(p => p.IsHeading).SelectMany(p => YearMention.Matches(p.Text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))).ToList();
        return years.Count > 0 ? years.Max() : DateTime.UtcNow.Year;
    }

    /// <summary>The goal's shape as the wording says it.</summary>
    public static string Shape(string wording, string comparator) =>
        ShapeWords.FirstOrDefault(s => ContainsAny(wording, s.Words)).Shape
        ?? (comparator == "≤" || ContainsAny(wording, LimitShape) ? "limit" : ContainsAny(wording, DeliverableShape) ? "deliverable" : "level");

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
                _ when unit == RankUnit => indicator.Measure == "rank",
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
