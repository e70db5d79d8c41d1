using System.Net;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The permission table is what the app enforces: every <c>/api/v1</c> endpoint and every page that names a capability,
/// called as each demo account and anonymously, is refused exactly when <see cref="Permissions"/> says so. An empty body
/// and unknown ids are sent on purpose: an allowed account gets 200/400/404/409/…, never 401/403 and never a 500.
/// (Region scope — which rows an allowed account sees — is tested by each area.)
/// </summary>
public abstract class PermissionTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    /// <summary>The demo accounts (README) with their role and the level of their region.</summary>
    public static readonly (string User, string Role, RegionLevel Level)[] Accounts =
    [
        ("county.admin", Roles.CountyAdmin, RegionLevel.County),
        ("coord.office", Roles.CoordinationOffice, RegionLevel.County),
        ("dept.agri", Roles.Department, RegionLevel.County),
        ("discipline", Roles.DisciplineInspector, RegionLevel.County),
        ("town.sanxing", Roles.TownAdmin, RegionLevel.Town),
        ("village.naoping", Roles.VillageCadre, RegionLevel.Village),
        ("province.jiangxi", Roles.ProvinceViewer, RegionLevel.Province),
    ];

    /// <summary>The capabilities an endpoint requires (every one must allow), from its authorization metadata.</summary>
    public static IReadOnlyList<string> CapabilitiesOf(Endpoint e)
    {
        var table = Permissions.All.Select(c => c.Name).ToHashSet();
        return e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Where(table.Contains).Distinct().ToList();
    }

    /// <summary>Policies on the endpoint outside the table and the API sign-in (the per-account reveal grant).</summary>
    private static bool HasOtherPolicies(Endpoint e) =>
        e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
            .Any(p => p != Cunzhi.Web.Infrastructure.Security.SecuritySetup.ApiPolicy && Permissions.All.All(c => c.Name != p));

    public static bool IsApi(RouteEndpoint e) => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal);

    public static bool IsPage(RouteEndpoint e) => e.Metadata.GetMetadata<PageRouteMetadata>() is not null;

    /// <summary>A URL for the pattern: every parameter an id no row has (it satisfies int/long constraints), optional ones left out.</summary>
    public static string UrlOf(RoutePattern pattern)
    {
        var parts = pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart sep => sep.Content,
            RoutePatternParameterPart { IsOptional: true } => "",
            RoutePatternParameterPart => "999999",
            _ => "",
        }))).Where(s => s.Length > 0);
        return "/" + string.Join("/", parts);
    }

    private List<RouteEndpoint> Endpoints() => f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static bool Allowed(IReadOnlyList<string> capabilities, string role, RegionLevel level) =>
        capabilities.All(c => Permissions.Allows(c, [role], level));

    private static bool Refused(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
           && r.Headers.Location?.ToString() is { } l && (l.Contains("/Account/Login") || l.Contains("/Account/AccessDenied"));

    [Fact]
    public async Task Every_api_endpoint_refuses_exactly_whom_the_table_refuses()
    {
        var endpoints = Endpoints().Where(IsApi).Select(e => (Endpoint: e, Capabilities: CapabilitiesOf(e))).Where(x => x.Capabilities.Count > 0).ToList();
        endpoints.Count.ShouldBeGreaterThan(100);
        var clients = new List<(string User, string Role, RegionLevel Level, HttpClient Client)>();
        foreach (var (user, role, level) in Accounts) clients.Add((user, role, level, await f.ApiAs(user)));
        var anonymous = f.Anonymous();
        var problems = new List<string>();
        foreach (var (e, capabilities) in endpoints)
        {
            var url = UrlOf(e.RoutePattern);
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                // An upload endpoint's content type is matched by routing before authorization (415): send it an empty form.
                var multipart = e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
                HttpRequestMessage Request() => new(new HttpMethod(method), url)
                {
                    Content = method is "GET" or "DELETE" ? null
                        : multipart ? new MultipartFormDataContent()
                        : new StringContent("", System.Text.Encoding.UTF8, "application/json"),
                };
                var a = await anonymous.SendAsync(Request());
                if (a.StatusCode != HttpStatusCode.Unauthorized) problems.Add($"anonymous {method} {url}: {(int)a.StatusCode}");
                foreach (var (user, role, level, client) in clients)
                {
                    var r = await client.SendAsync(Request());
                    var allowed = Allowed(capabilities, role, level);
                    if (!allowed && !Refused(r)) problems.Add($"{user} {method} {url} [{string.Join(",", capabilities)}]: {(int)r.StatusCode}, expected refused");
                    if (allowed && !HasOtherPolicies(e) && (Refused(r) || (int)r.StatusCode >= 500))
                        problems.Add($"{user} {method} {url} [{string.Join(",", capabilities)}]: {(int)r.StatusCode}, expected allowed");
                }
            }
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_page_refuses_exactly_whom_the_table_refuses()
    {
        var pages = Endpoints().Where(IsPage).Select(e => (Endpoint: e, Capabilities: CapabilitiesOf(e))).Where(x => x.Capabilities.Count > 0)
            .GroupBy(x => UrlOf(x.Endpoint.RoutePattern)).Select(g => g.First()).ToList();
        pages.Count.ShouldBeGreaterThan(40);
        var clients = new List<(string User, string Role, RegionLevel Level, HttpClient Client)>();
        foreach (var (user, role, level) in Accounts) clients.Add((user, role, level, await f.PagesAs(user)));
        var anonymous = f.Anonymous();
        var problems = new List<string>();
        foreach (var (e, capabilities) in pages)
        {
            var url = UrlOf(e.RoutePattern);
            var a = await anonymous.GetAsync(url);
            if (!(a.StatusCode == HttpStatusCode.Redirect && a.Headers.Location?.ToString().Contains("/Account/Login") == true))
                problems.Add($"anonymous GET {url}: {(int)a.StatusCode} {a.Headers.Location}");
            foreach (var (user, role, level, client) in clients)
            {
                var r = await client.GetAsync(url);
                var allowed = Allowed(capabilities, role, level);
                if (allowed != !Refused(r) || (int)r.StatusCode >= 500)
                    problems.Add($"{user} GET {url} [{string.Join(",", capabilities)}]: {(int)r.StatusCode} {r.Headers.Location}, expected {(allowed ? "allowed" : "refused")}");
            }
        }
        problems.ShouldBeEmpty();
    }
}

public sealed class PermissionTests_Sqlite(SqliteFactory f) : PermissionTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PermissionTests_Postgres(PostgresFactory f) : PermissionTests<PostgresFactory>(f);
