using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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

    public static Task<long> FirstHouseholdAsync(this CunzhiFactory f, string village) =>
        f.WithSystemDb(db => db.Households.Where(h => h.RegionCode == village).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync());

    public static async Task<T> WithSystemDb<T>(this CunzhiFactory f, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = f.SystemScope(out var db);
        return await work(db);
    }
}
