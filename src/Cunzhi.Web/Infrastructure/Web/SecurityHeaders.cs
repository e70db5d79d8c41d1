using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Net.Http.Headers;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>
/// The response headers every answer carries (pages, API, static files, errors), caching, and HTTPS behind a proxy.
/// <list type="bullet">
/// <item>CSP: scripts only from our own origin (no inline script, no inline handler — page scripts live in wwwroot/js;
/// <c>&lt;script type="application/json"&gt;</c> data blocks are not executed and need no permission). Styles also allow
/// 'unsafe-inline': pages size charts and progress bars with computed <c>style="width: N%"</c>/<c>height</c> attributes and
/// ECharts, Bootstrap and Swagger UI set inline styles; CSS cannot run script, and every value in a style attribute is
/// either a number we computed or HTML-encoded by Razor. Images allow <c>data:</c> for the ballot QR codes and Bootstrap's
/// SVG icons.</item>
/// <item>nosniff, Referrer-Policy, Permissions-Policy, framing refused twice (<c>frame-ancestors 'none'</c> and
/// <c>X-Frame-Options: DENY</c> for older browsers).</item>
/// <item><c>Cache-Control: no-store</c> on everything but static files: tokens, revealed ID numbers, exports, the
/// authenticator key and recovery codes must never sit in a browser's or proxy's cache, and a simple rule cannot miss
/// one. Static files (our js/css/fonts, versioned by <c>asp-append-version</c>) are cached publicly.</item>
/// <item>HSTS and HTTPS redirection (Production by default; <c>Security:HttpsRedirect</c>, <c>Security:Hsts</c>) and the
/// forwarded-headers middleware for a reverse proxy that terminates TLS (<c>Security:ForwardedHeaders:*</c>).</item>
/// </list>
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=()";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";
    public const string NoStore = "no-store";

    /// <summary>Static files: a day; a day-old script after a deployment is harmless because pages ask for <c>?v=hash</c>.</summary>
    public const string StaticCache = "public, max-age=86400";

    /// <summary>A static file versioned by its content hash (<c>asp-append-version</c>) never changes under its URL.</summary>
    public const string VersionedStaticCache = "public, max-age=31536000, immutable";

    private const string StaticFileMark = "Cunzhi.StaticFile";

    /// <summary>Options for forwarded headers, HSTS, HTTPS redirection and static-file caching.</summary>
    public static IServiceCollection AddCunzhiSecurityHeaders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = config.GetValue("Security:ForwardedHeaders:ForwardLimit", 1);
            // Only the proxies named here are believed (loopback always is, as the framework's default); anyone else's
            // X-Forwarded-* is ignored, so a client cannot pretend to be on HTTPS or at another address.
            foreach (var p in List(config, "Security:ForwardedHeaders:KnownProxies"))
                o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in List(config, "Security:ForwardedHeaders:KnownNetworks"))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
            var hosts = List(config, "Security:ForwardedHeaders:AllowedHosts");
            if (hosts.Length > 0) o.AllowedHosts = hosts;
        });
        services.Configure<HstsOptions>(o =>
        {
            o.MaxAge = TimeSpan.FromDays(config.GetValue("Security:HstsMaxAgeDays", 365));
            o.IncludeSubDomains = config.GetValue("Security:HstsIncludeSubDomains", false);
        });
        services.Configure<HttpsRedirectionOptions>(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            // Behind a proxy the app has no HTTPS binding to discover the port from, and the framework would then skip the
            // redirect with only a log warning: default to 443 (Security:HttpsPort or ASPNETCORE_HTTPS_PORT for another).
            o.HttpsPort = config.GetValue<int?>("Security:HttpsPort") ?? config.GetValue<int?>("HTTPS_PORT") ?? 443;
        });
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = c =>
        {
            c.Context.Items[StaticFileMark] = true;
            c.Context.Response.Headers.CacheControl = c.Context.Request.Query.ContainsKey("v") ? VersionedStaticCache : StaticCache;
        });
        return services;
    }

    /// <summary>
    /// Forwarded headers (first, so the scheme and address are the client's), the headers on every answer, then HSTS and
    /// the HTTPS redirect where configured. Call before anything that can answer.
    /// </summary>
    public static WebApplication UseCunzhiSecurityHeaders(this WebApplication app)
    {
        var config = app.Configuration;
        if (config.GetValue("Security:ForwardedHeaders:Enabled", false))
            app.UseForwardedHeaders();
        app.Use(static (context, next) =>
        {
            // OnStarting runs after everything else wrote its headers (and after the exception handler cleared them),
            // so every answer — a page, an API result, a 404, a re-executed error page, a static file — gets these.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var h = http.Response.Headers;
                h.ContentSecurityPolicy = ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = ReferrerPolicy;
                h["Permissions-Policy"] = PermissionsPolicy;
                if (!http.Items.ContainsKey(StaticFileMark))
                {
                    h.CacheControl = NoStore;
                    h.Pragma = "no-cache";
                    h.Remove(HeaderNames.Expires);
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        var production = app.Environment.IsProduction();
        if (config.GetValue("Security:Hsts", production))
            app.UseHsts();
        if (config.GetValue("Security:HttpsRedirect", production))
            app.UseHttpsRedirection();
        return app;
    }

    private static string[] List(IConfiguration config, string key)
    {
        // Either a comma-separated string (an environment variable) or a JSON array.
        var section = config.GetSection(key);
        var items = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        return items.Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }
}
