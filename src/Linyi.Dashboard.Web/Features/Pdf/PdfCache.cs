using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>Finished PDFs keyed by filters, language and data version: an edit changes the version, so nothing stale is served.</summary>
public sealed class PdfCache(IOptions<PdfOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheMegabytes * 1024L * 1024L });

    public static string Key(string filterQuery, string culture, long dataVersion) => $"{dataVersion}|{culture}|{filterQuery}";

    public byte[]? Get(string key) => cache.TryGetValue(key, out byte[]? pdf) ? pdf : null;

    public void Set(string key, byte[] pdf) =>
        cache.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => cache.Dispose();
}
