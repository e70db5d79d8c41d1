using Cunzhi.Data;
using Cunzhi.Domain.Burden;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>What the activity demo logged for the burden meter.</summary>
public sealed record MeterDemoCounts(long Meetings, long Inspections, long Villages);

/// <summary>
/// The meetings and inspections each town logged over the last thirteen weeks (as 减负 › 会议检查 logs them: a day, an
/// organizer, a title and the villages involved), so the burden meter has more than tasks and forms to count: about one
/// meeting a fortnight and one inspection every three weeks per town, each taking part of the town's villages, the
/// demo town a little more. Bulk-written.
/// </summary>
public sealed class MeterDemo(AppDbContext db, TimeProvider clock)
{
    private static readonly (string Organizer, string Title)[] Meetings =
    [
        ("万载县农业农村局", "全县秋冬季农业生产调度会"), ("万载县林业局", "冬季森林防火工作部署会"), ("万载县委组织部", "基层党建工作推进会"),
        ("万载县乡村振兴局", "防止返贫动态监测工作培训会"), ("万载县应急管理局", "冬季安全生产工作会"), ("万载县民政局", "困难群众冬春救助工作会"),
    ];

    private static readonly (string Organizer, string Title)[] Inspections =
    [
        ("万载县农业农村局", "农村人居环境整治督查"), ("万载县林业局", "森林防火责任落实检查"), ("万载县委组织部", "村级党群服务中心建设检查"),
        ("万载县应急管理局", "地质灾害隐患点巡查督导"), ("万载县卫生健康委员会", "爱国卫生运动检查"),
    ];

    public async Task<MeterDemoCounts> SeedAsync(ActivityCounty area, int seed, CancellationToken ct = default)
    {
        var random = new Random(seed + 3);
        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<(BurdenEvent Event, List<string> Villages)>();
        foreach (var (town, villages) in area.Towns)
        {
            var busy = town == PayDemo.DemoTown ? 15 : 0;
            for (var w = 12; w >= 0; w--)
            {
                var monday = area.Monday(w);
                foreach (var (kind, list, chance) in new[] { (BurdenEventKind.Meeting, Meetings, 50 + busy), (BurdenEventKind.Inspection, Inspections, 33 + busy) })
                {
                    if (random.Next(100) >= chance) continue;
                    var day = monday.AddDays(random.Next(5));
                    var (organizer, title) = list[random.Next(list.Length)];
                    var created = clock.ToUtc(day.ToDateTime(new TimeOnly(17, random.Next(60))));
                    if (day > area.Today || created > now) continue;
                    var share = villages.Where(_ => random.Next(100) < 60).ToList();
                    if (share.Count == 0) share = [villages[0]];
                    events.Add((new BurdenEvent
                    {
                        RegionCode = town, Kind = kind, Date = day, Organizer = organizer, Title = title,
                        CreatedBy = town == PayDemo.DemoTown ? "town.sanxing" : "demo", CreatedAtUtc = created,
                    }, share));
                }
            }
        }
        var bulk = new BulkWriter(db);
        var next = await bulk.NextIdAsync<BurdenEvent>(ct);
        var rows = events.Select((e, i) => (Id: next + i, e.Event, e.Villages)).ToList();
        await bulk.WriteAsync(typeof(BurdenEvent), rows,
            [nameof(BurdenEvent.Id), nameof(BurdenEvent.RegionCode), nameof(BurdenEvent.Kind), nameof(BurdenEvent.Date), nameof(BurdenEvent.Organizer),
             nameof(BurdenEvent.Title), nameof(BurdenEvent.CreatedBy), nameof(BurdenEvent.CreatedAtUtc)],
            x => [x.Id, x.Event.RegionCode, (int)x.Event.Kind, x.Event.Date, x.Event.Organizer, x.Event.Title, x.Event.CreatedBy, x.Event.CreatedAtUtc], ct);
        await bulk.ResetIdentityAsync<BurdenEvent>(ct);
        var villagesWritten = await bulk.WriteAsync(typeof(BurdenEventVillage), rows.SelectMany(x => x.Villages.Select(v => (x.Id, Village: v))),
            [nameof(BurdenEventVillage.BurdenEventId), nameof(BurdenEventVillage.RegionCode)], x => [x.Id, x.Village], ct);
        return new(events.Count(e => e.Event.Kind == BurdenEventKind.Meeting), events.Count(e => e.Event.Kind == BurdenEventKind.Inspection), villagesWritten);
    }
}
