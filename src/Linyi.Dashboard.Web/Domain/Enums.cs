namespace Linyi.Dashboard.Web.Domain;

public enum RegionKind { City, District, County, Zone, Outside }

public enum Measure { Level, Growth, Share, Count, Rank }

public enum Direction { Higher, Lower }

public enum ChartType { Bar, Line }

public enum ObservationKind { Actual, Target, Stretch }

public enum Comparator { Eq, Ge, Le, Approx }

public enum MilestoneKind { Project, Honour, Designation, Plan, Event }

public enum DocumentKind { WorkReport, News }
