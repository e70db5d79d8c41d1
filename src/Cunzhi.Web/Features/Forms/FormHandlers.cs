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

public sealed record CreateForm(string Title, string? Description);

public sealed record UpdateForm(string Title, string? Description);

/// <summary>A field as a department designs it; <see cref="Binding"/> is a source key from <c>GET /api/v1/forms/sources</c>.</summary>
public sealed record SaveField(string Label, FieldType Type, string? Unit, bool Required, string? Help, List<string>? Choices, string? Binding)
{
    public FieldSpec ToSpec() => new(Label ?? "", Type, Unit, Required, Help, Choices, Binding);
}

/// <summary>Puts a form to the villages: filed as a task request, so it passes the admission gate like any task.</summary>
public sealed record PublishForm(List<string>? Villages, List<string>? Towns, DateOnly DueDate, string? ItemCode);

/// <summary>A village's typed values (field id → value) and whether to submit now.</summary>
public sealed record SaveEntries(Dictionary<long, string?>? Values, bool Submit);

public sealed record FormFilter(FormStatus? Status, string? Q);

public sealed record SubmissionFilter(SubmissionStatus? Status, bool? Unfilled);

public sealed record FormSummary(long Id, string Title, string DepartmentName, FormStatus Status, TaskRequestStatus? GateStatus, int Fields, int BoundFields,
    DateTime CreatedAtUtc, DateTime? FiledAtUtc, long? TaskRequestId, int Villages, int Submitted);

public sealed record FieldView(long Id, int SortOrder, string Label, FieldType Type, string? Unit, bool Required, string? Help, IReadOnlyList<string> Choices,
    string? Binding, string? SourceName, string? SourceOrigin);

public sealed record DuplicateView(long FieldId, string FieldLabel, DuplicateKind Kind, long? OtherFormId, string? OtherFormTitle, string? OtherFieldLabel,
    string? SourceKey, string Message);

public sealed record FormDetail(FormSummary Summary, string? Description, IReadOnlyList<FieldView> Fields, IReadOnlyList<DuplicateView> Duplicates,
    string? DecisionReason, DateOnly? DueDate, bool CanEdit);

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

public sealed record SubmissionRow(string Village, string? VillageName, SubmissionStatus? Status, DateTime? UpdatedAtUtc, DateTime? SubmittedAtUtc, int AutoFilled, int Typed);

public sealed record SubmissionPage(FormSummary Form, int Targets, int Submitted, int Drafts, Paged<SubmissionRow> Rows);

public sealed record InboxRow(long FormId, string Title, string DepartmentName, string Village, string? VillageName, DateOnly DueDate, SubmissionStatus? Status,
    DateTime? SubmittedAtUtc);

/// <summary>
/// 减负 meter input: what forms asked of a village in a month and what it was spared. Forms received are the form
/// tasks admitted to the village that month; fields are counted on the copies it submitted that month.
/// </summary>
public sealed record FormFieldCounts(string Village, DateOnly Month, int FormsReceived, int FormsSubmitted, int FieldsTyped, int FieldsAutoFilled);

public sealed class CreateFormValidator : AbstractValidator<CreateForm>
{
    public CreateFormValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写报表名称").MaximumLength(FormTemplate.TitleMaxLength).WithMessage($"报表名称不能超过 {FormTemplate.TitleMaxLength} 个字");
        RuleFor(c => c.Description).MaximumLength(1000).WithMessage("填报说明不能超过 1000 个字");
    }
}

public sealed class UpdateFormValidator : AbstractValidator<UpdateForm>
{
    public UpdateFormValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写报表名称").MaximumLength(FormTemplate.TitleMaxLength).WithMessage($"报表名称不能超过 {FormTemplate.TitleMaxLength} 个字");
        RuleFor(c => c.Description).MaximumLength(1000).WithMessage("填报说明不能超过 1000 个字");
    }
}

public sealed class SaveFieldValidator : AbstractValidator<SaveField>
{
    public SaveFieldValidator()
    {
        RuleFor(c => c.Label).NotEmpty().WithMessage("请填写指标名称").MaximumLength(FormField.LabelMaxLength).WithMessage($"指标名称不能超过 {FormField.LabelMaxLength} 个字");
        RuleFor(c => c.Type).IsInEnum().WithMessage("请选择指标类型");
        RuleFor(c => c.Unit).MaximumLength(10).WithMessage("单位不能超过 10 个字");
        RuleFor(c => c.Help).MaximumLength(200).WithMessage("填写说明不能超过 200 个字");
        RuleFor(c => c.Choices).Must(c => c is { Count: >= 2 } && c.Count(x => !string.IsNullOrWhiteSpace(x)) >= 2).When(c => c.Type == FieldType.Choice)
            .WithMessage("选项类指标至少要有两个选项");
        RuleForEach(c => c.Choices).MaximumLength(30).WithMessage("每个选项不能超过 30 个字");
        RuleFor(c => c.Binding).Must(b => BindableSources.Find(b) is not null).When(c => !string.IsNullOrWhiteSpace(c.Binding))
            .WithMessage("没有该可绑定的数据来源");
        RuleFor(c => c.Type).Equal(FieldType.Number).When(c => !string.IsNullOrWhiteSpace(c.Binding)).WithMessage("绑定平台数据的指标必须是数字类型");
    }
}

public sealed class PublishFormValidator : AbstractValidator<PublishForm>
{
    public PublishFormValidator(TimeProvider clock)
    {
        RuleFor(c => c).Must(c => (c.Villages?.Count ?? 0) + (c.Towns?.Count ?? 0) > 0).WithName("Villages").WithMessage("请选择下发的村(社区)");
        RuleForEach(c => c.Villages).Must(v => RegionCodes.IsValid(v, RegionLevel.Village)).WithMessage("村(社区)代码无效：{PropertyValue}");
        RuleForEach(c => c.Towns).Must(v => RegionCodes.IsValid(v, RegionLevel.Town)).WithMessage("乡镇代码无效：{PropertyValue}");
        RuleFor(c => c.DueDate).Must(d => d >= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).WithMessage("填报截止日期不能早于今天");
        RuleFor(c => c.ItemCode).MaximumLength(20).WithMessage("清单事项编号不能超过 20 个字符");
    }
}

public sealed class SaveEntriesValidator : AbstractValidator<SaveEntries>
{
    public SaveEntriesValidator() =>
        RuleForEach(c => c.Values).Must(v => (v.Value?.Length ?? 0) <= FormEntry.TextMaxLength).WithMessage($"每项内容不能超过 {FormEntry.TextMaxLength} 个字");
}

/// <summary>
/// 一表通: the form registry, field design with duplicate warnings, publishing through the admission gate
/// (<see cref="TaskHandlers.FileAsync"/>, the same gate as every task), village filling with automatic fields,
/// submissions, and the counts the burden meter reads.
/// <para>
/// Who sees a form: a department its own forms and other departments' filed ones (never their drafts); the
/// coordination office and the county admin all the county's. A village or town sees a form only through an admitted
/// <see cref="VillageTask"/> of its request in its scope — village tasks exist only once admitted, so no path lets an
/// un-admitted form reach a village. Forms are county rows; for those accounts they are read past the region filter,
/// but only by the request ids of the village tasks the filter lets them see.
/// </para>
/// </summary>
public sealed class FormHandlers(AppDbContext db, UserContext user, IHttpContextAccessor http, TimeProvider clock, TaskHandlers tasks, FormSources sources)
{
    public const string NotFoundMessage = "未找到该报表，或其不在您的管辖范围内";
    public const string VillageNotFoundMessage = "该报表未下发到这个村(社区)，或其不在您的管辖范围内";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

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
    private async Task<IQueryable<FormTemplate>> OverseenAsync(CancellationToken ct)
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

    private async Task<FormSummary?> SummaryAsync(IQueryable<FormTemplate> q, CancellationToken ct) =>
        await Rows(q).FirstOrDefaultAsync(ct) is { } row ? (await SummarizeAsync([row], ct))[0] : null;

    private static FieldView View(FormField f)
    {
        var s = BindableSources.Find(f.Binding);
        return new(f.Id, f.SortOrder, f.Label, f.Type, f.Unit, f.Required, f.Help, f.Choices, f.Binding, s?.Name, s?.Origin);
    }

    private static T Apply<T>(Func<T> rule)
    {
        return rule();
    }

    // ---- registry and design ----

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

    private async Task<FormDetail> DetailAsync(FormTemplate form, CancellationToken ct)
    {
        var summary = (await SummaryAsync(ScopeGateway.CountyForms.Held(db, form.Id), ct))!;
        var request = form.TaskRequestId is { } rid
            ? await db.Set<TaskRequest>().Where(r => r.Id == rid).Select(r => new { r.DecisionReason, r.DueDate }).FirstOrDefaultAsync(ct)
            : null;
        var canEdit = form.Status == FormStatus.Draft && IsDepartment && form.OwnerUserId == user.UserId;
        return new(summary, form.Description, form.Ordered.Select(View).ToList(), await DuplicatesAsync(form, ct), request?.DecisionReason, request?.DueDate, canEdit);
    }

    /// <summary>
    /// Duplicate warnings for a form against the forms villages are asked to fill or may soon be: other filed forms
    /// whose request is admitted or pending (drafts of other departments are nobody's business yet).
    /// </summary>
    private async Task<IReadOnlyList<DuplicateView>> DuplicatesAsync(FormTemplate form, CancellationToken ct)
    {
        var others = await ScopeGateway.CountyForms.LiveFieldsBesideAsync(db, form, ct);
        var mine = form.Ordered.Select(x => new FieldRef(form.Id, form.Title, x.Id, x.Label, x.Binding)).ToList();
        return FieldDuplicates.Find(mine, others)
            .Select(d => new DuplicateView(d.Field.FieldId, d.Field.Label, d.Kind, d.Other?.FormId == form.Id ? null : d.Other?.FormId,
                d.Other is null ? null : d.Other.FormId == form.Id ? "本表" : d.Other.FormTitle, d.Other?.Label, d.Source?.Key, d.Message))
            .ToList();
    }

    /// <summary>Duplicate warnings of the form filed as <paramref name="taskRequestId"/> (the coordination office's queue), empty for other requests.</summary>
    public async Task<FormDetail?> ForRequestAsync(long taskRequestId, CancellationToken ct = default)
    {
        var form = await Registry().AsNoTracking().Include(f => f.Fields).FirstOrDefaultAsync(f => f.TaskRequestId == taskRequestId, ct);
        return form is null ? null : await DetailAsync(form, ct);
    }

    // A department changes only its own forms; anyone else's is "not found".
    private Task<FormTemplate?> OwnAsync(long id, CancellationToken ct)
    {
        var me = user.UserId;
        return db.Set<FormTemplate>().Include(f => f.Fields).FirstOrDefaultAsync(f => f.Id == id && f.OwnerUserId == me, ct);
    }

    /// <summary>A new draft of the acting department.</summary>
    public async Task<FormDetail> CreateAsync(CreateForm c, CancellationToken ct = default)
    {
        var county = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.County ? user.RegionCode : throw new RuleException("只有县级部门账号可以设计报表");
        var me = user.UserId;
        var department = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var form = new FormTemplate
        {
            RegionCode = county, OwnerUserId = me, DepartmentName = string.IsNullOrWhiteSpace(department) ? user.UserName : department,
            Title = c.Title.Trim(), Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim(), CreatedAtUtc = Now,
        };
        db.Add(form);
        await db.SaveChangesAsync(ct);
        return await DetailAsync(form, ct);
    }

    public async Task<FormDetail?> UpdateAsync(long id, UpdateForm c, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        if (form.Status != FormStatus.Draft) throw new RuleException("报表已报送准入，不能再修改");
        (form.Title, form.Description) = (c.Title.Trim(), string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim());
        await db.SaveChangesAsync(ct);
        return await DetailAsync(form, ct);
    }

    /// <summary>Deletes a draft; a filed form stays (its request and villages' copies refer to it).</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return false;
        if (form.Status != FormStatus.Draft) throw new RuleException("报表已报送准入，不能删除");
        db.Remove(form);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Adds a field (<paramref name="fieldId"/> null) or changes one; the detail carries the duplicate warnings.</summary>
    public async Task<FormDetail?> SaveFieldAsync(long id, long? fieldId, SaveField c, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        Apply(() => fieldId is { } fid ? form.UpdateField(fid, c.ToSpec()) : form.AddField(c.ToSpec()));
        await db.SaveChangesAsync(ct);
        return await DetailAsync(form, ct);
    }

    public async Task<FormDetail?> RemoveFieldAsync(long id, long fieldId, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        var field = Apply(() => form.RemoveField(fieldId));
        db.Remove(field);
        await db.SaveChangesAsync(ct);
        return await DetailAsync(form, ct);
    }

    public async Task<FormDetail?> MoveFieldAsync(long id, long fieldId, int step, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        Apply(() => { form.MoveField(fieldId, step); return form; });
        await db.SaveChangesAsync(ct);
        return await DetailAsync(form, ct);
    }

    /// <summary>
    /// Files the form at the admission gate through <see cref="TaskHandlers.FileAsync"/> — the one gate for all work put
    /// on villages: a form under a list item is admitted and reaches the villages at once, one on the negative list is
    /// refused, anything else waits for the coordination office. The form and its request are saved in one transaction.
    /// </summary>
    public async Task<FormDetail?> PublishAsync(long id, PublishForm c, TaskChannel channel, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        var bound = form.Fields.Count(f => f.IsBound);
        Apply(() => { form.MarkFiled(Now); return form; });
        var requirement = $"请填报报表《{form.Title}》，共 {form.Fields.Count} 项指标，其中 {bound} 项由平台根据已有数据自动填写，只需手工填写 {form.Fields.Count - bound} 项。"
                          + (form.Description is { } d ? "\n" + d : "");
        var request = new FileTaskRequest(form.Title, requirement[..Math.Min(requirement.Length, 2000)], c.Villages, c.Towns, c.DueDate, false, null, c.ItemCode);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var filed = await tasks.FileAsync(request, channel, ct);
        Apply(() => { form.LinkRequest(filed.Id); return form; });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await DetailAsync(form, ct);
    }

    // ---- villages ----

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
        var form = await (await OverseenAsync(ct)).AsNoTracking().FirstOrDefaultAsync(f => f.Id == formId, ct);
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
    /// form did not reach that village; errors by field when a value is wrong (nothing saved).
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
        await db.SaveChangesAsync(ct);
        return new(await ViewAsync(reach, submission, ct), []);
    }

    // ---- submissions, export, counts ----

    /// <summary>Per-village completion of a form (villages in scope), unfilled first; null when the form is not the account's to oversee.</summary>
    public async Task<SubmissionPage?> SubmissionsAsync(long formId, SubmissionFilter f, PageRequest page, CancellationToken ct = default)
    {
        var summary = await SummaryAsync((await OverseenAsync(ct)).AsNoTracking().Where(x => x.Id == formId), ct);
        if (summary?.TaskRequestId is not { } requestId) return summary is null ? null : new(summary, 0, 0, 0, new([], 0, page.Page, page.Size));
        var rows = from t in db.Set<VillageTask>().AsNoTracking().Where(t => t.TaskRequestId == requestId)
                   from s in db.Set<FormSubmission>().Where(s => s.VillageTaskId == t.Id).DefaultIfEmpty()
                   select new { t, s };
        var targets = await rows.CountAsync(ct);
        var submitted = await rows.CountAsync(x => x.s != null && x.s.Status == SubmissionStatus.Submitted, ct);
        var drafts = await rows.CountAsync(x => x.s != null && x.s.Status == SubmissionStatus.Draft, ct);
        if (f.Unfilled == true) rows = rows.Where(x => x.s == null);
        else if (f.Status is { } st) rows = rows.Where(x => x.s != null && x.s.Status == st);
        var paged = await rows.OrderBy(x => x.s == null ? 0 : (int)x.s.Status).ThenBy(x => x.t.RegionCode)
            .Select(x => new SubmissionRow(x.t.RegionCode, db.Regions.Where(r => r.Code == x.t.RegionCode).Select(r => r.Name).FirstOrDefault(),
                x.s == null ? null : x.s.Status, x.s == null ? null : x.s.UpdatedAtUtc, x.s == null ? null : x.s.SubmittedAtUtc,
                x.s == null ? 0 : x.s.AutoFilledCount, x.s == null ? 0 : x.s.TypedCount))
            .ToPagedAsync(page, ct);
        return new(summary, targets, submitted, drafts, paged);
    }

    /// <summary>What the export needs: the form's fields and, per village in scope, its status and stored values.</summary>
    public async Task<ExportData?> ExportDataAsync(long formId, CancellationToken ct = default)
    {
        var form = await (await OverseenAsync(ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == formId, ct);
        if (form is null) return null;
        var fields = await ScopeGateway.CountyForms.FieldsOfAsync(db, formId, ct);
        var villages = form.TaskRequestId is { } rid
            ? await db.Set<VillageTask>().AsNoTracking().Where(t => t.TaskRequestId == rid).OrderBy(t => t.RegionCode).Select(t => t.RegionCode).ToListAsync(ct)
            : [];
        var submissions = await db.Set<FormSubmission>().AsNoTracking().Include(s => s.Values).Where(s => s.FormTemplateId == formId).ToListAsync(ct);
        var townCodes = villages.Select(v => RegionCodes.ParentOf(v)!).Distinct().ToList();
        // Region names are public; a town account's scope does not include its county's other rows, nor a village its town.
        var names = await ScopeGateway.PublicRegions(db).Where(r => villages.Contains(r.Code) || townCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new(form.Title, form.DepartmentName, fields, villages.Select(v => new ExportRow(v, names.GetValueOrDefault(RegionCodes.ParentOf(v)!),
            names.GetValueOrDefault(v), submissions.FirstOrDefault(s => s.RegionCode == v))).ToList());
    }

    /// <summary>
    /// Forms received and fields typed versus auto-filled for one village in one month (the burden meter reads this).
    /// <paramref name="month"/> is any day of the month. Scoped: a village outside the account's region counts nothing.
    /// </summary>
    public async Task<FormFieldCounts> FieldCountsAsync(string village, DateOnly month, CancellationToken ct = default)
    {
        var first = new DateOnly(InputRange.Month(month).Year, month.Month, 1);
        // The China month: from the 1st's 00:00 China time to the next 1st's, in UTC.
        var from = clock.StartUtc(first);
        var to = clock.StartUtc(first.AddMonths(1));
        // Scoped tasks first, then the forms by their request ids (a filter lifted in one query is lifted for all of it).
        var received = await (await ScopeGateway.CountyForms.SentToAsync(db,
            db.Set<VillageTask>().Where(t => t.RegionCode == village && t.AdmittedAtUtc >= from && t.AdmittedAtUtc < to), ct)).CountAsync(ct);
        var submitted = await db.Set<FormSubmission>().Where(s => s.RegionCode == village && s.Status == SubmissionStatus.Submitted
                                                                 && s.SubmittedAtUtc >= from && s.SubmittedAtUtc < to)
            .Select(s => new { s.TypedCount, s.AutoFilledCount }).ToListAsync(ct);
        return new(village, first, received, submitted.Count, submitted.Sum(s => s.TypedCount), submitted.Sum(s => s.AutoFilledCount));
    }
}

public sealed record ExportRow(string Village, string? TownName, string? VillageName, FormSubmission? Submission);

public sealed record ExportData(string Title, string DepartmentName, IReadOnlyList<FormField> Fields, IReadOnlyList<ExportRow> Rows);

/// <summary>Chinese names for pages and exports.</summary>
public static class FormNames
{
    public static string Type(FieldType t) => FormTemplate.TypeName(t);
    public static string Submission(SubmissionStatus? s) => FormSubmission.StatusName(s);
    public static string Status(FormSummary f) => f.Status == FormStatus.Draft ? "草稿" : f.GateStatus is { } g ? TaskRequest.StatusName(g) : "已报送";
    public static string Badge(FormSummary f) => f.Status == FormStatus.Draft ? "text-bg-light border" : f.GateStatus is { } g ? TaskNames.Badge(g) : "text-bg-warning";
    public static string SubmissionBadge(SubmissionStatus? s) => s switch
    {
        SubmissionStatus.Submitted => "text-bg-success",
        SubmissionStatus.Draft => "text-bg-warning",
        _ => "text-bg-secondary",
    };
    public static string Kind(DuplicateKind k) => k switch
    {
        DuplicateKind.SameMeaning => "重复指标",
        DuplicateKind.SameBinding => "同一数据来源",
        _ => "平台已有",
    };
}
