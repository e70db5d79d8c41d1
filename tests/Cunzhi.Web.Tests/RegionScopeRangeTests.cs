using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The region scope is a prefix test plus a range of codes that lets the database seek an index
/// (<see cref="RegionScopeRange"/>). The range must select exactly the codes that start with the prefix.
/// </summary>
public sealed class RegionScopeRangeBoundTests
{
    [Theory]
    [InlineData("360922106", "360922107")]
    [InlineData("360922", "360923")]
    [InlineData("360922109", "36092211")]
    [InlineData("360922199999", "3609222")]
    [InlineData("", "A")]
    [InlineData("999", "A")]
    [InlineData(UserContext.NoRegion, ".")]
    public void Upper_bound_is_the_next_prefix(string prefix, string upper) => RegionScopeRange.UpperBound(prefix).ShouldBe(upper);

    [Fact]
    public void Range_selects_exactly_the_codes_with_the_prefix()
    {
        var random = new Random(7);
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + (random.Next(10) < 3 ? 9 : random.Next(10)))));
        var codes = Enumerable.Range(0, 4000).Select(_ => Digits(random.Next(2) == 0 ? 12 : 15)).ToList();
        var prefixes = codes.Take(300).Select(c => c[..random.Next(0, c.Length + 1)]).Concat(["", "9", "99", "0", UserContext.NoRegion]).ToList();
        foreach (var p in prefixes)
        {
            var upper = RegionScopeRange.UpperBound(p);
            foreach (var c in codes)
                (string.CompareOrdinal(c, p) >= 0 && string.CompareOrdinal(c, upper) < 0).ShouldBe(c.StartsWith(p, StringComparison.Ordinal), $"{c} / {p}");
        }
    }
}

/// <summary>The same, in each database: scoped reads through the filters equal a prefix test in memory.</summary>
public abstract class RegionScopeRangeTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    public static TheoryData<string> Regions => new(["360922000000", Demo.Sanxing, Demo.Efeng, Demo.Sanxingcun, "360922106208", "999999999000", "not-a-code"]);

    [Theory, MemberData(nameof(Regions))]
    public async Task Scoped_reads_equal_a_prefix_test(string region)
    {
        List<string> regionCodes, cadreCodes;
        await using (f.SystemScope(out var sys))
        {
            regionCodes = await sys.Regions.IgnoreQueryFilters().Select(r => r.Code).ToListAsync();
            cadreCodes = await sys.Cadres.IgnoreQueryFilters().Select(c => c.RegionCode).ToListAsync();
        }
        var prefix = RegionCodes.LevelOf(region) is null ? UserContext.NoRegion : RegionCodes.ScopePrefix(region);

        await using var scope = f.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.ActAs(new ClaimsPrincipal(new ClaimsIdentity([new Claim(CunzhiClaims.Region, region), new Claim(ClaimTypes.Name, "t")], "test")));

        (await db.Regions.CountAsync()).ShouldBe(regionCodes.Count(c => c.StartsWith(prefix, StringComparison.Ordinal)));
        (await db.Cadres.CountAsync()).ShouldBe(cadreCodes.Count(c => c.StartsWith(prefix, StringComparison.Ordinal)));
        if (region.StartsWith("360922", StringComparison.Ordinal)) (await db.Cadres.CountAsync()).ShouldBeGreaterThan(0); // not vacuous

        // The list's own region filter (a village within the scope) is the same kind of range.
        var handler = scope.ServiceProvider.GetRequiredService<CadreHandlers>();
        var listed = await handler.Query(new CadreFilter(Demo.Sanxingcun, null, null, null)).Select(c => c.RegionCode).ToListAsync();
        listed.Count.ShouldBe(cadreCodes.Count(c => c.StartsWith(Demo.Sanxingcun, StringComparison.Ordinal) && c.StartsWith(prefix, StringComparison.Ordinal)));
    }
}

public sealed class RegionScopeRangeTests_Sqlite(SqliteFactory f) : RegionScopeRangeTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class RegionScopeRangeTests_Postgres(PostgresFactory f) : RegionScopeRangeTests<PostgresFactory>(f);
