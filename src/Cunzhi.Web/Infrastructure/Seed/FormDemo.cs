using Cunzhi.Data;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Forms;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>What the activity demo made of 一表通.</summary>
public sealed record FormDemoCounts(int Forms, long Submitted, long Drafts, long Values);

/// <summary>
/// Two 一表通 forms of two departments, designed with fields bound to the registries and typed ones, filed through the
/// admission gate as <see cref="FormDesign.PublishAsync"/> files them (duplicate check, then <see cref="TaskGate.Pass"/>),
/// and filled by most of their villages in the days after: the automatic values computed by <see cref="FormSources"/> on
/// the day of submission, the typed ones drawn with the seed, saved by <see cref="FormSubmission.Save"/>; a few villages
/// keep a draft, the rest (闹坪村 among them for the newer form) have not started.
/// </summary>
public sealed class FormDemo(AppDbContext db, TimeProvider clock)
{
    private sealed record Plan(int WeeksAgo, string Department, string Title, string Description, string ClaimedItem, int Towns, int DueInDays,
        FieldSpec[] Fields, Func<Random, string>[] Typed);

    private static readonly Plan[] Plans =
    [
        new(6, TaskDemo.Agriculture, "2026年冬季农业生产情况统计表", "请各村如实填写本村冬季农业生产情况，村干部人数和户数由平台自动填写。",
            "协助开展人口普查、农业普查等统计调查", 6, 21,
            [
                new("村干部人数", FieldType.Number, "人", true, null, null, "cadres.count"),
                new("户数", FieldType.Number, "户", true, null, null, "households.count"),
                new("冬种油菜面积", FieldType.Number, "亩", true, "按实际播种面积填写", null, null),
                new("冬春农田水利完工项目", FieldType.Number, "个", false, null, null, null),
                new("高标准农田管护情况", FieldType.Choice, null, true, null, ["良好", "一般", "较差"], null),
            ],
            [r => (80 + r.Next(400)).ToString(), r => r.Next(6).ToString(), r => r.Next(10) < 7 ? "良好" : r.Next(2) == 0 ? "一般" : "较差"]),
        new(2, "万载县应急管理局", "冬季防灾减灾应急物资储备摸底表", "请各村填写应急物资储备和应急队伍情况，人口数和网格数由平台自动填写。",
            "协助开展防汛抗旱和地质灾害隐患巡查", 5, 14,
            [
                new("人口数", FieldType.Number, "人", true, null, null, "residents.count"),
                new("网格数", FieldType.Number, "个", true, null, null, "grids.count"),
                new("应急物资储备点数量", FieldType.Number, "个", true, null, null, null),
                new("村级应急队伍人数", FieldType.Number, "人", true, null, null, null),
                new("是否制定村级应急预案", FieldType.Choice, null, true, null, ["是", "否"], null),
            ],
            [r => (1 + r.Next(3)).ToString(), r => (8 + r.Next(20)).ToString(), r => r.Next(10) < 8 ? "是" : "否"]),
    ];

    public async Task<FormDemoCounts> SeedAsync(ActivityCounty area, int seed, CancellationToken ct = default)
    {
        var published = await TaskDemo.PublishedListAsync(db, area.County, ct);
        var office = await TaskDemo.OfficeAsync(db, ct);
        var sources = new FormSources(db, clock);
        var random = new Random(seed + 2);
        var submissions = new List<(FormSubmission Submission, FormTemplate Form)>();
        var forms = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var demo = new TaskDemo(db, clock);
        foreach (var p in Plans)
        {
            var filed = demo.FiledAt(area, p.WeeksAgo, random);
            var (userId, userName) = await TaskDemo.DepartmentAccountAsync(db, p.Department, ct);
            var form = new FormTemplate
            {
                RegionCode = area.County, OwnerUserId = userId, DepartmentName = p.Department, Title = p.Title, Description = p.Description,
                CreatedAtUtc = filed.AddDays(-1),
            };
            foreach (var f in p.Fields) form.AddField(f);
            db.Add(form);
            await db.SaveChangesAsync(ct);

            // As FormDesign.PublishAsync: duplicates hold it for the office, the requirement says how much is filled automatically.
            var holds = await new FormDuplicateCheck(db).HoldsAsync(form, ct);
            form.MarkFiled(filed);
            var bound = form.Fields.Count(f => f.IsBound);
            var requirement = $"请填报报表《{form.Title}》，共 {form.Fields.Count} 项指标，其中 {bound} 项由平台根据已有数据自动填写，只需手工填写 {form.Fields.Count - bound} 项。\n{form.Description}";
            var towns = TaskDemo.PickTowns(area, p.Towns, random);
            var villages = area.VillagesOf(towns);
            var code = published?.Items.FirstOrDefault(i => i.Title == p.ClaimedItem)?.Code;
            var request = new TaskGate(area.County, userId, userName, p.Department, published, TaskChannel.Page, filed)
                .Pass(new FileTaskRequest(form.Title, requirement, villages, null, clock.DateOf(filed).AddDays(p.DueInDays), false, null, code), villages, holds);
            if (request.Status == TaskRequestStatus.Pending) request.Approve(office, null, TaskDemo.Decided(filed, clock));
            await TaskDemo.StoreAsync(db, [request], ct);
            form.LinkRequest(request.Id);
            await db.SaveChangesAsync(ct);
            forms++;
            if (request.Status != TaskRequestStatus.Admitted) continue;

            var fields = form.Ordered.ToList();
            var typedFields = fields.Where(f => !f.IsBound).ToList();
            var tasks = await db.Set<VillageTask>().AsNoTracking().Where(t => t.TaskRequestId == request.Id).OrderBy(t => t.RegionCode)
                .Select(t => new { t.Id, t.RegionCode, t.AdmittedAtUtc }).ToListAsync(ct);
            foreach (var t in tasks)
            {
                var roll = random.Next(100);
                var typed = typedFields.Select((f, i) => (f.Id, Value: p.Typed[i](random))).ToDictionary(x => x.Id, x => (string?)x.Value);
                var at = t.AdmittedAtUtc.AddHours(20 + random.Next(24 * 9));
                // The newer form is still open: 闹坪村 (the demo village account) has not filled it yet.
                if (roll >= 85 || at >= now || p.WeeksAgo < 3 && t.RegionCode == ActivityDemo.DemoVillage) continue;
                var s = FormSubmission.Start(form.Id, t.Id, t.RegionCode);
                if (roll >= 78)
                {
                    s.Save(fields, typed.Take(1).ToDictionary(), null, "demo", at);
                }
                else
                {
                    var automatic = await sources.ComputeAsync(t.RegionCode, fields.Where(f => f.IsBound).Select(f => f.Binding!), clock.DateOf(at), ct);
                    s.Save(fields, typed, fields.Where(f => f.IsBound).ToDictionary(f => f.Id, f => automatic[f.Binding!]), "demo", at);
                }
                submissions.Add((s, form));
            }
            db.Entry(form).State = EntityState.Detached;
        }
        var bulk = new BulkWriter(db);
        var next = await bulk.NextIdAsync<FormSubmission>(ct);
        var rows = submissions.Select((x, i) => (Id: next + i, x.Submission)).ToList();
        await bulk.WriteAsync(typeof(FormSubmission), rows,
            [nameof(FormSubmission.Id), nameof(FormSubmission.FormTemplateId), nameof(FormSubmission.VillageTaskId), nameof(FormSubmission.RegionCode),
             nameof(FormSubmission.Status), nameof(FormSubmission.UpdatedAtUtc), nameof(FormSubmission.UpdatedBy), nameof(FormSubmission.SubmittedAtUtc),
             nameof(FormSubmission.AutoFilledCount), nameof(FormSubmission.TypedCount)],
            x => [x.Id, x.Submission.FormTemplateId, x.Submission.VillageTaskId, x.Submission.RegionCode, (int)x.Submission.Status, x.Submission.UpdatedAtUtc,
                  x.Submission.UpdatedBy, x.Submission.SubmittedAtUtc, x.Submission.AutoFilledCount, x.Submission.TypedCount], ct);
        await bulk.ResetIdentityAsync<FormSubmission>(ct);
        var values = await bulk.WriteAsync(typeof(FormValue), rows.SelectMany(x => x.Submission.Values.Select(v => (x.Id, Value: v))),
            [nameof(FormValue.SubmissionId), nameof(FormValue.RegionCode), nameof(FormValue.FieldId), nameof(FormValue.Value), nameof(FormValue.Source)],
            x => [x.Id, x.Value.RegionCode, x.Value.FieldId, x.Value.Value, x.Value.Source], ct);
        return new(forms, submissions.Count(x => x.Submission.Status == SubmissionStatus.Submitted),
            submissions.Count(x => x.Submission.Status == SubmissionStatus.Draft), values);
    }
}
