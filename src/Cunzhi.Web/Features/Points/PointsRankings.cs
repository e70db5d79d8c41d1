using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// One page of a village's points ranking for a year. <see cref="Published"/>: the village published that year's ranking
/// (only then are <see cref="Rows"/> filled); <see cref="Guard"/>: whether the village may publish one today, and why (the
/// county's ranking rule, 排名发布管控).
/// </summary>
public sealed record PointsRankingPage<T>(string Village, int Year, bool Published, DateOnly? PublishedOn, RankingDecision Guard, Paged<T> Rows);

/// <summary>Publishes a village's points ranking of <see cref="Year"/>.</summary>
public sealed record PublishPointsRanking(int? Year);

/// <summary>
/// 积分排名: a village's households and Party members ranked by their points of a year (Party members under the county's
/// 积分联奖惩 rule, <see cref="LinkedPoints"/>). Rankings are shown only as often as the county's ranking rule allows:
/// the village publishes a year's ranking by an explicit act, which the burden ranking guard
/// (<see cref="RankingGuard.CheckPublication"/>, the county's interval in 减负设置) allows at most once per interval per
/// village — the same <see cref="RankingPublication"/> rows and rule as the county's and towns' rankings, kind
/// <see cref="RankingKind.VillagePoints"/>. Until then the page shows no ranking. A published ranking is computed from
/// the running rows when read, so an entry settled or reversed later shows in it. Towns and the county read any village in scope.
/// </summary>
public sealed class PointsRankings(AppDbContext db, UserContext user, LinkedPoints linked, PointsBalances balances, TimeProvider clock)
{
    /// <summary>Title of a year's publication.</summary>
    public static string Title(int year) => $"{year}年度积分排名";
    private static string Period(int year) => $"{year}年度";

    private DateOnly Today => balances.Today;

    private async Task<int> IntervalMonthsAsync(string village, CancellationToken ct)
    {
        var county = RegionCodes.CountyOf(village)!;
        return (await ScopeGateway.CountyBurdenPolicyAsync(db, county, ct) ?? BurdenPolicy.Default(county)).RankingIntervalMonths;
    }

    private Task<List<RankingPublication>> PublicationsAsync(string village, CancellationToken ct) =>
        db.Set<RankingPublication>().AsNoTracking().Where(p => p.RegionCode == village && p.Kind == RankingKind.VillagePoints && p.PublishedOn != null)
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).ToListAsync(ct);

    /// <summary>The village's households ranked for <paramref name="year"/> (one page), or without rows while not published.</summary>
    public Task<PointsRankingPage<HouseholdScoreView>> HouseholdsAsync(string village, int? year, PageRequest page, CancellationToken ct = default) =>
        PageAsync(village, year, page, (v, y) => linked.HouseholdsAsync(v, y, ct), ct);

    /// <summary>The village's Party members ranked for <paramref name="year"/> (one page), or without rows while not published.</summary>
    public Task<PointsRankingPage<MemberScoreView>> MembersAsync(string village, int? year, PageRequest page, CancellationToken ct = default) =>
        PageAsync(village, year, page, (v, y) => linked.MembersAsync(v, y, ct), ct);

    private async Task<PointsRankingPage<T>> PageAsync<T>(string village, int? year, PageRequest page, Func<string, int, Task<IReadOnlyList<T>>> rows, CancellationToken ct)
    {
        var published = await PublicationsAsync(village, ct);
        // Without a year: the latest published year's ranking, else this year (nothing shown until published).
        var y = year is { } asked ? InputRange.Year(asked) : published.Select(p => YearOf(p.Period)).FirstOrDefault(v => v is not null) ?? Today.Year;
        var publication = published.FirstOrDefault(p => p.Period == Period(y));
        var guard = RankingGuard.CheckPublication(RankingKind.VillagePoints, published.FirstOrDefault()?.PublishedOn, await IntervalMonthsAsync(village, ct), Today);
        if (publication is null) return new(village, y, false, null, guard, new([], 0, page.Page, page.Size));
        var all = await rows(village, y);
        return new(village, y, true, publication.PublishedOn, guard, new(all.Skip(page.Skip).Take(page.Size).ToList(), all.Count, page.Page, page.Size));
    }

    private static int? YearOf(string period) => period.Length >= 4 && int.TryParse(period[..4], out var y) ? y : null;

    /// <summary>
    /// 发布积分排名: the village publishes the ranking of a year that has begun; refused (409) with the day it becomes allowed
    /// when the village published one within the county's interval, and for a year already published.
    /// </summary>
    public async Task<PointsRankingPage<HouseholdScoreView>> PublishAsync(PublishPointsRanking c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.Village) throw new RuleException("积分排名由本村发布，请使用村级账号");
        var village = user.RegionCode;
        var year = InputRange.Year(c.Year ?? Today.Year);
        if (year > Today.Year) throw new RuleException("points.ranking", "year", $"{year} 年尚未开始，不能发布该年度积分排名");
        var published = await PublicationsAsync(village, ct);
        if (published.Any(p => p.Period == Period(year))) throw new RuleException("points.ranking", "year", $"本村 {year} 年度积分排名已经发布");
        var p = new RankingPublication { RegionCode = village, Kind = RankingKind.VillagePoints, Title = Title(year), Period = Period(year), PreparedBy = user.UserName, PreparedAtUtc = clock.GetUtcNow().UtcDateTime };
        p.Publish(published.FirstOrDefault()?.PublishedOn, await IntervalMonthsAsync(village, ct), user.UserName, clock.GetUtcNow().UtcDateTime, Today);
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return await HouseholdsAsync(village, year, new PageRequest(1, null), ct);
    }
}
