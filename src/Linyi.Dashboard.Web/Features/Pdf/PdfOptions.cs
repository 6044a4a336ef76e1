using System.ComponentModel.DataAnnotations;

namespace Linyi.Dashboard.Web.Features.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    public bool Enabled { get; set; } = true;

    /// <summary>The system's Chromium; no browser is ever downloaded.</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Start Chromium and a warm page at start-up, so that the first export is fast.</summary>
    public bool WarmOnStartup { get; set; } = true;

    [Range(1, 16)]
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Requests allowed to wait for a free renderer; past this a request gets 503 with Retry-After.</summary>
    [Range(0, 256)]
    public int MaxQueue { get; set; } = 8;

    /// <summary>Requests of one client allowed to wait behind its own render (each client renders one PDF at a time).</summary>
    [Range(0, 64)]
    public int MaxWaitingPerClient { get; set; } = 2;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    [Range(1, 4096)]
    public int CacheMegabytes { get; set; } = 64;
}
