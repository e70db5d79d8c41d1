using System.Reflection;
using System.Text.RegularExpressions;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Who may do what is said in one place, the permission table (<see cref="Permissions"/>): no source file checks a role
/// itself, every endpoint and page names a capability unless it is listed here as open, and every capability is used.
/// </summary>
public sealed class PermissionConventionTests(SqliteFactory f) : IClassFixture<SqliteFactory>
{
    /// <summary>
    /// API endpoints without a capability: anonymous (sign-in, the ballot), or for any signed-in account (its session, its region
    /// tree within scope, 班子结构, its own import jobs).
    /// </summary>
    public static readonly string[] OpenEndpoints =
    [
        "POST api/v1/auth/token", "POST api/v1/auth/refresh", "POST api/v1/auth/logout", "GET api/v1/me", "GET api/v1/me/todos",
        "POST api/v1/evaluations/ballot/open", "POST api/v1/evaluations/ballot/",
        "POST api/v1/matters/receipt/open", "POST api/v1/matters/receipt/confirm", "POST api/v1/matters/receipt/reopen",
        "POST api/v1/public/complaints/", "POST api/v1/public/complaints/progress", // 信访举报的公开接口, no account
        "GET api/v1/regions/", "GET api/v1/regions/{code}", "GET api/v1/regions/{code}/children", "GET api/v1/regions/{code}/stats",
        "GET api/v1/imports/{id}", "GET api/v1/imports/{id}/errors",
        "GET api/v1/analytics/structure",
    ];

    /// <summary>Pages without a capability: sign-in, errors, the anonymous ballot, and pages every signed-in account has.</summary>
    public static readonly string[] OpenPages =
    [
        "", "Index", "Error", "Account/Login", "Account/LoginWith2fa", "Account/Logout", "Account/AccessDenied", "Account/Profile",
        "Regions", "Regions/Index", "Regions/Stats", "Analytics", "Analytics/Index", "Evaluations/Vote", "Matters/Receipt", "Imports/Job",
        "Points/Board", "Points/BoardObjection", // the public points board (积分公示栏) and its objection form, no account
        "Duty/Board", // the public duty board (值班公示), no account
        "Disclosure/Gongkai", "Disclosure/GongkaiRegion", "Disclosure/GongkaiPrint", "Disclosure/GongkaiFile", // the public 村务公开 portal, no account
        "Complaints/File", "Complaints/Follow", // 信访举报 /Jubao and 举报查询 /Jubao/Chaxun, no account
        "Powers/Quanli", // the public power-exercise page (权力运行公开), no account
    ];

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Cunzhi.slnx"))) return d.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Cunzhi.slnx）");
    }

    private static readonly Regex RoleCheck = new(@"RequireRole\(|\bRoles\s*=|IsInRole\b");

    /// <summary>The files allowed to look at roles: the table and the policies built from it.</summary>
    private static readonly string[] RoleFiles = ["src/Cunzhi.Domain/Accounts/Permissions.cs", "src/Cunzhi.Web/Infrastructure/Security/PermissionPolicies.cs"];

    private static IEnumerable<(string Path, string Text)> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/") && !p.Contains("/Migrations/"))
            .Select(p => (p, File.ReadAllText(Path.Combine(root, p))));

    /// <summary>Lines outside the table and its policies that check a role.</summary>
    public static List<string> RoleChecks(string root) =>
        SourceFiles(root).Where(f => !RoleFiles.Contains(f.Path))
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => RoleCheck.IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

    [Fact]
    public void No_source_file_checks_a_role_outside_the_table()
    {
        RoleChecks(RepoRoot()).ShouldBeEmpty("角色判断只在权限表（Permissions）及其策略（PermissionPolicies）中：端点、页面和处理程序都写能力（Permissions.X）");
    }

    [Fact]
    public void The_role_check_finder_bites()
    {
        RoleCheck.IsMatch("    [Authorize(Roles = CadreHandlers.Readers)]").ShouldBeTrue();
        RoleCheck.IsMatch(".RequireAuthorization(p => p.RequireRole(editors))").ShouldBeTrue();
        RoleCheck.IsMatch("User.IsInRole(Roles.TownAdmin)").ShouldBeTrue();
        RoleCheck.IsMatch("[Authorize(Policy = Permissions.CadresRead)]").ShouldBeFalse();
    }

    private List<RouteEndpoint> Endpoints() => f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Name(RouteEndpoint e) =>
        $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText?.TrimStart('/')}";

    [Fact]
    public void Every_endpoint_names_a_capability_or_is_listed_as_open()
    {
        var api = Endpoints().Where(PermissionTests<SqliteFactory>.IsApi).ToList();
        api.Where(e => PermissionTests<SqliteFactory>.CapabilitiesOf(e).Count == 0).Select(Name).Except(OpenEndpoints).ShouldBeEmpty(
            "每个 /api/v1 端点都应写明所需能力（.RequireAuthorization(Permissions.X)），公开的端点列在 OpenEndpoints 中");
        OpenEndpoints.Except(api.Select(Name)).ShouldBeEmpty("OpenEndpoints 中的端点应存在");
    }

    [Fact]
    public void Every_page_names_a_capability_or_is_listed_as_open()
    {
        var pages = Endpoints().Where(PermissionTests<SqliteFactory>.IsPage).ToList();
        static string Page(RouteEndpoint e) => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.ApplicationModels.PageRouteMetadata>()!.PageRoute.Trim('/');
        pages.Where(e => PermissionTests<SqliteFactory>.CapabilitiesOf(e).Count == 0).Select(Page).Distinct().Except(OpenPages).ShouldBeEmpty(
            "每个页面都应写明所需能力（[Authorize(Policy = Permissions.X)]），公开的页面列在 OpenPages 中");
        OpenPages.Except(pages.Select(Page)).ShouldBeEmpty("OpenPages 中的页面应存在");
    }

    [Fact]
    public void Every_capability_in_the_table_is_used()
    {
        var fields = typeof(Permissions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(x => x.IsLiteral).Select(x => x.Name).ToList();
        fields.Count.ShouldBe(Permissions.All.Count);
        var code = string.Join('\n', SourceFiles(RepoRoot()).Where(x => x.Path != RoleFiles[0]).Select(x => x.Text));
        fields.Where(name => !Regex.IsMatch(code, $@"\bPermissions\.{name}\b")).ShouldBeEmpty("权限表中的每项能力都应被端点、页面或处理程序使用");
    }
}
