namespace Linyi.Dashboard.Web.Domain;

public enum RegionKind { City, District, County, Zone, Outside }

public enum Measure { Level, Growth, Share, Count, Rank }

public enum Direction { Higher, Lower }

public enum ChartType { Bar, Line }

public enum ObservationKind { Actual, Target, Stretch }

public enum Comparator { Eq, Ge, Le, Approx }

public enum MilestoneKind { Project, Honour, Designation, Plan, Event }

/// <summary>What a source is; it decides the source's tier in <see cref="VintageRule"/>.</summary>
public enum DocumentKind { WorkReport, Bulletin, StatsRelease, GovNotice, News, Repost }

/// <summary>Whether a reported figure is an estimate (预计, 初步核算, 快报) or the final one.</summary>
public enum Vintage { Preliminary, Final }
