using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Every area is one module (<see cref="IFeatureModule"/>) found by the composition root: each <c>/api/v1</c> endpoint
/// is mapped by a module (it carries the module's tag), and no source file outside a module maps API routes. Adding an
/// area therefore touches only its own folder. Each endpoint's handler is a named method of its module (a short route
/// table pointing at named handlers), not a lambda.
/// </summary>
public sealed class ModuleConventionTests(SqliteFactory f) : IClassFixture<SqliteFactory>
{
    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Cunzhi.slnx"))) return d.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Cunzhi.slnx）");
    }

    /// <summary>The API endpoints of a running app that no module mapped, as "METHOD pattern".</summary>
    public static List<string> EndpointsOutsideModules(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<FeatureModuleTag>() is null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();

    private static readonly Regex MapsRoutes = new(@"\.Map(Get|Post|Put|Delete|Patch|Methods|Group)\(");

    /// <summary>
    /// Lines of src/Cunzhi.Web that map routes outside a module file, the composition root, the health check and the one
    /// shared route table of versioned policies (a module maps it into its own group, so its endpoints carry the module's tag).
    /// </summary>
    public static List<string> RouteMapsOutsideModules(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src", "Cunzhi.Web"), "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .Where(f => !f.Path.Contains("/obj/") && !f.Path.Contains("/bin/") && !f.Path.EndsWith("Module.cs", StringComparison.Ordinal)
                        && f.Path is not "src/Cunzhi.Web/Features/CunzhiApi.cs" and not "src/Cunzhi.Web/Infrastructure/Web/WebSetup.cs"
                            and not "src/Cunzhi.Web/Infrastructure/Web/PolicyEndpoints.cs")
            .SelectMany(f => File.ReadLines(f.File).Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => MapsRoutes.IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

    /// <summary>A handler the compiler made: a lambda or a local function (its name holds '&lt;'), or one in a generated closure class.</summary>
    public static bool IsCompilerGenerated(MethodInfo method) =>
        method.Name.Contains('<') || method.IsDefined(typeof(CompilerGeneratedAttribute))
        || method.DeclaringType is { } t && (t.Name.Contains('<') || t.IsDefined(typeof(CompilerGeneratedAttribute)));

    /// <summary>The API endpoints whose handler is a lambda rather than a named method, as "METHOD pattern (module)".</summary>
    public static List<string> EndpointsWithLambdaHandlers(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not { } m || IsCompilerGenerated(m))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText} ({e.Metadata.GetMetadata<FeatureModuleTag>()?.Module})")
            .ToList();

    [Fact]
    public void Every_API_endpoint_has_a_named_handler() =>
        EndpointsWithLambdaHandlers(f.Services.GetRequiredService<EndpointDataSource>().Endpoints)
            .ShouldBeEmpty("每个 /api/v1 端点的处理方法应是模块中的具名静态方法（路由表指向具名处理方法），而不是 lambda");

    [Fact]
    public void The_named_handler_check_finds_a_lambda()
    {
        RouteEndpoint Endpoint(string pattern, Delegate handler, string module) => new(_ => Task.CompletedTask,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(pattern), 0,
            new EndpointMetadataCollection(new HttpMethodMetadata(["GET"]), new FeatureModuleTag(module), handler.Method), pattern);
        var captured = 2;
        EndpointsWithLambdaHandlers([
                Endpoint("/api/v1/lambda", () => 1, "Grids"),
                Endpoint("/api/v1/closure", () => captured, "Grids"),
                Endpoint("/api/v1/named", Cunzhi.Web.Features.Audit.AuditModule.Head, "Grids"),
            ])
            .ShouldBe(["GET /api/v1/lambda (Grids)", "GET /api/v1/closure (Grids)"]);
    }

    [Fact]
    public void Every_API_endpoint_is_mapped_by_a_feature_module() =>
        EndpointsOutsideModules(f.Services.GetRequiredService<EndpointDataSource>().Endpoints).ShouldBeEmpty("每个 /api/v1 端点都应由其所在领域的模块（IFeatureModule）注册");

    [Fact]
    public void Every_area_with_endpoints_has_exactly_one_module()
    {
        var tags = f.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<FeatureModuleTag>()?.Module).OfType<string>().Distinct().ToList();
        tags.ShouldBe(FeatureModules.All.Select(FeatureModules.NameOf).Distinct().ToList(), ignoreOrder: true);
        FeatureModules.All.GroupBy(m => m.GetType().Namespace).ShouldAllBe(g => g.Count() == 1, "一个领域只有一个模块");
    }

    [Fact]
    public void No_source_file_outside_a_module_maps_API_routes() =>
        RouteMapsOutsideModules(RepoRoot()).ShouldBeEmpty("端点只在各领域的 *Module.cs 中注册");

    [Fact]
    public void The_convention_checks_find_a_route_mapped_outside_a_module()
    {
        // The source check: a handler file that maps a route is found.
        var root = Directory.CreateTempSubdirectory("cunzhi-modules-");
        try
        {
            var dir = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Features", "Grids"));
            File.WriteAllText(Path.Combine(dir.FullName, "GridHandlers.cs"), "secured.MapGet(\"/grids\", () => 1);\n");
            File.WriteAllText(Path.Combine(dir.FullName, "GridsModule.cs"), "secured.MapGet(\"/grids/2\", () => 2);\n");
            RouteMapsOutsideModules(root.FullName).ShouldHaveSingleItem().ShouldStartWith("src/Cunzhi.Web/Features/Grids/GridHandlers.cs:1:");
        }
        finally { root.Delete(recursive: true); }

        // The endpoint check: an API route without a module's tag is found, one with it is not.
        RouteEndpoint Endpoint(string pattern, params object[] metadata) => new(_ => Task.CompletedTask,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(pattern), 0,
            new EndpointMetadataCollection([new HttpMethodMetadata(["GET"]), .. metadata]), pattern);
        EndpointsOutsideModules([Endpoint("/api/v1/outside"), Endpoint("/api/v1/inside", new FeatureModuleTag("Grids")), Endpoint("/Grids")])
            .ShouldBe(["GET /api/v1/outside"]);
    }
}
