namespace Linyi.Dashboard.Web.Domain;

public enum RegionKind { City, District, County, Zone, Outside }

public enum Measure { Level, Growth, Share, Count, Rank }

public enum Direction { Higher, Lower }

public enum ChartType { Bar, Line }

public enum ObservationKind { Actual, Target, Stretch }

public enum Comparator { Eq, Ge, Le, Approx }

/// <summary>Whether a growth rate is nominal (现价, as its level is stated) or real (可比价, at comparable prices).</summary>
public enum PriceBasis { Nominal, Real }

/// <summary>How a goal is worded, which decides how it is judged: see <see cref="GoalRules"/>.</summary>
public enum GoalShape { Level, Annual, Cumulative, Average, Share, Rank, Limit, Deliverable }

public enum MilestoneKind { Project, Honour, Designation, Plan, Event }

/// <summary>What a source is; it decides the source's tier in <see cref="VintageRule"/>.</summary>
public enum DocumentKind { WorkReport, Bulletin, StatsRelease, GovNotice, News, Repost }

/// <summary>Whether a reported figure is an estimate (预计, 初步核算, 快报) or the final one.</summary>
public enum Vintage { Preliminary, Final }
