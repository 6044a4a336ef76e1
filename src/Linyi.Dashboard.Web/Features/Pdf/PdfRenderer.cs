using Linyi.Dashboard.Web.Features.Shared;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>What the PDF says about itself: its Title, Author, Subject, Keywords and language (zh-CN or en).</summary>
public sealed record PdfDocumentInfo(string Title, string Author, string Subject, string Keywords, string Language, DateTimeOffset Created);

/// <summary>A page's margins in millimetres.</summary>
public sealed record PdfMargins(int Top, int Bottom, int Left, int Right)
{
    /// <summary>The summaries' and briefings' A4 page.</summary>
    public static readonly PdfMargins Report = new(16, 18, 14, 14);

    /// <summary>GB/T 9704 (党政机关公文格式): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.</summary>
    public static readonly PdfMargins OfficialDocument = new(37, 35, 28, 26);
}

/// <summary>The renderer cannot take the request now: too many waiting, Chromium missing, or a render timed out.</summary>
public sealed class PdfUnavailableException(string message, bool busy) : Exception(message)
{
    public bool Busy { get; } = busy;
}

/// <summary>
/// Renders print HTML to PDF in the system's Chromium through Playwright. One browser is started in the background at
/// startup and reused; renders are bounded by a semaphore and a queue limit, and each has a timeout. The page is served
/// to Chromium through request interception (assets from wwwroot), so rendering needs no network port. Pages are kept
/// warm with the chart libraries loaded; a render swaps in the new body and prints, and the charts are drawn once, as
/// printing starts (wwwroot/js/print.js). See docs/decisions/0014 for what a warm render costs and why.
/// </summary>
public sealed partial class PdfRenderer(IOptions<PdfOptions> options, IWebHostEnvironment environment, ILogger<PdfRenderer> logger)
    : IHostedService, IAsyncDisposable
{
    private const string Origin = "http://dashboard.invalid";

    /// <summary>A4's 210 mm less the 14 mm side margins, in CSS pixels (96 per inch), rounded down.</summary>
    public const int PrintableWidthPx = 687;

    /// <summary>The font print uses first: TrueType, so that it is embedded as a subset font and not as Type 3 glyphs.</summary>
    public const string PrintFontFamily = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
    /// <remarks>
    /// <c>--single-threaded-gc</c>: drawing the charts makes garbage, and V8 collects it with helper threads that, on a
    /// machine whose cores are busy, the main thread waits for; collecting on the main thread alone made warm renders
    /// about a fifth faster under load (ADR 0014). The PDF is the same.
    /// </remarks>
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
        "--js-flags=--single-threaded-gc",
    ];

    private readonly PdfOptions settings = options.Value;
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrent);
    private readonly SemaphoreSlim launchLock = new(1);
    private readonly ClientGates clients = new();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> assets = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentBag<WarmPage> warmPages = [];
    private int inFlight;
    private int renders;
    private int chartsDrawn;

    /// <summary>How many PDFs Chromium has printed since start-up (cache hits are not renders).</summary>
    public int Renders => Volatile.Read(ref renders);

    /// <summary>How many charts have been drawn into printed PDFs since start-up.</summary>
    public int ChartsDrawn => Volatile.Read(ref chartsDrawn);

    /// <summary>Requests rendering or waiting for a renderer right now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Raised when a request has joined the queue: its client's gate, then the render slots (see <see cref="InFlight"/>, <see cref="RequestsOf"/>).</summary>
    public event Action? Queued;

    /// <summary>One client's requests rendering or waiting behind its own render.</summary>
    public int RequestsOf(string client) => clients.Requests(client);

    /// <summary>Why PDFs cannot be made here, or null when they can.</summary>
    public string? UnavailableReason { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        clients.Entered += _ => Queued?.Invoke();
        if (!settings.Enabled)
        {
            UnavailableReason = "PDF export is turned off on this server.";
        }
        else if (!File.Exists(settings.ChromiumPath))
        {
            UnavailableReason = $"PDF export needs Chromium, which is not installed on this server ({settings.ChromiumPath}).";
            LogUnavailable(logger, UnavailableReason);
        }
        else if (settings.WarmOnStartup)
        {
            // Warm the browser in the background so that the first export does not pay for the launch; start-up does not wait.
            _ = Task.Run(async () =>
            {
                try
                {
                    warmPages.Add(await NewWarmPageAsync(TimeSpan.FromSeconds(settings.TimeoutSeconds)));
                }
                catch (Exception ex)
                {
                    LogLaunchFailed(logger, ex);
                }
            }, CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    /// <param name="bodyHtml">The inside of the print view's body; the warm page already has its stylesheets and chart scripts.</param>
    /// <param name="client">Who asks (the rate limiter's partition): each client renders one PDF at a time.</param>
    /// <param name="footer">The text at the foot of every page beside its number; null for a page without footer or number.</param>
    /// <param name="reprint">
    /// Given the printed file, the body to print again in its place, or null to keep it: a table of contents learns its page
    /// numbers from a first print, a one-page notice sheds a row until it fits. The prints share one turn and one slot.
    /// </param>
    public async Task<byte[]> RenderAsync(string bodyHtml, PdfDocumentInfo info, string? footer, string client, CancellationToken cancellationToken,
        PdfMargins? margins = null, Func<byte[], Task<string?>>? reprint = null)
    {
        if (UnavailableReason is { } reason)
        {
            throw new PdfUnavailableException(reason, busy: false);
        }
        using var clientTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        clientTimeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        IDisposable? turn;
        try
        {
            turn = await clients.EnterAsync(client, settings.MaxWaitingPerClient, clientTimeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfUnavailableException("The PDF export waited too long for a free renderer. Please try again shortly.", busy: true);
        }
        if (turn is null)
        {
            throw new PdfUnavailableException("Your earlier PDF exports are still being made. Please wait for them before asking for more.", busy: true);
        }
        using (turn)
        {
            return await RenderInSlotAsync(bodyHtml, info, footer, margins ?? PdfMargins.Report, reprint, cancellationToken);
        }
    }

    private async Task<byte[]> RenderInSlotAsync(string bodyHtml, PdfDocumentInfo info, string? footer, PdfMargins margins, Func<byte[], Task<string?>>? reprint,
        CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref inFlight) > settings.MaxConcurrent + settings.MaxQueue)
        {
            Interlocked.Decrement(ref inFlight);
            throw new PdfUnavailableException("Too many PDF exports are being made right now. Please try again shortly.", busy: true);
        }
        Queued?.Invoke();
        try
        {
            var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await slots.WaitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new PdfUnavailableException("The PDF export waited too long for a free renderer. Please try again shortly.", busy: true);
            }
            WarmPage? page = null;
            try
            {
                page = warmPages.TryTake(out var warm) && !warm.Page.IsClosed ? warm : await NewWarmPageAsync(timeout);
                var pdf = await RenderPageAsync(page, bodyHtml, info, footer, margins).WaitAsync(timeout, cancellationToken);
                Interlocked.Increment(ref renders);
                while (reprint is not null && await reprint(pdf) is { } again)
                {
                    pdf = await RenderPageAsync(page, again, info, footer, margins).WaitAsync(timeout, cancellationToken);
                    Interlocked.Increment(ref renders);
                }
                warmPages.Add(page);
                page = null;
                return pdf;
            }
            catch (TimeoutException)
            {
                throw new PdfUnavailableException($"Making the PDF took longer than {settings.TimeoutSeconds} seconds and was stopped.", busy: false);
            }
            finally
            {
                // A page that failed or timed out is thrown away with its context; the next render gets a fresh one.
                if (page is not null)
                {
                    await page.Page.Context.CloseAsync();
                }
                slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    /// <summary>A page with the shell loaded, and the DevTools session the PDF is printed through.</summary>
    private sealed record WarmPage(IPage Page, ICDPSession DevTools);

    private async Task<WarmPage> NewWarmPageAsync(TimeSpan timeout)
    {
        var chromium = await BrowserAsync();
        // The page is laid out at the printable width of A4 portrait, so that the charts are drawn for the column they print in.
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PrintableWidthPx, Height = 1000 },
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        await page.RouteAsync("**/*", Serve);
        await page.GotoAsync(Origin + "/print-shell", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return new WarmPage(page, await context.NewCDPSessionAsync(page));
    }

    /// <summary>
    /// Page.printToPDF as Playwright's PdfAsync sends it (A4, the margins in inches as Playwright converts millimetres),
    /// but with the file in the reply: Playwright asks for a stream and reads it back in further round trips.
    /// </summary>
    private static Dictionary<string, object> PrintToPdf(PdfMargins margins) => new()
    {
        ["paperWidth"] = 8.27, ["paperHeight"] = 11.7,
        ["marginTop"] = Inches(margins.Top), ["marginBottom"] = Inches(margins.Bottom), ["marginLeft"] = Inches(margins.Left), ["marginRight"] = Inches(margins.Right),
        ["printBackground"] = true, ["generateTaggedPDF"] = true, ["generateDocumentOutline"] = true,
        ["transferMode"] = "ReturnAsBase64",
    };

    private static double Inches(int millimetres) => millimetres * 3.78 / 96;

    private async Task<byte[]> RenderPageAsync(WarmPage warm, string bodyHtml, PdfDocumentInfo info, string? footer, PdfMargins margins)
    {
        var page = warm.Page;
        var started = Stopwatch.GetTimestamp();
        // One round trip: the body is swapped in and the charts configured in the same call that waits for the fonts, and
        // print.js draws the charts on beforeprint, so nothing is polled. Chromium writes the title into the PDF's Title
        // and lang into the catalog's Lang; the meta tags are for the print view's own readers, and PdfInfoWriter adds
        // Author, Subject and Keywords to the file.
        await page.EvaluateAsync("""
            async ([html, lang, title, author, subject, keywords, footer]) => {
                document.documentElement.lang = lang;
                document.title = title;
                document.querySelector('meta[name=author]').content = author;
                document.querySelector('meta[name=description]').content = subject;
                document.querySelector('meta[name=keywords]').content = keywords;
                document.body.innerHTML = html;
                document.getElementById('page-footer').textContent = footer;
                window.LinyiCharts.preparePrint();
                await document.fonts.ready;
            }
            """, new[] { bodyHtml, info.Language, info.Title, info.Author, info.Subject, info.Keywords, FooterStyle(footer, info.Language) });
        var swapped = Stopwatch.GetElapsedTime(started);
        // Asked for alongside the print, and answered once beforeprint has drawn the charts: a chart that failed to draw
        // would leave a blank box in the file, and that is a failed render, not a PDF.
        var drawn = page.EvaluateAsync<int[]>("window.LinyiCharts.drawn");
        // When the print fails the page is closed, which ends the wait for the charts too; that fault is not the news.
        _ = drawn.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var reply = await warm.DevTools.SendAsync("Page.printToPDF", PrintToPdf(margins));
        var charts = await drawn;
        if (charts[0] != charts[1])
        {
            throw new PdfUnavailableException($"Only {charts[0]} of the {charts[1]} charts could be drawn, so no PDF was made.", busy: false);
        }
        var pdf = reply?.GetProperty("data").GetBytesFromBase64() ?? throw new InvalidDataException("Chromium printed no PDF.");
        var printTime = Stopwatch.GetElapsedTime(started) - swapped;
        Interlocked.Add(ref chartsDrawn, charts[0]);
        var result = PdfInfoWriter.Apply(pdf, info, info.Created);
        LogRendered(logger, charts[0], swapped.TotalMilliseconds, printTime.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds, result.Length);
        return result;
    }

    /// <summary>
    /// The footer of every page as CSS page-margin boxes: the document's own text, so it is set in the same embedded font
    /// (Chromium's footer template is a separate document and would embed a second copy of the font's subset).
    /// </summary>
    public static string FooterStyle(string? footer, string language)
    {
        if (footer is null)
        {
            return "";
        }
        // The words around the page numbers as CSS strings, the numbers as counters.
        var pages = "\"" + Words.Both("Page {0} of {1}", "\" counter(page) \"", "\" counter(pages) \"").In(language == "en") + "\"";
        var text = CssString(footer);
        const string box = "font-size: 8px; color: #444; font-family: " + PrintFontFamily + ";";
        return $"@page {{ @bottom-left {{ content: {text}; {box} }} @bottom-right {{ content: {pages}; {box} }} }}";
    }

    /// <summary>
    /// A CSS string literal that holds <paramref name="text"/> and nothing else: every character but letters, digits and
    /// spaces is written as a six-digit escape, so no character of the text can end the string; control characters become spaces.
    /// </summary>
    public static string CssString(string text)
    {
        var css = new StringBuilder(text.Length * 2 + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                css.Append(' ');
            }
            else if (rune.IsAscii && (Rune.IsLetterOrDigit(rune) || rune.Value == ' '))
            {
                css.Append((char)rune.Value);
            }
            else
            {
                css.Append('\\').Append(rune.Value.ToString("X6", CultureInfo.InvariantCulture));
            }
        }
        return css.Append('"').ToString();
    }

    /// <summary>
    /// The shell page: the print stylesheets and chart libraries, loaded once per warm page. Its body is hidden on screen
    /// (print media shows it), so that the frames Chromium draws for the never-seen window between renders paint nothing.
    /// </summary>
    private static readonly string Shell = $$"""
        <!DOCTYPE html><html class="pdf-shell"><head><meta charset="utf-8" />
        <meta name="author" content="" /><meta name="description" content="" /><meta name="keywords" content="" /><style id="page-footer"></style>
        <style>@media screen { .pdf-shell body { visibility: hidden; } }</style>
        <link rel="stylesheet" href="/css/site.css" /><link rel="stylesheet" href="/css/print.css" />
        {{string.Concat(ChartScripts.Paths.Select(path => $"<script src=\"{path}\"></script>"))}}<script src="/js/print.js"></script>
        </head><body class="print"></body></html>
        """;

    private Task Serve(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (!url.AbsoluteUri.StartsWith(Origin, StringComparison.Ordinal))
        {
            return route.AbortAsync();
        }
        if (url.AbsolutePath == "/print-shell")
        {
            return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = Shell });
        }
        var file = environment.WebRootFileProvider.GetFileInfo(Uri.UnescapeDataString(url.AbsolutePath));
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
        }
        var bytes = assets.GetOrAdd(file.PhysicalPath, File.ReadAllBytes);
        return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = ContentType(file), BodyBytes = bytes });
    }

    private static string ContentType(IFileInfo file) => Path.GetExtension(file.Name) switch
    {
        ".js" => "text/javascript",
        ".css" => "text/css",
        ".woff2" => "font/woff2",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private async Task<IBrowser> BrowserAsync()
    {
        if (browser is { IsConnected: true } running)
        {
            return running;
        }
        await launchLock.WaitAsync();
        try
        {
            if (browser is { IsConnected: true } launched)
            {
                return launched;
            }
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = settings.ChromiumPath, Args = ChromiumArgs });
            LogLaunched(logger, settings.ChromiumPath);
            return browser;
        }
        finally
        {
            launchLock.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        slots.Dispose();
        launchLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF export unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium could not be started for PDF export")]
    private static partial void LogLaunchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "PDF rendered with {Charts} charts: body swapped in {SwapMs:F0} ms, printed in {PrintMs:F0} ms, {TotalMs:F0} ms in all, {Bytes} bytes")]
    private static partial void LogRendered(ILogger logger, int charts, double swapMs, double printMs, double totalMs, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium started for PDF export from {Path}")]
    private static partial void LogLaunched(ILogger logger, string path);
}
