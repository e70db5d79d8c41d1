using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests.Infrastructure;

/// <summary>Codes and accounts of the demo county that tests refer to.</summary>
public static class Demo
{
    public const string County = "360922000000";
    public const string Sanxing = "360922106000";      // 三兴镇, town.sanxing
    public const string Naoping = "360922106208";      // 闹坪村 in 三兴镇, village.naoping
    public const string Sanxingcun = "360922106200";   // 三兴村 in 三兴镇
    public const string Efeng = "360922200000";        // 鹅峰乡, town.efeng
    public const string Dongxi = "360922200201";       // 东溪村 in 鹅峰乡

    // A second county as a real deployment starts it (create-admin): regions and accounts, but no 晋升办法 and no 报酬标准.
    public const string BareCounty = "360923000000";       // 上高县
    public const string BareTown = "360923100000";
    public const string BareVillage = "360923100201";
    public const string BareCountyAdmin = "county.bare", BareTownAdmin = "town.bare";

    /// <summary>
    /// Creates (once per database) the bare county with a town, a village, one serving cadre at rank 12 since 2020 and a
    /// county admin and a town admin (password <see cref="CunzhiFactory.Password"/>) made as <c>create-admin</c> makes them;
    /// returns the cadre's id.
    /// </summary>
    public static async Task<long> BareCountyAsync(this CunzhiFactory f)
    {
        await using var scope = f.SystemScope(out var db);
        if (await db.Cadres.Where(c => c.RegionCode == BareVillage).Select(c => (long?)c.Id).FirstOrDefaultAsync() is { } existing) return existing;
        db.AddRange(new Region { Code = BareCounty, Name = "上高县", Level = RegionLevel.County },
            new Region { Code = BareTown, Name = "敖阳街道", Level = RegionLevel.Town, ParentCode = BareCounty },
            new Region { Code = BareVillage, Name = "新村", Level = RegionLevel.Village, ParentCode = BareTown });
        var cadre = new Cadre
        {
            RegionCode = BareVillage, Name = "无办法县干部", BirthDate = new DateOnly(1980, 3, 1), EducationCode = "senior", PostCode = "director",
            Rank = 12, StartDate = new DateOnly(2020, 1, 1), Status = CadreStatus.InOffice,
        };
        cadre.Posts.Add(new CadrePost { RegionCode = BareVillage, PostCode = "director", StartDate = cadre.StartDate });
        db.Add(cadre);
        await db.SaveChangesAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.CreateAccountAsync(BareCountyAdmin, CunzhiFactory.Password, Roles.CountyAdmin, BareCounty, "上高县组织部", canReveal: true);
        await seeder.CreateAccountAsync(BareTownAdmin, CunzhiFactory.Password, Roles.TownAdmin, BareTown, "敖阳街道组织委员");
        return cadre.Id;
    }

    public static Task<long> FirstHouseholdAsync(this CunzhiFactory f, string village) =>
        f.WithSystemDb(db => db.Households.Where(h => h.RegionCode == village).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync());

    public static async Task<T> WithSystemDb<T>(this CunzhiFactory f, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = f.SystemScope(out var db);
        return await work(db);
    }
}

/// <summary>Valid ID numbers for a given birth date and gender, unique within the test process (none is a demo cadre's: other provinces).</summary>
public static class TestIds
{
    private static readonly string[] Prefixes = ["110101", "110102", "110105", "110106", "310101", "310104", "440103", "440104"];
    private static int _next;

    public static string Next(DateOnly birth, Domain.People.Gender gender)
    {
        var n = Interlocked.Increment(ref _next);
        return Domain.Identity.NationalId.Compose(Prefixes[n / 500 % Prefixes.Length], birth, n % 500 * 2, gender);
    }
}
