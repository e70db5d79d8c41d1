using Cunzhi.Data;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>A Party member's score of a year under the county's 积分联奖惩 rule, with their place in the village.</summary>
public sealed record MemberScoreView(long ResidentId, string Name, int Own, decimal LinkedAverage, int Households, decimal Score, string Explanation, int Place);

/// <summary>A household's points of a year, with its place in the village.</summary>
public sealed record HouseholdScoreView(long HouseholdId, string Label, int Points, int Place);

/// <summary>
/// 积分联奖惩: Party members' yearly scores with their linked households' points (<see cref="LinkedScore"/>, the rule of
/// the catalogue in force on 31 December of the year, or today for the current year), and the households' and members'
/// places in a village. Reads the running rows (<see cref="PointsBalance"/>), never the ledger; region scope is the data context's.
/// </summary>
public sealed class LinkedPoints(AppDbContext db, PointsBalances balances)
{
    /// <summary>The rule's label.</summary>
    public static string RuleName(LinkedScoreRule r) => r switch
    {
        LinkedScoreRule.Average => "本人积分 + 联系农户平均积分",
        LinkedScoreRule.Weighted => "本人积分 + 权重 × 联系农户平均积分",
        _ => "不计入联系农户积分",
    };

    /// <summary>The catalogue version whose rule scores <paramref name="year"/>: in force on its last day, or today while the year runs.</summary>
    public async Task<PointsPolicy?> PolicyForAsync(string village, int year, CancellationToken ct = default)
    {
        var versions = await balances.PoliciesAsync(village, ct);
        var end = new DateOnly(year, 12, 31);
        return PointsPolicy.InForce(versions, end < balances.Today ? end : balances.Today) ?? PointsPolicy.InForce(versions, end);
    }

    /// <summary>The village's households with their points of the year, ranked (every household, 0 without movement).</summary>
    public async Task<IReadOnlyList<HouseholdScoreView>> HouseholdsAsync(string village, int year, CancellationToken ct = default)
    {
        var households = await db.Households.AsNoTracking().Where(h => h.RegionCode == village).OrderBy(h => h.Id)
            .Select(h => new { h.Id, Label = h.Number + " " + h.HeadName + "户" }).ToListAsync(ct);
        var points = await NetAsync(village, PointsHolderKind.Household, year, ct);
        return LinkedScore.Rank(households.Select(h => new HouseholdScoreView(h.Id, h.Label, points.GetValueOrDefault(h.Id), 0)), h => h.Points, h => h.HouseholdId)
            .Select(x => x.Item with { Place = x.Place }).ToList();
    }

    /// <summary>The village's Party members with their scores of the year under the county's rule, ranked.</summary>
    public async Task<IReadOnlyList<MemberScoreView>> MembersAsync(string village, int year, CancellationToken ct = default)
    {
        var policy = await PolicyForAsync(village, year, ct);
        var (rule, weight) = policy is null ? (LinkedScoreRule.None, 0) : (policy.LinkedRule, policy.LinkWeightPercent);
        var members = await db.Residents.AsNoTracking().Where(r => r.RegionCode == village && r.IsPartyMember).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var links = await db.Set<MemberHouseholdLink>().AsNoTracking()
            .Where(l => l.RegionCode == village && l.FromDate <= end && (l.ToDate == null || l.ToDate >= start)).OrderBy(l => l.Id).ToListAsync(ct);
        var own = await NetAsync(village, PointsHolderKind.PartyMember, year, ct);
        var households = await NetAsync(village, PointsHolderKind.Household, year, ct);
        var linksOf = links.ToLookup(l => l.ResidentId);
        var scores = members.Select(m =>
        {
            var linked = LinkedScore.HouseholdDays(linksOf[m.Id], year).Select(x => new LinkedHousehold(x.HouseholdId, x.Days, households.GetValueOrDefault(x.HouseholdId))).ToList();
            var s = LinkedScore.Score(own.GetValueOrDefault(m.Id), linked, rule, weight);
            return new MemberScoreView(m.Id, m.Name, s.Own, s.LinkedAverage, s.Households, s.Score, s.Explanation, 0);
        });
        return LinkedScore.Rank(scores, m => m.Score, m => m.ResidentId).Select(x => x.Item with { Place = x.Place }).ToList();
    }

    /// <summary>Each holder's own movement of the year (earned − deducted) in the village, from the running rows.</summary>
    private async Task<Dictionary<long, int>> NetAsync(string village, PointsHolderKind kind, int year, CancellationToken ct) =>
        (await db.Set<PointsBalance>().AsNoTracking().Where(b => b.RegionCode == village && b.HolderKind == kind && b.Year == year)
            .Select(b => new { b.HolderId, Net = b.Earned - b.Deducted }).ToListAsync(ct))
        .GroupBy(x => x.HolderId).ToDictionary(g => g.Key, g => g.Sum(x => x.Net));
}
