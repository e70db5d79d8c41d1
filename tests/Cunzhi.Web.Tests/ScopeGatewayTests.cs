using System.Security.Claims;
using System.Text.RegularExpressions;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Region scope has one gateway: outside <c>Infrastructure/Data/ScopeGateway.cs</c> (and <c>BulkWriter.cs</c>, the
/// mechanism it and the seeders share), nothing in src/ lifts the query filters or writes around the save-time check.
/// The seeders (<c>Infrastructure/Seed/</c>) are allowed: seeding acts as the system.
/// </summary>
public sealed class ScopeGatewayConventionTests
{
    private static readonly string[] Allowed =
    [
        "src/Cunzhi.Web/Infrastructure/Data/ScopeGateway.cs",
        "src/Cunzhi.Web/Infrastructure/Data/BulkWriter.cs",
        "src/Cunzhi.Web/Infrastructure/Seed/",
    ];

    private static readonly Regex Crossing = new(@"IgnoreQueryFilters\s*\(|\bExecuteUpdate|\bExecuteDelete|\bBulkWriter\b", RegexOptions.Compiled);

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Cunzhi.slnx"))) return d.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Cunzhi.slnx）");
    }

    /// <summary>Every line of src/ (comments aside) that crosses scope outside the gateway and the seeders, as "path:line: text".</summary>
    public static List<string> CrossingsOutsideTheGateway(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .Where(f => !f.Path.Contains("/obj/") && !f.Path.Contains("/bin/") && !f.Path.Contains("/Migrations/")
                        && !Allowed.Any(a => a.EndsWith('/') ? f.Path.StartsWith(a, StringComparison.Ordinal) : f.Path == a))
            .SelectMany(f => File.ReadLines(f.File).Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && Crossing.IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

    [Fact]
    public void Nothing_in_src_crosses_region_scope_outside_the_gateway() =>
        CrossingsOutsideTheGateway(RepoRoot()).ShouldBeEmpty("越过区划范围的读取和批量写入一律经 Infrastructure/Data/ScopeGateway.cs，并在那里写明理由、自行限定范围");

    [Fact]
    public void The_convention_check_finds_each_kind_of_crossing()
    {
        var root = Directory.CreateTempSubdirectory("cunzhi-scope-convention-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Features", "X"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Infrastructure", "Seed"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Infrastructure", "Data"));
            File.WriteAllText(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Features", "X", "A.cs"), string.Join('\n',
                "var a = db.Cadres.IgnoreQueryFilters().Count();",
                "await db.Set<PayLine>().Where(l => l.RunId == 1).ExecuteDeleteAsync(ct);",
                "await q.ExecuteUpdateAsync(s => s.SetProperty(x => x.Used, true), ct);",
                "await new BulkWriter(db).WriteAsync(rows, columns, values, ct);",
                "// a comment may name IgnoreQueryFilters() and BulkWriter",
                "var b = db.Cadres.Count();"));
            File.WriteAllText(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Infrastructure", "Seed", "Demo.cs"), "var bulk = new BulkWriter(db);");
            File.WriteAllText(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Infrastructure", "Data", "ScopeGateway.cs"), "db.Regions.IgnoreQueryFilters();");
            File.WriteAllText(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Infrastructure", "Data", "Other.cs"), "db.Regions.IgnoreQueryFilters();");
            var found = CrossingsOutsideTheGateway(root.FullName);
            found.Count.ShouldBe(5, string.Join('\n', found));
            found.ShouldAllBe(l => l.StartsWith("src/Cunzhi.Web/Features/X/A.cs:") || l.StartsWith("src/Cunzhi.Web/Infrastructure/Data/Other.cs:"));
        }
        finally { root.Delete(recursive: true); }
    }
}

/// <summary>The gateway enforces scope itself: its bulk writes refuse a region outside the account's, and its named crossings still serve their purpose.</summary>
public abstract class ScopeGatewayTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static ClaimsPrincipal Account(string region) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "t"), new Claim(ClaimTypes.Name, "t"), new Claim(CunzhiClaims.Region, region)], "test"));

    private AsyncServiceScope ScopeAs(string region, out AppDbContext db)
    {
        var scope = f.Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.ActAs(Account(region));
        return scope;
    }

    [Fact]
    public async Task Bulk_writes_refuse_a_region_outside_the_account_scope()
    {
        await using var scope = ScopeAs(Demo.Sanxing, out var db);
        var efeng = RegionCodes.ScopePrefix(Demo.Efeng);
        await Should.ThrowAsync<RegionScopeViolationException>(() =>
            ScopeGateway.DeleteInRegionAsync<PayLine>(db, efeng, l => true, CancellationToken.None));
        await Should.ThrowAsync<RegionScopeViolationException>(() =>
            ScopeGateway.UpdateInRegionAsync<PayLine>(db, efeng, l => true, s => s.SetProperty(l => l.Warning, l => l.Warning), CancellationToken.None));
        // Wider than the account's own scope is outside it too (the whole county for a town account).
        await Should.ThrowAsync<RegionScopeViolationException>(() =>
            ScopeGateway.DeleteInRegionAsync<PayLine>(db, "", l => true, CancellationToken.None));
        // A row of another town under the account's own prefix: refused before anything is written.
        var stray = new PayLine { RegionCode = Demo.Dongxi, CadreName = "越权", PostCode = "x" };
        var refused = await Should.ThrowAsync<RegionScopeViolationException>(() =>
            ScopeGateway.InsertInRegionAsync(db, RegionCodes.ScopePrefix(Demo.Sanxing), [stray], [nameof(PayLine.RegionCode)], l => [l.RegionCode], CancellationToken.None));
        refused.RegionCode.ShouldBe(Demo.Dongxi);
    }

    [Fact]
    public async Task A_visitor_may_not_bulk_write_anywhere()
    {
        await using var scope = f.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>(); // no account: the visitor's scope
        await Should.ThrowAsync<RegionScopeViolationException>(() =>
            ScopeGateway.DeleteInRegionAsync<PayLine>(db, RegionCodes.ScopePrefix(Demo.Naoping), l => true, CancellationToken.None));
    }

    [Fact]
    public async Task Bulk_update_puts_the_region_in_its_where()
    {
        int all, inVillage;
        await using (f.SystemScope(out var sys))
        {
            all = await sys.Cadres.CountAsync();
            inVillage = await sys.Cadres.CountAsync(c => c.RegionCode.StartsWith(Demo.Naoping));
            // Even the system (whose scope is everything) writes only under the prefix it names.
            var touched = await ScopeGateway.UpdateInRegionAsync<Domain.Cadres.Cadre>(sys, RegionCodes.ScopePrefix(Demo.Naoping), c => true,
                s => s.SetProperty(c => c.Name, c => c.Name), CancellationToken.None);
            touched.ShouldBe(inVillage);
        }
        inVillage.ShouldBeGreaterThan(0);
        all.ShouldBeGreaterThan(inVillage); // not vacuous
    }

    [Fact]
    public async Task County_wide_ID_number_uniqueness_sees_a_cadre_outside_the_account_scope()
    {
        string hash;
        await using (f.SystemScope(out var sys))
            hash = await sys.Cadres.Where(c => c.RegionCode.StartsWith(RegionCodes.ScopePrefix(Demo.Efeng)) && c.NationalIdHash != null)
                .Select(c => c.NationalIdHash!).FirstAsync();

        await using var scope = ScopeAs(Demo.Sanxing, out var db);
        (await db.Cadres.AnyAsync(c => c.NationalIdHash == hash)).ShouldBeFalse("外镇的干部不应被读到");
        (await ScopeGateway.NationalIdRegisteredAsync(db, hash, null, CancellationToken.None)).ShouldBeTrue("身份证号全县唯一，应查到外镇已登记");
        (await ScopeGateway.RegisteredNationalIdsAsync(db, [hash, "no-such-hash"], CancellationToken.None)).ShouldBe([hash]);
    }

    [Fact]
    public async Task A_town_result_that_binds_a_village_is_read_within_the_county_only()
    {
        int year;
        await using (f.SystemScope(out var sys))
            year = await sys.Set<AnnualBatch>().Where(b => b.RegionCode == Demo.Sanxing && b.State == AnnualState.Approved).Select(b => b.Year).FirstAsync();

        await using (ScopeAs(Demo.Naoping, out var village))
        {
            (await village.Set<AnnualBatch>().AnyAsync(b => b.RegionCode == Demo.Sanxing)).ShouldBeFalse("村账号看不到乡镇的年度考核批次");
            (await ScopeGateway.TownsWithApprovedAnnualResultAsync(village, year, [Demo.Sanxing], CancellationToken.None)).ShouldBe([Demo.Sanxing]);
        }
        await using (ScopeAs(Demo.BareVillage, out var otherCounty))
        {
            ScopeGateway.CountyPrefix(otherCounty).ShouldBe(Demo.BareCounty[..RegionCodes.CountyDigits]);
            (await ScopeGateway.TownsWithApprovedAnnualResultAsync(otherCounty, year, [Demo.Sanxing], CancellationToken.None)).ShouldBeEmpty("外县的批次不应被读到");
        }
    }

    [Fact]
    public async Task Public_region_names_reach_past_a_village_account_scope()
    {
        await using var scope = ScopeAs(Demo.Naoping, out var db);
        (await db.Regions.AnyAsync(r => r.Code == Demo.Sanxing)).ShouldBeFalse();
        (await ScopeGateway.PublicRegions(db).Where(r => r.Code == Demo.Sanxing).Select(r => r.Name).SingleAsync()).ShouldBe("三兴镇");
    }
}

public sealed class ScopeGatewayTests_Sqlite(SqliteFactory f) : ScopeGatewayTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ScopeGatewayTests_Postgres(PostgresFactory f) : ScopeGatewayTests<PostgresFactory>(f);
