using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests.Infrastructure;

/// <summary>The duty tests' arrangement: a new village of a town with its own cadres in office (so each test counts only its own days).</summary>
public static class DutyVillages
{
    private static int _next = 500;

    /// <summary>Creates the village and <paramref name="cadres"/> committee members in office; returns its code and their ids.</summary>
    public static async Task<(string Village, long[] Cadres)> CreateAsync(CunzhiFactory f, int cadres, string town)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = town[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"值班测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = town });
        var list = Enumerable.Range(1, cadres).Select(i =>
        {
            var c = new Cadre
            {
                RegionCode = code, Name = $"值班干部{i}", BirthDate = new DateOnly(1980, 3, 1), EducationCode = "senior", PostCode = "committee-member",
                StartDate = new DateOnly(2021, 1, 1), Status = CadreStatus.InOffice,
            };
            c.Posts.Add(new CadrePost { RegionCode = code, PostCode = "committee-member", StartDate = c.StartDate });
            return c;
        }).ToList();
        db.AddRange(list);
        await db.SaveChangesAsync();
        return (code, list.Select(c => c.Id).ToArray());
    }
}
