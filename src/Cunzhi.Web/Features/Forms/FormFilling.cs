using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Forms;

/// <summary>A village's typed values (field id → value) and whether to submit now.</summary>
public sealed record SaveEntries(Dictionary<long, string?>? Values, bool Submit);

public sealed record FillItem(long FieldId, string Label, FieldType Type, string? Unit, bool Required, string? Help, IReadOnlyList<string> Choices,
    bool Auto, string? SourceName, string? SourceOrigin, string? Value);

/// <summary>One village's copy of a form: automatic values (live in a draft, stored once submitted) and typed ones.</summary>
public sealed record FillView(long FormId, string Title, string DepartmentName, string? Description, string Village, string? VillageName, DateOnly DueDate,
    SubmissionStatus? Status, DateTime? UpdatedAtUtc, string? UpdatedBy, DateTime? SubmittedAtUtc, IReadOnlyList<FillItem> Items)
{
    public int AutoFields => Items.Count(i => i.Auto);
    public int TypedFields => Items.Count(i => !i.Auto);
}

/// <summary>The result of saving: the copy, or the errors by field (nothing saved).</summary>
public sealed record SaveResult(FillView? View, IReadOnlyList<EntryError> Errors);

public sealed record InboxRow(long FormId, string Title, string DepartmentName, string Village, string? VillageName, DateOnly DueDate, SubmissionStatus? Status,
    DateTime? SubmittedAtUtc);

public sealed class SaveEntriesValidator : AbstractValidator<SaveEntries>
{
    public SaveEntriesValidator() =>
        RuleForEach(c => c.Values).Must(v => (v.Value?.Length ?? 0) <= FormEntry.TextMaxLength).WithMessage($"每项内容不能超过 {FormEntry.TextMaxLength} 个字");
}

/// <summary>A village fills the forms that reached it: its inbox, its copy with automatic fields, saving and submitting.</summary>
public sealed class FormFilling(AppDbContext db, UserContext user, TimeProvider clock, FormSources sources, FormReads reads)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Forms that reached the villages in scope (a village: its own), unfinished first, then by due date.</summary>
    public async Task<Paged<InboxRow>> InboxAsync(SubmissionStatus? status, bool unfilled, PageRequest page, CancellationToken ct = default)
    {
        // Two steps (in the gateway), because lifting the filter for the (county) forms would lift it for the village tasks too.
        var forms = await (await ScopeGateway.CountyForms.SentToAsync(db, db.Set<VillageTask>(), ct)).AsNoTracking()
            .Select(f => new { f.Id, f.Title, f.DepartmentName, RequestId = f.TaskRequestId!.Value }).ToDictionaryAsync(f => f.RequestId, ct);
        var formRequests = forms.Keys.ToList();
        var q = from t in db.Set<VillageTask>().AsNoTracking().Where(t => formRequests.Contains(t.TaskRequestId))
                from s in db.Set<FormSubmission>().Where(s => s.VillageTaskId == t.Id).DefaultIfEmpty()
                select new { t, s };
        if (unfilled) q = q.Where(x => x.s == null);
        else if (status is { } st) q = q.Where(x => x.s != null && x.s.Status == st);
        var rows = await q.OrderBy(x => x.s != null && x.s.Status == SubmissionStatus.Submitted).ThenBy(x => x.t.DueDate).ThenBy(x => x.t.RegionCode).ThenBy(x => x.t.Id)
            .Select(x => new
            {
                x.t.TaskRequestId, x.t.RegionCode, VillageName = db.Regions.Where(r => r.Code == x.t.RegionCode).Select(r => r.Name).FirstOrDefault(), x.t.DueDate,
                Status = x.s == null ? (SubmissionStatus?)null : x.s.Status, SubmittedAtUtc = x.s == null ? null : x.s.SubmittedAtUtc,
            })
            .ToPagedAsync(page, ct);
        return new(rows.Items.Select(r =>
        {
            var f = forms[r.TaskRequestId];
            return new InboxRow(f.Id, f.Title, f.DepartmentName, r.RegionCode, r.VillageName, r.DueDate, r.Status, r.SubmittedAtUtc);
        }).ToList(), rows.Total, rows.Page, rows.PageSize);
    }

    private sealed record Reach(FormTemplate Form, VillageTask Task, List<FormField> Fields);

    /// <summary>The form and its village task in <paramref name="village"/>, when the account may see both.</summary>
    private async Task<Reach?> ReachAsync(long formId, string village, CancellationToken ct)
    {
        var form = await (await reads.OverseenAsync(ct)).AsNoTracking().FirstOrDefaultAsync(f => f.Id == formId, ct);
        if (form?.TaskRequestId is not { } requestId) return null;
        var task = await db.Set<VillageTask>().AsNoTracking().FirstOrDefaultAsync(t => t.TaskRequestId == requestId && t.RegionCode == village, ct);
        if (task is null) return null;
        var fields = await ScopeGateway.CountyForms.FieldsOfAsync(db, formId, ct);
        return new(form, task, fields);
    }

    /// <summary>A village's copy: null when the form did not reach that village (not admitted, not sent there, or out of scope).</summary>
    public async Task<FillView?> FillAsync(long formId, string village, CancellationToken ct = default)
    {
        var reach = await ReachAsync(formId, village, ct);
        if (reach is null) return null;
        var submission = await db.Set<FormSubmission>().AsNoTracking().Include(s => s.Values).FirstOrDefaultAsync(s => s.VillageTaskId == reach.Task.Id, ct);
        return await ViewAsync(reach, submission, ct);
    }

    // The form's village task is an item of this week's Monday list: submitting the form answers it.
    private async Task CompleteWeeklyItemAsync(Reach reach, string village, CancellationToken ct)
    {
        var today = Today;
        var monday = Week.MondayOf(today);
        var note = WeeklyReport.FormSubmittedNote(reach.Form.Title);
        var report = await db.Set<WeeklyReport>().FirstOrDefaultAsync(r => r.VillageTaskId == reach.Task.Id && r.WeekStart == monday, ct);
        if (report is null) db.Add(WeeklyReport.File(reach.Task.Id, village, monday, WeeklyStatus.Done, note, user.UserName, Now, today));
        else report.Change(WeeklyStatus.Done, note, user.UserName, Now, today);
    }

    private async Task<FillView> ViewAsync(Reach reach, FormSubmission? submission, CancellationToken ct)
    {
        var stored = submission?.Values.ToDictionary(v => v.FieldId) ?? [];
        // A submitted copy shows what was handed in; a draft shows the registry as it is now.
        var live = submission?.Status == SubmissionStatus.Submitted
            ? new Dictionary<string, decimal>()
            : await sources.ComputeAsync(reach.Task.RegionCode, reach.Fields.Where(f => f.IsBound).Select(f => f.Binding!), Today, ct);
        var items = reach.Fields.Select(f =>
        {
            var s = BindableSources.Find(f.Binding);
            var value = stored.TryGetValue(f.Id, out var v) ? v.Value
                : f.IsBound && live.TryGetValue(f.Binding!, out var n) ? FormEntry.Format(n) : null;
            return new FillItem(f.Id, f.Label, f.Type, f.Unit, f.Required, f.Help, f.Choices, f.IsBound, s?.Name, s?.Origin, value);
        }).ToList();
        var villageName = await db.Regions.Where(r => r.Code == reach.Task.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return new(reach.Form.Id, reach.Form.Title, reach.Form.DepartmentName, reach.Form.Description, reach.Task.RegionCode, villageName, reach.Task.DueDate,
            submission?.Status, submission?.UpdatedAtUtc, submission?.UpdatedBy, submission?.SubmittedAtUtc, items);
    }

    /// <summary>
    /// Saves a village's typed values, or submits them with the automatic values computed now (a snapshot). Null when the
    /// form did not reach that village; errors by field when a value is wrong (nothing saved). Submitting also reports the
    /// form's item on this week's Monday list as 已完成, in the same SaveChanges: one report, not two.
    /// </summary>
    public async Task<SaveResult?> SaveAsync(long formId, string village, SaveEntries c, CancellationToken ct = default)
    {
        var reach = await ReachAsync(formId, village, ct);
        if (reach is null) return null;
        var submission = await db.Set<FormSubmission>().Include(s => s.Values).FirstOrDefaultAsync(s => s.VillageTaskId == reach.Task.Id, ct);
        if (submission is null) db.Add(submission = FormSubmission.Start(formId, reach.Task.Id, village));
        IReadOnlyDictionary<long, decimal>? automatic = null;
        if (c.Submit)
        {
            var values = await sources.ComputeAsync(village, reach.Fields.Where(f => f.IsBound).Select(f => f.Binding!), Today, ct);
            automatic = reach.Fields.Where(f => f.IsBound).ToDictionary(f => f.Id, f => values[f.Binding!]);
        }
        try
        {
            submission.Save(reach.Fields, c.Values ?? [], automatic, user.UserName, Now);
        }
        catch (FormEntryException e) { return new(null, e.Errors); }
        if (c.Submit) await CompleteWeeklyItemAsync(reach, village, ct);
        await db.SaveChangesAsync(ct);
        return new(await ViewAsync(reach, submission, ct), []);
    }
}
