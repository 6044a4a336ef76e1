using System.Text.Json;
using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

/// <summary>
/// Every page in each language speaks only that language (Chinese left on an English page is marked lang="zh…"), and no
/// public page is wider than a 390-pixel phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LanguageAndPhoneTests(BrowserApp app)
{
    public static readonly string[] PublicPages =
    [
        "/", "/?region=junan", "/categories", "/categories/economy", "/categories/agriculture", "/indicators/gdp", "/indicators/grain_output",
        "/goals", "/regions", "/regions/junan", "/regions/linyi", "/regions/coverage", "/compare", "/data", "/data?region=lanshan",
        "/sources", "/about/progress", "/about/api", "/briefing", "/briefing?item=gdp_growth&item=category:fiscal&region=linyi", "/account/login", "/data?region=atlantis", "/no-such-page",
    ];

    private static readonly string[] AdminPages =
    [
        "/admin", "/admin/audit", "/admin/import", "/admin/worksheet", "/admin/observations", "/admin/observations/new?indicator=gdp", "/admin/indicators",
        "/admin/indicators/new", "/admin/milestones", "/admin/milestones/new", "/admin/documents", "/admin/documents/new", "/admin/users",
        "/account/password",
    ];

    /// <summary>Latin words that are names or standard abbreviations in either language.</summary>
    private static readonly string[] AllowedLatin =
    [
        "PDF", "CSV", "XLSX", "JSON", "API", "OpenAPI", "GDP", "HTTP", "HTTPS", "URL", "CC", "BY", "ID", "UTF", "BOM", "GB", "English",
        "Chart.js", "Linyi", "Shandong", "A4", "Email",
    ];

    /// <summary>
    /// Text nodes and labelling attributes in the wrong language: on an English page, any Han character not inside an element
    /// marked lang="zh…"; on a Chinese page, a run of English words outside lang="en" elements, codes, addresses and the allow-list.
    /// </summary>
    private const string WrongLanguageScript = """
        ([english, allowed]) => {
            const han = /[\u3400-\u9fff\uff01-\uff5e\u3001\u3002\u300a-\u3011]/;
            const allow = new Set(allowed);
            const found = [];
            const langOf = el => { const l = el && el.closest('[lang]'); return l ? l.getAttribute('lang').toLowerCase() : ''; };
            const skip = el => !!el.closest('script, style, noscript, template, code, kbd, samp, [data-lang-exempt], svg');
            // Addresses, e-mail, codes (gdp_growth, gwr2024, 371302) and values quoted in “…” are data, not words.
            const englishWords = text => text
                .replace(/https?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ').replace(/\b[a-z0-9]+(?:[_\-.\/][a-z0-9]+)+\b/g, ' ')
                .replace(/\b\w*\d\w*\b/g, ' ').replace(/“[^”]*”/g, ' ')
                .match(/[A-Za-z][A-Za-z'.]*[A-Za-z]/g) || [];
            const wrong = (text, el) => {
                if (!text || !text.trim() || skip(el)) { return false; }
                // An option that names a code beside its label (gdp · 地区生产总值) shows the code as data.
                if (el.tagName === 'OPTION' && el.value) { text = text.split(el.value).join(' '); }
                const lang = langOf(el);
                if (english) { return han.test(text) && !lang.startsWith('zh'); }
                if (lang.startsWith('en')) { return false; }
                // Abbreviations in capitals (TFT-LCD, YYYY-MM) are names and formats, not sentences.
                const words = englishWords(text).filter(w => /[a-z]/.test(w) && !allow.has(w) && !allow.has(w.replace(/\.$/, '')));
                return words.length >= 2 || words.some(w => w.length >= 4 && w === w.toLowerCase());
            };
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (wrong(node.nodeValue, node.parentElement)) { found.push(node.nodeValue.trim().slice(0, 80) + ' ← <' + node.parentElement.tagName.toLowerCase() + '>'); }
            }
            for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], input[type=submit][value]')) {
                for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
                    const value = el.getAttribute(name);
                    if (value && wrong(value, el)) { found.push(name + '="' + value.slice(0, 80) + '" ← <' + el.tagName.toLowerCase() + '>'); }
                }
            }
            if (!english && wrong(document.title, document.body)) { found.push('title: ' + document.title); }
            if (english && han.test(document.title.replace(/临沂/g, ''))) { found.push('title: ' + document.title); }
            return found;
        }
        """;

    /// <summary>
    /// One visit to each page in each language, the two languages side by side: the page speaks only its language, and
    /// axe finds no violation of any impact.
    /// </summary>
    [Fact]
    public async Task EveryPublicAndAdminPageSpeaksOnlyItsLanguageAndAxeFindsNothing()
    {
        const string email = "languages@example.test", password = "a-long-languages-passphrase";
        await app.CreateUserAsync(email, password, Roles.Admin);
        var found = await Task.WhenAll(new[] { "zh-CN", "en" }.Select(async locale =>
        {
            var (language, axe) = (new List<string>(), new List<string>());
            var page = await app.NewPageAsync(locale);
            await ChooseLanguageAsync(page, locale);
            async Task CheckAsync(string url)
            {
                await PageProbe.OpenAsync(page, url);
                language.AddRange(await WrongLanguageAsync(page, url, locale));
                axe.AddRange((await PageProbe.AccessibilityViolationsAsync(page)).Select(v => $"{locale} {url}: {v}"));
            }
            foreach (var url in PublicPages)
            {
                await CheckAsync(url);
            }
            await SignInAsync(page, email, password);
            foreach (var url in AdminPages)
            {
                await CheckAsync(url);
            }
            await page.Context.CloseAsync();
            return (language, axe);
        }));
        var wrongLanguage = found.SelectMany(f => f.language).ToList();
        var violations = found.SelectMany(f => f.axe).ToList();
        Assert.True(wrongLanguage.Count == 0, string.Join("\n", wrongLanguage));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task NoPublicPageIsWiderThanAPhoneInEitherLanguage()
    {
        var found = await Task.WhenAll(new[] { "zh-CN", "en" }.Select(async locale =>
        {
            var problems = new List<string>();
            var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseAddress.ToString(),
                Locale = locale,
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
            });
            var page = await context.NewPageAsync();
            await ChooseLanguageAsync(page, locale);
            foreach (var url in PublicPages)
            {
                await PageProbe.OpenAsync(page, url);
                var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
                if (width > 390)
                {
                    var culprits = await page.EvaluateAsync<string[]>("""
                        () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)
                            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= 391)
                            .slice(0, 4).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                        """);
                    problems.Add($"{locale} {url}: {width}px ({string.Join("; ", culprits)})");
                }
            }
            await context.CloseAsync();
            return problems;
        }));
        var problems = found.SelectMany(f => f).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task OnAPhoneTheMenuFoldsAwayAndOpensFromTheKeyboard()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        Assert.False(await page.IsVisibleAsync(".main-nav a[href='/data']"));
        var header = await page.EvaluateAsync<double>("() => document.querySelector('.site-header').getBoundingClientRect().height");
        Assert.True(header < 80, $"the folded header is {header}px tall");
        await page.FocusAsync("#nav-toggle");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsVisibleAsync(".main-nav a[href='/data']"));
        await app.ScreenshotAsync(page, "phone-menu");
        await context.CloseAsync();
    }

    /// <summary>The language is the reader's choice, kept in a cookie (the browser's Accept-Language is not read).</summary>
    private static async Task ChooseLanguageAsync(IPage page, string locale)
    {
        await page.GotoAsync($"/culture/{locale}?returnUrl=/");
        Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForLoadStateAsync();
        Assert.True(page.Url.EndsWith("/admin", StringComparison.Ordinal), $"signing in ended on {page.Url}: {await page.InnerTextAsync("main")}");
    }

    private static async Task<IEnumerable<string>> WrongLanguageAsync(IPage page, string url, string locale)
    {
        var found = await page.EvaluateAsync<JsonElement>(WrongLanguageScript, new object[] { locale == "en", AllowedLatin });
        return found.EnumerateArray().Select(e => $"{locale} {url}: {e.GetString()}").Distinct();
    }
}
