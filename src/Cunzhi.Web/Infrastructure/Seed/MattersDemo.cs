using System.Security.Cryptography;
using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 诉求 for the demo town (with the activity demo, after <see cref="VisitsDemo"/>): one matter for each demo visit that
/// raised one (linked to it, so a visit's count is its linked matters) and a few walk-in and phone matters, in the
/// round's villages of 三兴镇, taken through every state by the domain rules — received, accepted, in progress, done,
/// confirmed, reopened, escalated to the town and to the county — and one decided in a 下沉议事 meeting. Fixed seed for
/// the choices; the receipt codes are random and never shown (the demo's residents have none to type). Does nothing
/// when the town already has matters.
/// </summary>
public sealed class MattersDemo(AppDbContext db, PersonalDataProtector protector)
{
    private const int Seed = 1919;

    /// <summary>What a script leaves a matter in, in the order the demo deals them out.</summary>
    private enum Script { Received, Accepted, InProgress, Done, Confirmed, Reopened, ToTown, ToCounty, MeetingDecided }

    private static readonly (MatterKind Kind, string Title, string Description)[] WalkIns =
    [
        (MatterKind.MicroMatter, "村口路灯不亮", "晚上出行不便，希望尽快修好"),
        (MatterKind.Problem, "灌溉水渠渗漏", "春耕前需要修补"),
        (MatterKind.DevelopmentProject, "想办蔬菜合作社", "希望村里牵头，帮助联系销路"),
        (MatterKind.VillagePlan, "村庄规划留出停车场", "逢年过节车辆多，村道堵塞"),
        (MatterKind.MicroMatter, "垃圾桶不够用", "组里只有一个垃圾桶"),
        (MatterKind.Problem, "危房改造咨询", "老屋墙体开裂"),
        (MatterKind.MicroMatter, "健身器材损坏", "村广场单杠松动"),
        (MatterKind.Problem, "饮水水压不足", "高处几户早晚没水"),
        (MatterKind.DevelopmentProject, "光伏项目申报", "想在屋顶装光伏"),
    ];

    /// <summary>Seeds the town's matters; the number written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var prefix = RegionCodes.ScopePrefix(town);
        if (await db.Set<Matter>().AnyAsync(m => m.RegionCode.StartsWith(prefix), ct)) return 0;
        var visits = await db.Set<VisitRecord>().AsNoTracking().Where(v => v.RegionCode.StartsWith(prefix) && v.MattersRaised > 0)
            .OrderBy(v => v.Id).Select(v => new { v.Id, v.RegionCode, v.HouseholdId, v.Date, v.VisitedBy, v.Notes }).ToListAsync(ct);
        var villages = visits.Select(v => v.RegionCode).Distinct().ToList();
        if (villages.Count == 0)
            villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode == town && r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => r.Code).Take(3).ToListAsync(ct);
        if (villages.Count == 0) return 0;
        var townOfficial = visits.Select(v => v.VisitedBy).FirstOrDefault() ?? "town.sanxing";
        var rng = new Random(Seed);
        var scripts = Enum.GetValues<Script>();

        // The meeting the 下沉议事 script decides in: in the first village, a few days ago.
        var meeting = new MatterMeeting
        {
            RegionCode = villages[0], Date = today.AddDays(-2), Subject = "下沉议事：村里提级的难事", Attendees = "乡镇包村干部、村两委、村民代表",
            CreatedBy = townOfficial, CreatedAtUtc = nowUtc.AddDays(-2), RowVersion = 1,
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);

        var written = 0;
        var decided = new List<(Matter Matter, string Decision)>();
        void Write(Matter m, Script script, DateOnly on, string registeredBy)
        {
            var village = m.RegionCode == ActivityDemo.DemoVillage ? "village.naoping" : registeredBy;
            var steps = new List<MatterEvent> { MatterRules.Register(m, registeredBy, on, At(on)) };
            var day = on;
            DateOnly Next() => day = day.AddDays(1) > today ? today : day.AddDays(1);
            DateTime At(DateOnly d) => nowUtc.AddDays(d.DayNumber - today.DayNumber);
            if (script is Script.Accepted or Script.InProgress or Script.Done or Script.Confirmed or Script.Reopened)
                steps.Add(MatterRules.Accept(m, MatterLevel.Village, village, village, Next(), At(day)));
            if (script is Script.InProgress or Script.Done or Script.Confirmed or Script.Reopened)
                steps.Add(MatterRules.Start(m, MatterLevel.Village, village, Next(), At(day)));
            if (script is Script.Done or Script.Confirmed or Script.Reopened)
                steps.Add(MatterRules.Finish(m, MatterLevel.Village, "已安排人员上门处理完毕", village, Next(), At(day)));
            if (script == Script.Confirmed) steps.Add(MatterRules.Confirm(m, "群众", Next(), At(day)));
            if (script == Script.Reopened) steps.Add(MatterRules.Reopen(m, MatterReopener.Village, "群众反映问题仍未解决", MatterSettings.DefaultReopenDays, village, Next(), At(day)));
            if (script is Script.ToTown or Script.ToCounty or Script.MeetingDecided)
                steps.Add(MatterRules.Escalate(m, MatterLevel.Village, "村里无力解决，需乡镇统筹", village, Next(), At(day)));
            if (script == Script.ToCounty)
                steps.Add(MatterRules.Escalate(m, MatterLevel.Town, "涉及县级部门审批", townOfficial, Next(), At(day)));
            if (script == Script.MeetingDecided && m.RegionCode == meeting.RegionCode)
            {
                var decision = "议定由乡镇牵头、村里配合，两周内办理";
                steps.Add(MatterRules.MeetingDecision(m, meeting.Id, decision, townOfficial, meeting.Date < day ? day : meeting.Date, At(day)));
                decided.Add((m, decision));
            }
            m.RowVersion = 1;
            db.Add(m);
            foreach (var e in steps)
            {
                e.Matter = m;
                db.Add(e);
            }
            written++;
        }

        Matter New(string village, long? household, long? visit, MatterKind kind, MatterSource source, string title, string description, string by, DateOnly on) => new()
        {
            RegionCode = village, HouseholdId = household, VisitId = visit, Kind = kind, Source = source, Title = title, Description = description,
            ReceiptHash = protector.ReceiptCodeHash(BallotCodeFormat.Generate(RandomNumberGenerator.GetInt32)), CreatedBy = by, CreatedAtUtc = nowUtc.AddDays(on.DayNumber - today.DayNumber),
        };

        // One matter per visit that raised one, linked to it (the visit's count stays its linked matters).
        for (var i = 0; i < visits.Count; i++)
        {
            var v = visits[i];
            var (kind, title, _) = WalkIns[rng.Next(WalkIns.Length)];
            var note = v.Notes ?? title;
            Write(New(v.RegionCode, v.HouseholdId, v.Id, kind, MatterSource.Visit, note.Length > Matter.MaxTitle ? note[..Matter.MaxTitle] : note.TrimEnd('。'), note, v.VisitedBy, v.Date),
                scripts[i % scripts.Length], v.Date, v.VisitedBy);
        }
        // Walk-in and phone matters, one per script, so every state is there whatever the visits were.
        for (var i = 0; i < scripts.Length; i++)
        {
            var (kind, title, description) = WalkIns[i];
            var village = scripts[i] == Script.MeetingDecided ? meeting.RegionCode : villages[i % villages.Count];
            var on = today.AddDays(-20 + i);
            Write(New(village, null, null, kind, i % 2 == 0 ? MatterSource.WalkIn : MatterSource.Phone, title, description, townOfficial, on), scripts[i], on, townOfficial);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (m, decision) in decided)
            db.Add(new MatterMeetingItem { MeetingId = meeting.Id, RegionCode = m.RegionCode, MatterId = m.Id, Decision = decision });
        db.RecordEvent(AuditActions.Seed, "MattersDemo", town, town, JsonSerializer.Serialize(new { Matters = written, FromVisits = visits.Count, Meeting = meeting.Subject }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return written;
    }
}
