using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The security headers on every kind of answer: pages, API results, API and page errors, static files; no-store on all
/// but static files.
/// </summary>
public abstract class SecurityHeadersTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    /// <summary>Checks every header; <paramref name="staticFile"/> expects a public cache instead of no-store.</summary>
    internal static void ShouldCarrySecurityHeaders(HttpResponseMessage r, string what, bool staticFile = false)
    {
        string? Header(string name) =>
            r.Headers.TryGetValues(name, out var v) ? string.Join(", ", v)
            : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(", ", c) : null;

        var csp = Header("Content-Security-Policy");
        csp.ShouldNotBeNull($"{what}: 缺少 Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        directives["script-src"].ShouldBe(["'self'"], $"{what}: 脚本只许本站文件");
        directives["default-src"].ShouldBe(["'self'"], what);
        directives["frame-ancestors"].ShouldBe(["'none'"], what);
        directives["object-src"].ShouldBe(["'none'"], what);
        directives["img-src"].ShouldContain("data:", $"{what}: 二维码是 data: 图片");
        csp.ShouldNotContain("unsafe-eval", Case.Insensitive, what);

        Header("X-Content-Type-Options").ShouldBe("nosniff", what);
        Header("X-Frame-Options").ShouldBe("DENY", what);
        Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin", what);
        var permissions = Header("Permissions-Policy");
        permissions.ShouldNotBeNull(what);
        permissions.ShouldContain("camera=()", Case.Sensitive, what);
        permissions.ShouldContain("microphone=()", Case.Sensitive, what);
        permissions.ShouldContain("geolocation=()", Case.Sensitive, what);

        var cache = r.Headers.CacheControl;
        cache.ShouldNotBeNull($"{what}: 缺少 Cache-Control");
        if (staticFile)
        {
            cache.Public.ShouldBeTrue(what);
            cache.NoStore.ShouldBeFalse(what);
        }
        else
        {
            cache.NoStore.ShouldBeTrue($"{what}: 应为 no-store");
            cache.Public.ShouldBeFalse(what);
            cache.MaxAge.ShouldBeNull(what);
        }
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_including_no_store()
    {
        var anonymous = f.Anonymous();
        ShouldCarrySecurityHeaders(await anonymous.GetAsync("/Account/Login"), "登录页");
        ShouldCarrySecurityHeaders(await anonymous.GetAsync("/"), "未登录访问首页（重定向）");

        var county = await f.PagesAs("county.admin");
        var home = await county.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(home, "县级首页");
        var cadreId = await f.WithSystemDb(db => Task.FromResult(db.Cadres.Where(c => c.RegionCode == Demo.Naoping).Select(c => c.Id).First()));
        var detail = await county.GetAsync($"/Cadres/Detail?id={cadreId}");
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(detail, "干部详情");
        var profile = await county.GetAsync("/Account/Profile");
        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(profile, "我的账号（验证器密钥）");
        var missing = await county.GetAsync("/Cadres/Detail?id=999999999");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldCarrySecurityHeaders(missing, "页面 404（错误页）");
    }

    [Fact]
    public async Task Every_api_answer_even_an_error_carries_the_security_headers_including_no_store()
    {
        var raw = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var token = await raw.PostAsJsonAsync("/api/v1/auth/token", new { userName = "county.admin", password = CunzhiFactory.Password });
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(token, "令牌");
        var unauthorized = await raw.GetAsync("/api/v1/cadres");
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ShouldCarrySecurityHeaders(unauthorized, "API 401");

        var api = await f.ApiAs("county.admin");
        var list = await api.GetAsync("/api/v1/cadres?pageSize=5");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(list, "干部列表");
        var notFound = await api.GetAsync("/api/v1/cadres/999999999");
        notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldCarrySecurityHeaders(notFound, "API 404");
        var unknownRoute = await api.GetAsync("/api/v1/no-such-thing");
        unknownRoute.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldCarrySecurityHeaders(unknownRoute, "未知 API 路径");
    }

    [Fact]
    public async Task Static_files_carry_the_security_headers_with_a_public_cache()
    {
        var anonymous = f.Anonymous();
        var site = await anonymous.GetAsync("/js/site.js");
        site.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(site, "静态文件", staticFile: true);
        var versioned = await anonymous.GetAsync("/css/site.css?v=abc");
        versioned.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(versioned, "带版本的静态文件", staticFile: true);
        versioned.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Pages_load_no_script_the_policy_would_block()
    {
        // Every <script> on a sample of pages is a file of our own origin or a JSON data block, and no element has an
        // on… handler: what the CSP would refuse in a browser (the source scan below covers the rest).
        var county = await f.PagesAs("county.admin");
        foreach (var url in new[] { "/", "/Analytics", "/Cadres", "/Account/Profile", "/Burden/Meter", "/Tasks/Stats", "/Vote", "/api-docs/index.html" })
        {
            var response = await county.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var doc = await CunzhiFactory.Html(response);
            foreach (var script in doc.QuerySelectorAll("script"))
            {
                var src = script.GetAttribute("src");
                if (src is null)
                    script.GetAttribute("type").ShouldBe("application/json", $"{url}: 内联脚本 {script.OuterHtml[..Math.Min(80, script.OuterHtml.Length)]}");
                else
                    new Uri(new Uri("http://localhost" + url), src).Host.ShouldBe("localhost", $"{url}: 外站脚本 {src}");
            }
            doc.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Name).ShouldBeEmpty(url);
        }
    }
}

public sealed class SecurityHeadersTests_Sqlite(SqliteFactory f) : SecurityHeadersTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class SecurityHeadersTests_Postgres(PostgresFactory f) : SecurityHeadersTests<PostgresFactory>(f);

/// <summary>No page source holds script the CSP (<c>script-src 'self'</c>) would refuse.</summary>
public sealed class InlineScriptTests
{
    private static readonly Regex Handler = new(@"<[a-zA-Z][^>]*\s(on[a-z]+)\s*=", RegexOptions.Compiled);

    private static IEnumerable<string> Pages()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cunzhi.slnx"))) dir = dir.Parent;
        dir.ShouldNotBeNull("找不到仓库根目录 (Cunzhi.slnx)");
        var pages = Directory.EnumerateFiles(Path.Combine(dir.FullName, "src", "Cunzhi.Web"), "*.cshtml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        pages.Count.ShouldBeGreaterThan(50);
        return pages;
    }

    [Fact]
    public void No_page_source_has_an_inline_script()
    {
        var offenders = new List<string>();
        foreach (var page in Pages())
        {
            // Razor is not HTML, but its <script> elements parse as elements; code blocks around them do not matter here.
            var doc = new HtmlParser().ParseDocument(File.ReadAllText(page));
            foreach (var script in doc.QuerySelectorAll("script"))
                if (script.GetAttribute("src") is null && script.GetAttribute("type") != "application/json")
                    offenders.Add($"{Path.GetFileName(page)}: {script.OuterHtml[..Math.Min(60, script.OuterHtml.Length)]}");
        }
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void No_page_source_has_an_inline_event_handler()
    {
        var offenders = Pages().SelectMany(p => Handler.Matches(File.ReadAllText(p)).Select(m => $"{Path.GetFileName(p)}: {m.Groups[1].Value}")).ToList();
        offenders.ShouldBeEmpty();
    }
}

/// <summary>
/// Production: HTTPS redirection and HSTS, and X-Forwarded-Proto believed only from a configured proxy. SQLite only:
/// nothing here reads the database beyond starting up.
/// </summary>
public sealed class ProductionHttpsTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cunzhi-prod-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _app = null!;

    private sealed class ProductionFactory(string dir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
            builder.UseSetting("ConnectionStrings:Cunzhi", $"Data Source={Path.Combine(dir, "cunzhi.db")}");
            builder.UseSetting("DataProtection:KeysPath", Path.Combine(dir, "keys"));
            builder.UseSetting("PersonalData:Key", Convert.ToBase64String(new byte[32]));
            builder.UseSetting("Security:ForwardedHeaders:Enabled", "true");
            builder.UseSetting("Security:ForwardedHeaders:KnownProxies", "10.0.0.5");
            // The test server has no client address: the header X-Test-Peer plays the connection's remote address.
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerFilter()));
        }
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((c, n) =>
            {
                if (c.Request.Headers["X-Test-Peer"].FirstOrDefault() is { } peer) c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return n(c);
            });
            next(app);
        };
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _app = new ProductionFactory(_dir);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private HttpClient Client(string baseAddress) =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    [Fact]
    public async Task Production_redirects_plain_http_to_https()
    {
        var plain = await Client("http://cunzhi.example").GetAsync("/Account/Login");
        plain.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        plain.Headers.Location!.ToString().ShouldBe("https://cunzhi.example/Account/Login");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS 只经 HTTPS 发送");
    }

    [Fact]
    public async Task Production_sends_hsts_over_https()
    {
        var secure = await Client("https://cunzhi.example").GetAsync("/Account/Login");
        secure.StatusCode.ShouldBe(HttpStatusCode.OK);
        string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")).ShouldContain("max-age=31536000");
        SecurityHeadersTests<SqliteFactory>.ShouldCarrySecurityHeaders(secure, "生产环境登录页");
    }

    [Fact]
    public async Task A_known_proxy_terminating_tls_is_believed()
    {
        var behindProxy = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "203.0.113.9" }, { "X-Test-Peer", "10.0.0.5" } } };
        var viaProxy = await Client("http://cunzhi.example").SendAsync(behindProxy);
        viaProxy.StatusCode.ShouldBe(HttpStatusCode.OK, "受信代理已终止 TLS，不应再重定向");
        viaProxy.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    [Fact]
    public async Task A_forwarded_https_claim_from_an_unknown_peer_is_not_believed()
    {
        var spoofed = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { { "X-Forwarded-Proto", "https" }, { "X-Test-Peer", "198.51.100.7" } } };
        var direct = await Client("http://cunzhi.example").SendAsync(spoofed);
        direct.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect, "不受信的来源伪造 X-Forwarded-Proto 无效");
    }
}
