using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Issue #15 item 5: no input gets a 500. Walks every API route of the running app (from its EndpointDataSource) and
/// every page, as a county admin and as a town admin, and sends each write route bad JSON, no body, wrong JSON types,
/// out-of-range dates, null list elements, oversized strings, undefined enum values, control characters and the wrong
/// content type, and each route's query parameters bad values; bodies are built from the handler's own parameter types,
/// so a plausible body reaches the handler and only the named part is wrong. Fails listing every method, route and case
/// that answered 500, and every 4xx answer without a Chinese title or with English detail.
/// </summary>
public abstract partial class MalformedInputSweepTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Village = Demo.Naoping, Town = Demo.Sanxing;
    private const string BogusId = "999999999", BogusCode = "360922999999";
    private static readonly string Monday = MondayOf(China.Today).ToString("yyyy-MM-dd");

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Chinese();

    private sealed record Route(string Method, RoutePatternInfo Pattern, MethodInfo? Handler, Type? Body, bool Multipart);

    private sealed record RoutePatternInfo(string Raw, string[] Parameters);

    private sealed record Case(string Name, HttpMethod Method, string Url, Func<HttpContent?> Content);

    private enum Mode { Plausible, WrongTypes, DatesLow, DatesHigh, NullElements, Oversized, EnumUndefined, ControlChars }

    [Fact]
    public async Task No_route_answers_500_or_refuses_without_a_Chinese_title()
    {
        var routes = ApiRoutes();
        routes.Count(r => r.Method != "GET").ShouldBeGreaterThan(100, "the sweep must see every write route");
        var failures = new List<string>();
        var throwaway = await ThrowawayAccountIdAsync();
        foreach (var user in new[] { "county.admin", "town.sanxing" })
        {
            var api = await f.ApiAs(user);
            foreach (var route in routes)
                foreach (var c in Cases(route, throwaway))
                    await SendAsync(api, c, $"{route.Method} {route.Pattern.Raw} [{user}] {c.Name}", failures);
            var pages = await f.PagesAs(user);
            foreach (var c in PageCases())
                await SendAsync(pages, c, $"GET {c.Url} [{user}] {c.Name}", failures, page: true);
        }
        failures.ShouldBeEmpty($"{failures.Count} 个请求出错：\n" + string.Join("\n", failures));
    }

    private async Task SendAsync(HttpClient client, Case c, string label, List<string> failures, bool page = false)
    {
        using var request = new HttpRequestMessage(c.Method, c.Url) { Content = c.Content() };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (Exception e)
        {
            failures.Add($"{label} → 异常 {e.GetType().Name}: {e.Message}");
            return;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{label} → {status}");
                return;
            }
            if (page || status < 400) return;
            var text = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{label} → {status} 不是 ProblemDetails：{Short(text)}");
                return;
            }
            using var doc = JsonDocument.Parse(text);
            var title = doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
            if (!Chinese().IsMatch(title) || title == "服务器内部错误")
                failures.Add($"{label} → {status} 标题不是相应的中文：{title}");
            if (doc.RootElement.TryGetProperty("detail", out var d) && d.GetString() is { Length: > 0 } detail && !Chinese().IsMatch(detail))
                failures.Add($"{label} → {status} 说明不是中文：{Short(detail)}");
        }
    }

    private static string Short(string s) => s.Length > 200 ? s[..200] + "…" : s;

    /// <summary>An account the sweep may lock, rename or strip of roles: never one of the signed-in accounts.</summary>
    private async Task<string> ThrowawayAccountIdAsync()
    {
        await using var scope = f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Cunzhi.Web.Infrastructure.Seed.DemoSeeder>()
            .CreateAccountAsync("sweep.target", CunzhiFactory.Password, Domain.Accounts.Roles.TownAdmin, Town, "扫描用账号");
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Cunzhi.Data.Security.AppUser>>();
        return (await users.FindByNameAsync("sweep.target"))!.Id.ToString();
    }

    private List<Route> ApiRoutes()
    {
        var isService = f.Services.GetRequiredService<IServiceProviderIsService>();
        var routes = new List<Route>();
        foreach (var e in f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (!raw.StartsWith("/api/v1")) continue;
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var handler = e.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>();
            var multipart = accepts?.ContentTypes.Any(t => t.StartsWith("multipart/")) == true;
            var parameters = e.RoutePattern.Parameters.Select(p => p.Name).ToArray();
            var body = handler?.GetParameters().FirstOrDefault(p => IsBody(p, parameters, isService))?.ParameterType;
            foreach (var m in methods)
                routes.Add(new Route(m, new RoutePatternInfo(raw, parameters), handler, body, multipart));
        }
        return routes.OrderBy(r => r.Pattern.Raw).ThenBy(r => r.Method).ToList();
    }

    private static bool IsBody(ParameterInfo p, string[] routeParameters, IServiceProviderIsService isService) =>
        !routeParameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase) && !IsSimple(p.ParameterType) && !IsInfrastructure(p.ParameterType)
        && !isService.IsService(p.ParameterType) && p.GetCustomAttributes().All(a => a.GetType().Name is not ("FromServicesAttribute" or "AsParametersAttribute"));

    private static bool IsInfrastructure(Type t) =>
        t == typeof(CancellationToken) || t == typeof(HttpContext) || t == typeof(HttpRequest) || t == typeof(HttpResponse)
        || t == typeof(System.Security.Claims.ClaimsPrincipal) || typeof(IFormFile).IsAssignableFrom(t) || typeof(IFormFileCollection).IsAssignableFrom(t)
        || t == typeof(IFormCollection) || t == typeof(Stream);

    private static bool IsSimple(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
               || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(TimeOnly);
    }

    private static IEnumerable<(string Name, Type Type)> QueryParameters(Route r) =>
        r.Handler?.GetParameters()
            .Where(p => IsSimple(p.ParameterType) && !r.Pattern.Parameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => (p.Name!, p.ParameterType)) ?? [];

    private IEnumerable<Case> Cases(Route r, string throwawayAccount)
    {
        var method = new HttpMethod(r.Method);
        var write = r.Method != "GET";
        foreach (var (fill, fillName) in new[] { (true, "现有编号"), (false, "不存在的编号") })
        {
            var path = Path(r, fill, throwawayAccount);
            var query = QueryParameters(r).ToList();
            string Url(Dictionary<string, string>? overrides = null)
            {
                var values = query.ToDictionary(q => q.Name, q => PlausibleQuery(q.Name, q.Type));
                foreach (var (k, v) in overrides ?? []) values[k] = v;
                var qs = string.Join("&", values.Where(v => v.Value.Length > 0).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));
                return qs.Length == 0 ? path : $"{path}?{qs}";
            }
            Func<HttpContent?> Json(string json, string type = "application/json") => () => new StringContent(json, Encoding.UTF8, type);
            string BodyOf(Mode mode) => r.Body is null ? "{}" : Plausible(r.Body, mode, 0)?.ToJsonString() ?? "null";
            var plausibleBody = write ? Json(BodyOf(Mode.Plausible)) : () => null;

            yield return new Case($"{fillName} 合理请求", method, Url(), plausibleBody);
            // Bad query values, each alone with the rest plausible, then all at once.
            var bad = new Dictionary<string, string>();
            foreach (var (name, type) in query)
                foreach (var value in BadQueryValues(name, type))
                {
                    bad[name] = value;
                    yield return new Case($"{fillName} 查询参数 {name}={value}", method, Url(new() { [name] = value }), plausibleBody);
                }
            foreach (var (name, value) in new[] { ("year", "99999"), ("month", "9999-12"), ("week", "0001-01-01"), ("page", "abc"), ("period", "13") })
                bad.TryAdd(name, value);
            yield return new Case($"{fillName} 查询参数全部越界", method, Url(bad), plausibleBody);
            if (!write) continue;

            if (r.Multipart)
            {
                yield return new Case($"{fillName} 损坏的 multipart", method, Url(), () =>
                {
                    var c = new StringContent("--XYZ\r\nContent-Disposition: form-data; name=\"cadreId\"\r\n\r\n1\r\n--XYZ\r\nContent-Disposition: form-da", Encoding.UTF8);
                    c.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
                    return c;
                });
                yield return new Case($"{fillName} multipart 无边界", method, Url(), () =>
                {
                    var c = new StringContent("abc", Encoding.UTF8);
                    c.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
                    return c;
                });
                yield return new Case($"{fillName} 控制字符字段", method, Url(), () => new MultipartFormDataContent
                {
                    { new StringContent("1"), "cadreId" }, { new StringContent("0001-01-01"), "date" }, { new StringContent("99"), "kind" },
                    { new StringContent("备注\u0000\u202E"), "note" }, { new ByteArrayContent([0, 1, 2]), "file", "坏.png" },
                });
                yield return new Case($"{fillName} JSON 发给 multipart 路由", method, Url(), Json("{}"));
                continue;
            }
            if (!fill && r.Body is null) continue;
            yield return new Case($"{fillName} 坏 JSON", method, Url(), Json("{\"a\": "));
            yield return new Case($"{fillName} 空请求体", method, Url(), Json(""));
            yield return new Case($"{fillName} 无请求体", method, Url(), () => null);
            yield return new Case($"{fillName} JSON null", method, Url(), Json("null"));
            yield return new Case($"{fillName} 数组代替对象", method, Url(), Json("[]"));
            yield return new Case($"{fillName} text/plain", method, Url(), Json(BodyOf(Mode.Plausible), "text/plain"));
            yield return new Case($"{fillName} multipart 发给 JSON 路由", method, Url(), () => new MultipartFormDataContent { { new StringContent("1"), "id" } });
            if (r.Body is null) continue;
            foreach (var mode in Enum.GetValues<Mode>().Where(m => m != Mode.Plausible))
                yield return new Case($"{fillName} {mode}", method, Url(), Json(BodyOf(mode)));
        }
    }

    private static string Path(Route r, bool existing, string throwawayAccount)
    {
        var path = r.Pattern.Raw;
        foreach (var p in r.Pattern.Parameters)
        {
            var value = p.ToLowerInvariant() switch
            {
                "code" or "region" or "village" => existing ? Village : BogusCode,
                "town" => existing ? Town : BogusCode,
                "kind" => existing ? "Monthly" : "Nope",
                "n" or "version" => existing ? "1" : BogusId,
                "year" => existing ? "2025" : "99999",
                "id" when r.Pattern.Raw.StartsWith("/api/v1/accounts") => existing ? throwawayAccount : BogusId,
                _ => existing ? "1" : BogusId,
            };
            path = Regex.Replace(path, @"\{\*{0,2}" + Regex.Escape(p) + @"(:[^}]*)?\??\}", value);
        }
        return path;
    }

    private static string PlausibleQuery(string name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var optional = Nullable.GetUnderlyingType(type) is not null || (!t.IsValueType);
        switch (name.ToLowerInvariant())
        {
            case "year": return "2025";
            case "period" or "quarter": return "1";
            case "month" when t == typeof(string): return "2025-06";
            case "month": return "6";
            case "week": return Monday;
            case "page": return "1";
            case "pagesize": return "10";
            case "region" or "village" or "code": return Village;
            case "town": return Town;
        }
        if (t == typeof(DateOnly)) return China.Today.ToString("yyyy-MM-dd");
        if (t == typeof(bool)) return "false";
        if (t.IsEnum) return Enum.GetNames(t)[0];
        if (t == typeof(int) || t == typeof(long)) return "1";
        return optional ? "" : "测试";
    }

    private static IEnumerable<string> BadQueryValues(string name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        switch (name.ToLowerInvariant())
        {
            case "year": return ["99999", "-1", "abc"];
            case "month": return ["9999-12", "0001-01", "2025-13", "13", "abc"];
            case "week": return ["0001-01-01", "9999-12-31", "abc"];
            case "period" or "quarter": return ["13", "0", "-5"];
            case "page" or "pagesize": return ["abc", "-1", "2147483647"];
        }
        if (t == typeof(DateOnly)) return ["0001-01-01", "9999-12-31", "abc"];
        if (t == typeof(int) || t == typeof(long)) return ["abc", "99999999999999999999"];
        if (t.IsEnum) return ["99", "Nope"];
        if (t == typeof(bool)) return ["abc"];
        if (t == typeof(string)) return [new string('字', 5000) + "\u0000\u202E"];
        return [];
    }

    /// <summary>A JSON value of the type, plausible except for what the mode breaks.</summary>
    private static JsonNode? Plausible(Type type, Mode mode, int depth, string name = "")
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var n = name.ToLowerInvariant();
        if (t == typeof(string))
            return mode switch
            {
                Mode.Oversized => new string('长', 100_000),
                Mode.ControlChars => "张\u0000三\u202E\u0007",
                Mode.WrongTypes => JsonValue.Create(123),
                Mode.DatesLow or Mode.DatesHigh when n.Contains("month") => mode == Mode.DatesLow ? "0001-00" : "9999-12",
                Mode.DatesLow or Mode.DatesHigh when n.Contains("date") || n.Contains("week") => mode == Mode.DatesLow ? "0001-01-01" : "9999-12-31",
                _ => n switch
                {
                    "region" or "village" or "code" or "regioncode" => Village,
                    "town" => Town,
                    "month" => "2025-06",
                    _ => "测试",
                },
            };
        if (t == typeof(bool)) return mode == Mode.WrongTypes ? "abc" : false;
        if (t.IsEnum) return mode switch { Mode.EnumUndefined => 99, Mode.WrongTypes => "Nope", _ => Enum.GetNames(t)[0] };
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(decimal) || t == typeof(double))
        {
            if (mode == Mode.WrongTypes) return "abc";
            if (mode is Mode.DatesLow or Mode.DatesHigh && (n.Contains("year") || n.Contains("month") || n.Contains("period") || n.Contains("quarter") || n.Contains("day")))
                return mode == Mode.DatesLow ? -1 : 99999;
            return n switch
            {
                var s when s.Contains("year") => 2025,
                var s when s.Contains("month") || s.Contains("period") || s.Contains("quarter") => 1,
                _ => 1,
            };
        }
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
            return mode switch
            {
                Mode.DatesLow => "0001-01-01",
                Mode.DatesHigh => t == typeof(DateOnly) ? "9999-12-31" : "9999-12-31T23:59:59Z",
                Mode.WrongTypes => 5,
                _ => t == typeof(DateOnly) ? (n.Contains("week") ? Monday : China.Today.ToString("yyyy-MM-dd")) : DateTimeOffset.UtcNow.ToString("O"),
            };
        if (t == typeof(TimeOnly)) return mode == Mode.WrongTypes ? 5 : "14:00";
        if (t == typeof(Guid)) return Guid.NewGuid().ToString();
        if (depth > 4) return null;
        if (ElementType(t) is { } element)
        {
            if (mode == Mode.WrongTypes) return new JsonObject { ["x"] = 1 };
            var array = new JsonArray { Plausible(element, mode, depth + 1, name) };
            if (mode == Mode.NullElements) array.Add(null);
            return array;
        }
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return mode == Mode.WrongTypes ? new JsonArray(1) : new JsonObject();
        var obj = new JsonObject();
        foreach (var (propName, propType) in Members(t))
            obj[JsonNamingPolicy.CamelCase.ConvertName(propName)] = Plausible(propType, mode, depth + 1, propName);
        return obj;
    }

    private static Type? ElementType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        if (t.IsGenericType && t.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(t)) return t.GetGenericArguments()[0];
        return t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static IEnumerable<(string, Type)> Members(Type t)
    {
        var ctor = t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in ctor?.GetParameters() ?? [])
            if (seen.Add(p.Name!)) yield return (p.Name!, p.ParameterType);
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            if (seen.Add(p.Name)) yield return (p.Name, p.PropertyType);
    }

    private IEnumerable<Case> PageCases()
    {
        var queries = new[] { "page=abc", "year=99999", "month=9999-12", "week=0001-01-01", "period=13", "id=abc", "from=0001-01-01&to=9999-12-31",
            "asOf=0001-01-01", "region=abc", "town=abc", "kind=99", "status=99", "pageSize=-1", "q=%00%E2%80%AE" };
        foreach (var e in f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null) continue;
            var raw = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (raw.StartsWith("/Account/Log")) continue; // signing out or in again would end the session the sweep runs on
            var path = raw;
            foreach (var p in e.RoutePattern.Parameters)
                path = Regex.Replace(path, @"\{\*{0,2}" + Regex.Escape(p.Name) + @"(:[^}]*)?\??\}", p.Name is "code" ? Village : "1");
            foreach (var q in queries)
                yield return new Case($"页面 {q}", HttpMethod.Get, $"{path}?{q}", () => null);
            yield return new Case("页面 全部越界", HttpMethod.Get, $"{path}?{string.Join("&", queries)}", () => null);
        }
    }

    private static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
}

public sealed class MalformedInputSweepTests_Sqlite(SqliteFactory f) : MalformedInputSweepTests<SqliteFactory>(f);

public sealed class MalformedInputSweepTests_SqliteProduction(SqliteProductionFactory f) : MalformedInputSweepTests<SqliteProductionFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MalformedInputSweepTests_Postgres(PostgresFactory f) : MalformedInputSweepTests<PostgresFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MalformedInputSweepTests_PostgresProduction(PostgresProductionFactory f) : MalformedInputSweepTests<PostgresProductionFactory>(f);
