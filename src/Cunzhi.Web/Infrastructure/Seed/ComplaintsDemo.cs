using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// The demo's 信访举报 (with the activity): a few complaints about the demo town's villages in every state — waiting
/// (anonymous and named), accepted, refused, under investigation, concluded 不实 — and one concluded 查实 against a cadre of
/// the town, with the 信访举报查实 conduct record the promotion rules read. Receipt codes are random and not kept (as in a
/// real filing the code is shown once). Skipped when the town already has complaints.
/// </summary>
public sealed class ComplaintsDemo(AppDbContext db, PersonalDataProtector protector)
{
    private const string Inspector = "discipline";

    /// <summary>Seeds the town's complaints; the number written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var prefix = RegionCodes.ScopePrefix(town);
        if (await db.Set<Complaint>().AnyAsync(c => c.RegionCode.StartsWith(prefix), ct)) return 0;
        var villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode == town && r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => r.Code).Take(3).ToListAsync(ct);
        if (villages.Count == 0) return 0;
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.RegionCode == villages[0] && c.Status == CadreStatus.InOffice)
            .OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);

        Complaint File(int daysAgo, string village, ComplaintCategory category, string subject, long? cadreId = null, string? name = null, string? phone = null)
        {
            var at = nowUtc.AddDays(-daysAgo);
            var (c, entry) = Complaint.File(village, category, subject, cadreId, name is null, name, phone,
                protector.ReceiptCodeHash(BallotCodeFormat.Generate(RandomNumberGenerator.GetInt32)), protector.Protect, today.AddDays(-daysAgo), at);
            db.Add(c);
            db.Add(entry);
            return c;
        }
        DateTime At(int daysAgo) => nowUtc.AddDays(-daysAgo);

        File(2, villages[0], ComplaintCategory.Finance, "村里修路的账目没有公开，不知道钱花在哪里");
        File(5, villages[^1], ComplaintCategory.WorkStyle, "村委会办事拖拉，申请低保三个月没人理", name: "王秀英", phone: "13907951234");

        var accepted = File(12, villages[0], ComplaintCategory.Election, "换届时有人挨家挨户送烟拉票");
        db.Add(accepted.Accept("已受理，正在安排核查", Inspector, today.AddDays(-10), At(10)));

        var refused = File(20, villages[^1], ComplaintCategory.Other, "邻居家的狗晚上叫，影响休息");
        db.Add(refused.Refuse("不属于纪检监察机关受理范围，建议向村委会或派出所反映", Inspector, today.AddDays(-19), At(19)));

        var investigating = File(40, villages[0], ComplaintCategory.Integrity, "村干部优亲厚友，把危房改造名额给了亲戚", cadre);
        db.Add(investigating.Accept(null, Inspector, today.AddDays(-38), At(38)));
        db.Add(investigating.Investigate("已成立核查组", Inspector, At(35)));

        var unfounded = File(70, villages[^1], ComplaintCategory.Finance, "怀疑村集体山林承包款被挪用", name: "刘建华", phone: "13807956789");
        db.Add(unfounded.Accept(null, Inspector, today.AddDays(-68), At(68)));
        db.Add(unfounded.Investigate(null, Inspector, At(66)));
        db.Add(unfounded.Conclude(ComplaintOutcome.Unfounded, "经查账，承包款已全额入村集体账户，反映不实", "经核查，反映的问题不属实", Inspector, today.AddDays(-50), At(50)));

        var written = 6;
        if (cadre is { } id)
        {
            var verified = File(100, villages[0], ComplaintCategory.Integrity, "村干部在低保评定中收受好处费", id);
            db.Add(verified.Accept(null, Inspector, today.AddDays(-98), At(98)));
            db.Add(verified.Investigate(null, Inspector, At(95)));
            db.Add(verified.Conclude(ComplaintOutcome.Verified, "经查，收受好处费 1,500 元属实，已责令退还", "经核查，反映的问题属实，已依规处理", Inspector,
                today.AddDays(-60), At(60)));
            var record = ConductRecord.Create(id, villages[0], ConductKind.Complaint, today.AddDays(-60), null, null, null, null,
                "信访举报查实：低保评定中收受好处费 1,500 元", [], today, Inspector, At(60));
            db.Add(record);
            verified.ConductRecord = record;
            written++;
        }
        await db.SaveChangesAsync(ct);
        return written;
    }
}
