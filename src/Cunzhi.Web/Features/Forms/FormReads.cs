using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Forms;

public sealed record FormFilter(FormStatus? Status, string? Q);

public sealed record FormSummary(long Id, string Title, string DepartmentName, FormStatus Status, TaskRequestStatus? GateStatus, int Fields, int BoundFields,
    DateTime CreatedAtUtc, DateTime? FiledAtUtc, long? TaskRequestId, int Villages, int Submitted);

public sealed record FieldView(long Id, int SortOrder, string Label, FieldType Type, string? Unit, bool Required, string? Help, IReadOnlyList<string> Choices,
    string? Binding, string? SourceName, string? SourceOrigin);

public sealed record FormDetail(FormSummary Summary, string? Description, IReadOnlyList<FieldView> Fields, IReadOnlyList<DuplicateView> Duplicates,
    string? DecisionReason, DateOnly? DueDate, bool CanEdit);

/// <summary>
/// The form registry and the reads every forms use case shares.
/// <para>
/// Who sees a form: a department its own forms and other departments' filed ones (never their drafts); the
/// coordination office and the county admin all the county's. A village or town sees a form only through an admitted
/// <see cref="VillageTask"/> of its request in its scope — village tasks exist only once admitted, so no path lets an
/// un-admitted form reach a village. Forms are county rows; for those accounts they are read past the region filter,
/// but only by the request ids of the village tasks the filter lets them see.
/// </para>
/// </summary>
public sealed class FormReads(AppDbContext db, UserContext user, IHttpContextAccessor http, FormDuplicateCheck duplicates)
{
    private bool IsDepartment => http.HttpContext?.User.Can(Permissions.FormsOwnDepartment) == true;
    private bool IsCountyReader => http.HttpContext?.User.Can(Permissions.FormsCountyRead) == true;

    /// <summary>Forms in the registry the account may see: a department its own and others' filed forms.</summary>
    private IQueryable<FormTemplate> Registry()
    {
        var q = db.Set<FormTemplate>().AsQueryable();
        if (IsDepartment)
        {
            var me = user.UserId;
            q = q.Where(f => f.OwnerUserId == me || f.Status == FormStatus.Filed);
        }
        return q;
    }

    /// <summary>
    /// Forms whose submissions the account may read: a department its own; the county all; a town or village those that
    /// reached it. The forms of the scoped village tasks' requests are read past the filter by
    /// <see cref="ScopeGateway.CountyForms.SentToAsync"/>, which reads the tasks first, in a query of their own.
    /// </summary>
    internal async Task<IQueryable<FormTemplate>> OverseenAsync(CancellationToken ct)
    {
        if (IsDepartment)
        {
            var me = user.UserId;
            return db.Set<FormTemplate>().Where(f => f.OwnerUserId == me);
        }
        if (IsCountyReader) return db.Set<FormTemplate>();
        return await ScopeGateway.CountyForms.SentToAsync(db, db.Set<VillageTask>(), ct);
    }

    private sealed record FormRow(long Id, string Title, string DepartmentName, FormStatus Status, DateTime CreatedAtUtc, DateTime? FiledAtUtc, long? TaskRequestId);

    private static IQueryable<FormRow> Rows(IQueryable<FormTemplate> q) =>
        q.Select(f => new FormRow(f.Id, f.Title, f.DepartmentName, f.Status, f.CreatedAtUtc, f.FiledAtUtc, f.TaskRequestId));

    /// <summary>
    /// Adds counts to forms already authorised: fields and gate status (county rows, read past the filter by id), and
    /// villages reached and submissions — scoped, so a town counts its own villages only.
    /// </summary>
    private async Task<List<FormSummary>> SummarizeAsync(IReadOnlyList<FormRow> forms, CancellationToken ct)
    {
        var ids = forms.Select(f => f.Id).ToList();
        var requestIds = forms.Where(f => f.TaskRequestId is not null).Select(f => f.TaskRequestId!.Value).ToList();
        var fields = await ScopeGateway.CountyForms.FieldsOf(db, ids)
            .GroupBy(x => x.FormTemplateId).Select(g => new { g.Key, All = g.Count(), Bound = g.Count(x => x.Binding != null) }).ToDictionaryAsync(x => x.Key, ct);
        var gate = await ScopeGateway.CountyForms.RequestsOf(db, requestIds).ToDictionaryAsync(r => r.Id, r => r.Status, ct);
        var villages = await db.Set<VillageTask>().Where(t => requestIds.Contains(t.TaskRequestId)).GroupBy(t => t.TaskRequestId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var submitted = await db.Set<FormSubmission>().Where(x => ids.Contains(x.FormTemplateId) && x.Status == SubmissionStatus.Submitted)
            .GroupBy(x => x.FormTemplateId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return forms.Select(f => new FormSummary(f.Id, f.Title, f.DepartmentName, f.Status,
            f.TaskRequestId is { } r && gate.TryGetValue(r, out var st) ? st : null,
            fields.TryGetValue(f.Id, out var c) ? c.All : 0, c?.Bound ?? 0, f.CreatedAtUtc, f.FiledAtUtc, f.TaskRequestId,
            f.TaskRequestId is { } r2 ? villages.GetValueOrDefault(r2) : 0, submitted.GetValueOrDefault(f.Id))).ToList();
    }

    internal async Task<FormSummary?> SummaryAsync(IQueryable<FormTemplate> q, CancellationToken ct) =>
        await Rows(q).FirstOrDefaultAsync(ct) is { } row ? (await SummarizeAsync([row], ct))[0] : null;

    private static FieldView View(FormField f)
    {
        var s = BindableSources.Find(f.Binding);
        return new(f.Id, f.SortOrder, f.Label, f.Type, f.Unit, f.Required, f.Help, f.Choices, f.Binding, s?.Name, s?.Origin);
    }

    /// <summary>The registry, newest first.</summary>
    public async Task<Paged<FormSummary>> ListAsync(FormFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = Registry().AsNoTracking();
        if (f.Status is { } s) q = q.Where(x => x.Status == s);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(x => x.Title.Contains(f.Q.Trim()) || x.DepartmentName.Contains(f.Q.Trim()));
        var rows = await Rows(q.OrderByDescending(x => x.CreatedAtUtc).ThenByDescending(x => x.Id)).ToPagedAsync(page, ct);
        return new(await SummarizeAsync(rows.Items, ct), rows.Total, rows.Page, rows.PageSize);
    }

    /// <summary>A form with its fields and duplicate warnings; null when not visible.</summary>
    public async Task<FormDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var form = await Registry().AsNoTracking().Include(f => f.Fields).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (form is null) return null;
        return await DetailAsync(form, ct);
    }

    /// <summary>A form as every use case answers it: summary, fields, duplicate warnings, the gate's decision, and whether the account may edit it.</summary>
    internal async Task<FormDetail> DetailAsync(FormTemplate form, CancellationToken ct)
    {
        var summary = (await SummaryAsync(ScopeGateway.CountyForms.Held(db, form.Id), ct))!;
        var request = form.TaskRequestId is { } rid
            ? await db.Set<TaskRequest>().Where(r => r.Id == rid).Select(r => new { r.DecisionReason, r.DueDate }).FirstOrDefaultAsync(ct)
            : null;
        var canEdit = form.Status == FormStatus.Draft && IsDepartment && form.OwnerUserId == user.UserId;
        return new(summary, form.Description, form.Ordered.Select(View).ToList(), await duplicates.FindAsync(form, ct), request?.DecisionReason, request?.DueDate, canEdit);
    }

    /// <summary>Duplicate warnings of the form filed as <paramref name="taskRequestId"/> (the coordination office's queue), empty for other requests.</summary>
    public async Task<FormDetail?> ForRequestAsync(long taskRequestId, CancellationToken ct = default)
    {
        var form = await Registry().AsNoTracking().Include(f => f.Fields).FirstOrDefaultAsync(f => f.TaskRequestId == taskRequestId, ct);
        return form is null ? null : await DetailAsync(form, ct);
    }
}
