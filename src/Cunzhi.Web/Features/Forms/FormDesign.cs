using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
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

/// <summary>
/// A department designs a form (title, fields, with duplicate warnings) and publishes it through the admission gate
/// (<see cref="TaskAdmission.FileAsync"/>, the same gate as every task).
/// </summary>
public sealed class FormDesign(AppDbContext db, UserContext user, TimeProvider clock, TaskAdmission admission, FormReads reads, FormDuplicateCheck duplicates)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static T Apply<T>(Func<T> rule)
    {
        return rule();
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
        return await reads.DetailAsync(form, ct);
    }

    public async Task<FormDetail?> UpdateAsync(long id, UpdateForm c, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        if (form.Status != FormStatus.Draft) throw new RuleException("报表已报送准入，不能再修改");
        (form.Title, form.Description) = (c.Title.Trim(), string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim());
        await db.SaveChangesAsync(ct);
        return await reads.DetailAsync(form, ct);
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
        return await reads.DetailAsync(form, ct);
    }

    public async Task<FormDetail?> RemoveFieldAsync(long id, long fieldId, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        var field = Apply(() => form.RemoveField(fieldId));
        db.Remove(field);
        await db.SaveChangesAsync(ct);
        return await reads.DetailAsync(form, ct);
    }

    public async Task<FormDetail?> MoveFieldAsync(long id, long fieldId, int step, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        Apply(() => { form.MoveField(fieldId, step); return form; });
        await db.SaveChangesAsync(ct);
        return await reads.DetailAsync(form, ct);
    }

    /// <summary>
    /// Files the form at the admission gate through <see cref="TaskAdmission.FileAsync"/> — the one gate for all work put
    /// on villages: a form under a list item is admitted and reaches the villages at once, one on the negative list is
    /// refused, anything else waits for the coordination office. A form with a field villages would type that another form
    /// already asks, or that the platform holds, waits for the office too, the duplicates named (<see cref="FieldDuplicates.HoldReasons"/>).
    /// The form and its request are saved in one transaction.
    /// </summary>
    public async Task<FormDetail?> PublishAsync(long id, PublishForm c, TaskChannel channel, CancellationToken ct = default)
    {
        var form = await OwnAsync(id, ct);
        if (form is null) return null;
        var bound = form.Fields.Count(f => f.IsBound);
        var holds = await duplicates.HoldsAsync(form, ct);
        Apply(() => { form.MarkFiled(Now); return form; });
        var requirement = $"请填报报表《{form.Title}》，共 {form.Fields.Count} 项指标，其中 {bound} 项由平台根据已有数据自动填写，只需手工填写 {form.Fields.Count - bound} 项。"
                          + (form.Description is { } d ? "\n" + d : "");
        var request = new FileTaskRequest(form.Title, requirement[..Math.Min(requirement.Length, 2000)], c.Villages, c.Towns, c.DueDate, false, null, c.ItemCode);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var filed = await admission.FileAsync(request, channel, ct, holds);
        Apply(() => { form.LinkRequest(filed.Id); return form; });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await reads.DetailAsync(form, ct);
    }
}
