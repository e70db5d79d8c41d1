using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 村务公开 for the demo (with the activity demo; fixed, no randomness): the default catalogue published as the county's
/// version 1 (in force from a year back, so last quarter is judged under it); 闹坪村 with last quarter's periodic items
/// posted a few days after the quarter ended — all but 集体债权债务情况 (F03), left unposted so the calendar and the home
/// show it 逾期 once its due date has passed; the other villages of 三兴镇 with nothing posted. Does nothing when the
/// county already has a catalogue.
/// </summary>
public sealed class DisclosureDemo(AppDbContext db)
{
    /// <summary>The item the demo leaves unposted.</summary>
    public const string LateItem = "F03";

    /// <summary>Seeds and returns the number of postings written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string county, string village, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<DisclosurePolicy>().AnyAsync(p => p.CountyCode == county, ct)) return 0;
        var quarter = DisclosureRules.QuarterStart(today);
        var policy = DisclosurePolicy.Default(county);
        (policy.Version, policy.EffectiveFrom, policy.IsPublished, policy.PublishedBy, policy.PublishedAtUtc, policy.RowVersion) =
            (1, quarter.AddMonths(-12), true, "system", nowUtc, 1);
        db.Add(policy);

        var posted = 0;
        if (await db.Regions.AnyAsync(r => r.Code == village && r.Level == RegionLevel.Village, ct))
        {
            var last = quarter.AddMonths(-3);
            var end = quarter.AddDays(-1);
            var on = end.AddDays(5) < today ? end.AddDays(5) : today;
            foreach (var item in policy.Items.Where(i => i.Frequency != DisclosureFrequency.Immediate && i.Code != LateItem))
            {
                var table = item.Category == DisclosureCategory.Finance
                    ? new DisclosureTable(["科目", "收入（元）", "支出（元）"], [["村集体经营性收入", "86,400.00", ""], ["办公经费", "", "12,350.00"], ["村道维修", "", "38,000.00"]]).ToJson()
                    : null;
                db.Add(new VillageDisclosure
                {
                    RegionCode = village, ItemCode = item.Code, ItemName = item.Name, Category = item.Category, PolicyVersion = 1, PeriodStart = last, PeriodEnd = end,
                    Frequency = DisclosureFrequency.Quarterly, Title = $"{last.Year} 年第{"一二三四"[(last.Month - 1) / 3]}季度{item.Name}",
                    Body = $"根据《村民委员会组织法》第三十条，现将本村{item.Name}公布如下，如有疑问请于公布之日起 10 日内向村务监督委员会反映。",
                    TableJson = table, PostedOn = on, PostedBy = "system", PostedAtUtc = nowUtc, RowVersion = 1,
                });
                posted++;
            }
        }
        db.RecordEvent(AuditActions.Seed, "DisclosureDemo", county, county, JsonSerializer.Serialize(new { Village = village, Postings = posted }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return posted;
    }
}
