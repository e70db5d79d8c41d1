using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 学历提升 and 困难帮扶 for the demo town (with the activity demo; small, fixed): among its cadres in office below 大专, one
/// studying for 本科 with this year's first-term tuition reimbursed under the default policy (50%) and the second term
/// waiting for the county, one who graduated from 大专 (the registry education raised to it, audited), one who dropped out;
/// and two hardship applications — one recommended and waiting, one approved for less than requested. Does nothing when
/// the town already has a programme.
/// </summary>
public sealed class StudyDemo(AppDbContext db)
{
    /// <summary>Seeds and returns the number of programmes written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var prefix = RegionCodes.ScopePrefix(town);
        if (await db.Set<DegreeProgramme>().AnyAsync(p => p.RegionCode.StartsWith(prefix), ct)) return 0;
        var below = await db.Cadres.Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix)
                && c.EducationCode != "college" && c.EducationCode != "bachelor" && c.EducationCode != "postgraduate")
            .OrderBy(c => c.RegionCode).ThenBy(c => c.Id).Take(5).ToListAsync(ct);
        if (below.Count < 3) return 0;

        DegreeProgramme New(Cadre c, string level, string school, string major, DateOnly start, int years) => new()
        {
            RegionCode = c.RegionCode, CadreId = c.Id, School = school, LevelCode = level, Major = major, StartDate = start, EndDate = start.AddYears(years),
            Status = DegreeStatus.Studying, CreatedBy = "system", CreatedAtUtc = nowUtc, RowVersion = 1,
        };
        var studying = New(below[0], "bachelor", "江西开放大学", "行政管理", new DateOnly(today.Year - 1, 9, 1), 3);
        var graduated = New(below[1], "college", "宜春职业技术学院", "现代农业技术", new DateOnly(today.Year - 3, 3, 1), 2);
        var dropped = New(below[2], "college", "江西农业大学继续教育学院", "农村经营管理", new DateOnly(today.Year - 1, 3, 1), 3);
        (graduated.Status, graduated.FinishedOn) = (DegreeStatus.Graduated, graduated.EndDate);
        (dropped.Status, dropped.FinishedOn) = (DegreeStatus.DroppedOut, today.AddMonths(-4) < dropped.StartDate ? dropped.StartDate : today.AddMonths(-4));
        if (DegreeRules.Raises(below[1].EducationCode, graduated.LevelCode)) below[1].EducationCode = graduated.LevelCode;
        db.AddRange(studying, graduated, dropped);
        await db.SaveChangesAsync(ct);

        // This year's tuition of the 本科 student: the first term reimbursed at the default 50%, the second waiting.
        var policy = DegreeSupportPolicy.Default(RegionCodes.CountyOf(town) ?? town);
        const long firstTerm = 240_000, secondTerm = 240_000;
        var reimbursed = DegreeRules.Reimbursement(policy, firstTerm, 0, 0);
        TuitionClaim Claim(string term, long fen) => new()
        {
            RegionCode = studying.RegionCode, ProgrammeId = studying.Id, CadreId = studying.CadreId, Year = today.Year, Term = term, TuitionFen = fen,
            Status = ClaimStatus.Pending, CreatedBy = "system", CreatedAtUtc = nowUtc, RowVersion = 1,
        };
        var approved = Claim("春季学期", firstTerm);
        (approved.Status, approved.ReimbursedFen, approved.DecidedBy, approved.DecidedAtUtc) = (ClaimStatus.Approved, reimbursed, "system", nowUtc);
        db.AddRange(approved, Claim("秋季学期", secondTerm));
        db.Add(new DegreeAllowance { RegionCode = studying.RegionCode, CadreId = studying.CadreId, Year = today.Year, ReimbursedFen = reimbursed, RowVersion = 1 });
        studying.ReimbursedFen = reimbursed;

        HardshipAssistance Help(Cadre c, AssistanceReason reason, string description, long fen) => new()
        {
            RegionCode = c.RegionCode, CadreId = c.Id, Reason = reason, Description = description, RequestedFen = fen,
            Status = AssistanceStatus.Recommended, RecommendedBy = "system", RecommendedAtUtc = nowUtc, RowVersion = 1,
        };
        var waiting = Help(below[^1], AssistanceReason.Disaster, "汛期房屋受损，需修缮", 500_000);
        var granted = Help(below[0], AssistanceReason.Illness, "本人住院治疗，自付费用较多", 800_000);
        (granted.Status, granted.GrantedFen, granted.DecidedBy, granted.DecidedAtUtc) = (AssistanceStatus.Approved, 600_000, "system", nowUtc);
        db.AddRange(waiting, granted);

        db.RecordEvent(AuditActions.Seed, "StudyDemo", town, town, JsonSerializer.Serialize(new { Programmes = 3, Claims = 2, Assistance = 2 }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return 3;
    }
}
