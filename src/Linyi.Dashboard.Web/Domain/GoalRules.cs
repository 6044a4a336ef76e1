namespace Linyi.Dashboard.Web.Domain;

public enum GoalStatus { Achieved, OnTrack, NeedsAttention, Behind, Missed, AwaitingResult, NotStarted, NoData }

/// <summary>Where today falls against a goal's period: before it, inside it, or past its deadline (the end of its last year).</summary>
public enum GoalPhase { NotStarted, InProgress, Ended }

/// <summary>How progress part-way is measured: compound yearly growth, points a year, or a share of the time gone.</summary>
public enum PaceKind { Compound, Linear }

/// <summary>One year's result as reported; a bound (≥ 8,000) says what the figure is at least, not what it is.</summary>
public readonly record struct YearResult(int Year, decimal Value, Comparator Comparator = Comparator.Eq)
{
    public bool IsExact => Comparator is Comparator.Eq or Comparator.Approx;
}

/// <param name="Results">The yearly results; only those inside <paramref name="Period"/> judge the goal.</param>
/// <param name="Baseline">The latest result before the period: the start of a pace, and the gap still to close before any result.</param>
public sealed record Goal(
    GoalShape Shape,
    Measure Measure,
    Direction Direction,
    Comparator Comparator,
    decimal Target,
    Period Period,
    IReadOnlyList<YearResult> Results,
    YearResult? Baseline = null);

/// <summary>A pace part-way: what the goal still needs each year against what was achieved each year so far.</summary>
public sealed record Pace(PaceKind Kind, decimal? Required, decimal? Achieved);

/// <param name="Judged">The result the verdict rests on (always of the goal's own period), or null.</param>
/// <param name="SoFar">For cumulative goals the sum so far, for average goals the average so far.</param>
/// <param name="Expected">For cumulative goals part-way, the part of the target the time gone calls for.</param>
/// <param name="MissedYears">For goals judged every year, the years whose result missed.</param>
/// <param name="MissingYears">Years of the period whose result is due and not yet published.</param>
public sealed record GoalProgress(
    GoalStatus Status,
    GoalPhase Phase,
    YearResult? Judged,
    bool Reached,
    decimal? Ratio,
    decimal? GapPoints,
    decimal? Remaining,
    Pace? Pace,
    decimal? SoFar,
    decimal? Expected,
    IReadOnlyList<int> MissedYears,
    IReadOnlyList<int> MissingYears)
{
    public decimal? RequiredRate => Pace is { Kind: PaceKind.Compound } p ? p.Required : null;

    public decimal? AchievedRate => Pace is { Kind: PaceKind.Compound } p ? p.Achieved : null;

    /// <summary>No result of the period yet: a baseline, if any, shows the gap still to close.</summary>
    public bool IsBaseline => Judged is null;
}

/// <summary>
/// The rules that judge a goal by its shape and phase. Pure: the caller passes today's date. Their wording for readers is
/// <see cref="GoalRuleText"/>, built from the same constants.
/// </summary>
public static class GoalRules
{
    /// <summary>"About X" (左右/近) is met within this relative distance of X.</summary>
    public const decimal ApproxTolerance = 0.02m;

    /// <summary>A year or an average missed by no more than this share of the target needs attention rather than being behind.</summary>
    public const decimal AttentionMargin = 0.05m;

    /// <summary>The same margin for growth rates and shares, in percentage points.</summary>
    public const decimal AttentionMarginPoints = 0.5m;

    /// <summary>A level goal whose achieved yearly growth falls short of the growth still needed by no more than this many points needs attention.</summary>
    public const decimal PaceMarginPoints = 2m;

    /// <summary>A share, rank or cumulative goal reaching at least this share of the pace its time calls for needs attention; less is behind.</summary>
    public const decimal PaceAttentionShare = 0.9m;

    public static GoalPhase PhaseOn(Period period, DateOnly today) =>
        today.Year < period.StartYear ? GoalPhase.NotStarted
        : today.Year <= period.EndYear ? GoalPhase.InProgress
        : GoalPhase.Ended;

    public static GoalProgress Evaluate(Goal goal, DateOnly today)
    {
        var phase = PhaseOn(goal.Period, today);
        var results = goal.Results
            .Where(r => r.Year >= goal.Period.StartYear && r.Year <= goal.Period.EndYear)
            .GroupBy(r => r.Year).Select(g => g.Last()).OrderBy(r => r.Year).ToList();
        var empty = new GoalProgress(phase == GoalPhase.NotStarted ? GoalStatus.NotStarted : phase == GoalPhase.Ended ? GoalStatus.AwaitingResult : GoalStatus.NoData,
            phase, null, false, null, BaselineGap(goal), BaselineRemaining(goal), null, null, null, [], phase == GoalPhase.Ended ? YearsOf(goal.Period).ToList() : []);
        if (phase == GoalPhase.NotStarted || results.Count == 0)
        {
            return empty;
        }
        return goal.Shape switch
        {
            GoalShape.Annual or GoalShape.Limit => EveryYear(goal, results, phase, today),
            GoalShape.Cumulative => Cumulative(goal, results, phase, today),
            GoalShape.Average => Average(goal, results, phase, today),
            _ => ByDeadline(goal, results, phase),
        };
    }

    /// <summary>Level, share, rank and deliverable goals: judged by the latest result, finally by the result of the last year.</summary>
    private static GoalProgress ByDeadline(Goal goal, List<YearResult> results, GoalPhase phase)
    {
        var latest = results[^1];
        var met = Meets(latest, goal);
        var closing = latest.Year == goal.Period.EndYear;
        var missing = phase == GoalPhase.Ended && !closing ? [goal.Period.EndYear] : Array.Empty<int>();
        GoalProgress Verdict(GoalStatus status, Pace? pace = null) =>
            Progress(goal, status, phase, latest, met == true, pace, null, null, [], missing);
        if (met == true)
        {
            return Verdict(GoalStatus.Achieved);
        }
        if (closing)
        {
            return Verdict(met == false ? GoalStatus.Missed : GoalStatus.AwaitingResult);
        }
        if (phase == GoalPhase.Ended)
        {
            return Verdict(GoalStatus.AwaitingResult);
        }
        if (goal.Shape == GoalShape.Deliverable || met is null)
        {
            return Verdict(GoalStatus.NoData);
        }
        var from = results.Take(results.Count - 1).Append(goal.Baseline ?? default)
            .Where(r => r.Year > 0 && r.IsExact && r.Year < latest.Year).OrderBy(r => r.Year).LastOrDefault();
        var yearsLeft = goal.Period.EndYear - latest.Year;
        if (goal.Shape is GoalShape.Level)
        {
            var required = latest.IsExact ? YearlyRate(latest.Value, goal.Target, yearsLeft) : null;
            var achieved = from.Year > 0 && latest.IsExact ? YearlyRate(from.Value, latest.Value, latest.Year - from.Year) : null;
            return Verdict(CompoundStatus(required, achieved, goal.Direction), new Pace(PaceKind.Compound, required, achieved));
        }
        decimal? needed = latest.IsExact ? Math.Round((goal.Target - latest.Value) / yearsLeft, 2) : null;
        decimal? done = from.Year > 0 && latest.IsExact ? Math.Round((latest.Value - from.Value) / (latest.Year - from.Year), 2) : null;
        return Verdict(LinearStatus(needed, done), new Pace(PaceKind.Linear, needed, done));
    }

    /// <summary>Annual and limit goals: every year of the period must meet the target (stay within the limit).</summary>
    private static GoalProgress EveryYear(Goal goal, List<YearResult> results, GoalPhase phase, DateOnly today)
    {
        var judged = results.Select(r => (Result: r, Met: Meets(r, goal))).ToList();
        var missed = judged.Where(j => j.Met == false).Select(j => j.Result.Year).ToList();
        var missing = DueYears(goal.Period, phase, today).Where(y => !judged.Any(j => j.Result.Year == y && j.Met is not null)).ToList();
        var complete = !YearsOf(goal.Period).Any(y => !judged.Any(j => j.Result.Year == y && j.Met is not null));
        var worst = judged.Where(j => j.Met == false).Select(j => j.Result).OrderBy(r => Shortfall(r.Value, goal)).LastOrDefault();
        var shown = missed.Count > 0 ? worst : results[^1];
        GoalStatus status;
        if (complete || phase == GoalPhase.Ended)
        {
            status = missed.Count > 0 ? GoalStatus.Missed : complete ? GoalStatus.Achieved : GoalStatus.AwaitingResult;
        }
        else
        {
            status = missed.Count == 0 ? GoalStatus.OnTrack : missed.Count == 1 && IsClose(worst.Value, goal) ? GoalStatus.NeedsAttention : GoalStatus.Behind;
        }
        return Progress(goal, status, phase, shown, missed.Count == 0 && complete, null, null, null, missed, missing);
    }

    /// <summary>Cumulative goals: the sum of the yearly results against the target, part-way against the share of time gone.</summary>
    private static GoalProgress Cumulative(Goal goal, List<YearResult> results, GoalPhase phase, DateOnly today)
    {
        var sum = results.Sum(r => r.Value);
        var covered = CoveredYears(goal.Period, results);
        var missing = DueYears(goal.Period, phase, today).Where(y => results.All(r => r.Year != y)).ToList();
        var total = new YearResult(results[^1].Year, sum, results.All(r => r.IsExact) ? Comparator.Eq : Comparator.Ge);
        var met = Meets(total, goal);
        var complete = covered == goal.Period.EndYear - goal.Period.StartYear + 1;
        var expected = Math.Round(goal.Target * covered / (goal.Period.EndYear - goal.Period.StartYear + 1), 4);
        GoalStatus status;
        if (met == true)
        {
            status = GoalStatus.Achieved;
        }
        else if (complete || phase == GoalPhase.Ended)
        {
            status = complete && met == false ? GoalStatus.Missed : GoalStatus.AwaitingResult;
        }
        else
        {
            status = covered == 0 ? GoalStatus.NoData : LinearStatus(expected, sum);
        }
        return Progress(goal, status, phase, results[^1], met == true, null, sum, complete ? null : expected, [], missing);
    }

    /// <summary>Average goals: the yearly average (compound for growth rates) against the target.</summary>
    private static GoalProgress Average(Goal goal, List<YearResult> results, GoalPhase phase, DateOnly today)
    {
        var exact = results.Where(r => r.IsExact).ToList();
        var missing = DueYears(goal.Period, phase, today).Where(y => exact.All(r => r.Year != y)).ToList();
        var complete = YearsOf(goal.Period).All(y => exact.Any(r => r.Year == y));
        if (exact.Count == 0)
        {
            var none = phase == GoalPhase.Ended ? GoalStatus.AwaitingResult : GoalStatus.NoData;
            return Progress(goal, none, phase, results[^1], false, null, null, null, [], missing);
        }
        var average = goal.Measure == Measure.Growth
            ? Math.Round((decimal)(Math.Pow(exact.Aggregate(1.0, (p, r) => p * (1 + ((double)r.Value / 100))), 1.0 / exact.Count) - 1) * 100, 2)
            : Math.Round(exact.Average(r => r.Value), 2);
        var met = Meets(new YearResult(exact[^1].Year, average), goal) == true;
        GoalStatus status = complete || phase == GoalPhase.Ended
            ? complete ? met ? GoalStatus.Achieved : GoalStatus.Missed : GoalStatus.AwaitingResult
            : met ? GoalStatus.OnTrack : IsClose(average, goal) ? GoalStatus.NeedsAttention : GoalStatus.Behind;
        return Progress(goal, status, phase, exact[^1], met && complete, null, average, null, [], missing);
    }

    private static GoalProgress Progress(Goal goal, GoalStatus status, GoalPhase phase, YearResult judged, bool reached, Pace? pace,
        decimal? soFar, decimal? expected, IReadOnlyList<int> missed, IReadOnlyList<int> missing)
    {
        var value = soFar ?? judged.Value;
        var ratio = goal.Measure == Measure.Growth ? null : Ratio(value, goal.Target, goal.Direction);
        decimal? gap = goal.Measure is Measure.Growth or Measure.Share ? value - goal.Target : null;
        var remaining = Meets(new YearResult(judged.Year, value), goal) == true ? 0 : Math.Abs(goal.Target - value);
        return new GoalProgress(status, phase, judged, reached, ratio, gap, remaining, pace, soFar, expected, missed, missing);
    }

    private static decimal? BaselineGap(Goal goal) =>
        goal.Baseline is { } b && goal.Measure is Measure.Growth or Measure.Share ? b.Value - goal.Target : null;

    private static decimal? BaselineRemaining(Goal goal) =>
        goal.Baseline is { } b ? Meets(b, goal) == true ? 0 : Math.Abs(goal.Target - b.Value) : null;

    private static IEnumerable<int> YearsOf(Period period) => Enumerable.Range(period.StartYear, period.EndYear - period.StartYear + 1);

    /// <summary>The years whose results should be published by now: a year's result is due once the year is over.</summary>
    private static IEnumerable<int> DueYears(Period period, GoalPhase phase, DateOnly today) =>
        YearsOf(period).Where(y => phase == GoalPhase.Ended || y < today.Year);

    private static int CoveredYears(Period period, List<YearResult> results)
    {
        var years = 0;
        while (results.Any(r => r.Year == period.StartYear + years))
        {
            years++;
        }
        return years;
    }

    private static GoalStatus CompoundStatus(decimal? required, decimal? achieved, Direction direction)
    {
        if (required is not { } need || achieved is not { } done)
        {
            return GoalStatus.NeedsAttention;
        }
        var shortfall = direction == Direction.Lower ? done - need : need - done;
        return shortfall <= 0 ? GoalStatus.OnTrack : shortfall <= PaceMarginPoints ? GoalStatus.NeedsAttention : GoalStatus.Behind;
    }

    /// <summary>Points a year (or a sum) against what is needed; both signed the same way as the target's gap.</summary>
    private static GoalStatus LinearStatus(decimal? needed, decimal? done)
    {
        if (needed is not { } need || done is not { } have)
        {
            return GoalStatus.NeedsAttention;
        }
        if (need == 0 || have / need >= 1)
        {
            return GoalStatus.OnTrack;
        }
        return have / need >= PaceAttentionShare ? GoalStatus.NeedsAttention : GoalStatus.Behind;
    }

    /// <summary>The compound yearly growth, in percent, that takes <paramref name="from"/> to <paramref name="to"/> in <paramref name="years"/> years.</summary>
    public static decimal? YearlyRate(decimal from, decimal to, int years) =>
        from > 0 && to > 0 && years > 0
            ? Math.Round((decimal)(Math.Pow((double)(to / from), 1.0 / years) - 1) * 100, 2)
            : null;

    private static bool LowerIsBetter(Goal goal) =>
        goal.Shape == GoalShape.Limit || goal.Comparator == Comparator.Le || (goal.Comparator != Comparator.Ge && goal.Direction == Direction.Lower);

    /// <summary>Whether a result satisfies the target as worded; null when the result is a bound that cannot tell.</summary>
    public static bool? Meets(YearResult result, Goal goal)
    {
        var lower = LowerIsBetter(goal);
        var tolerance = goal.Comparator == Comparator.Approx ? Math.Abs(goal.Target) * ApproxTolerance : 0;
        var met = lower ? result.Value <= goal.Target + tolerance : result.Value >= goal.Target - tolerance;
        return result.Comparator switch
        {
            Comparator.Ge when lower => met ? null : false,
            Comparator.Ge => met ? true : null,
            Comparator.Le when lower => met ? true : null,
            Comparator.Le => met ? null : false,
            _ => met,
        };
    }

    private static decimal Shortfall(decimal value, Goal goal) => LowerIsBetter(goal) ? value - goal.Target : goal.Target - value;

    private static bool IsClose(decimal value, Goal goal) =>
        goal.Measure is Measure.Growth or Measure.Share
            ? Shortfall(value, goal) <= AttentionMarginPoints
            : Shortfall(value, goal) <= Math.Abs(goal.Target) * AttentionMargin;

    public static decimal? Ratio(decimal actual, decimal target, Direction direction) =>
        direction == Direction.Lower
            ? actual > 0 ? target / actual : null
            : target > 0 ? actual / target : null;

    /// <summary>The level a growth target implies: base × (1 + growth ÷ 100). Always shown as derived (推算).</summary>
    public static decimal ImpliedLevel(decimal baseLevel, decimal growthPercent) => baseLevel * (1 + (growthPercent / 100m));
}
