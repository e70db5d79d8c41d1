using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using FluentValidation;

namespace Cunzhi.Web.Features.Forms;

/// <summary>The coordination office refuses a form held at the gate because it repeats <see cref="OtherFormId"/>; <see cref="Note"/> is optional.</summary>
public sealed record RefuseDuplicateForm(long OtherFormId, string? Note);

public sealed class RefuseDuplicateFormValidator : AbstractValidator<RefuseDuplicateForm>
{
    public RefuseDuplicateFormValidator()
    {
        RuleFor(c => c.OtherFormId).GreaterThan(0).WithMessage("请选择与之重复的报表");
        RuleFor(c => c.Note).MaximumLength(200).WithMessage("补充说明不能超过 200 个字");
    }
}

/// <summary>
/// A form at the admission gate, as the coordination office decides it: refusing a form because its fields repeat another
/// form's, the reason naming that form and the repeated fields (so the department knows where the numbers already are).
/// Approving goes through <see cref="TaskAdmission.ApproveAsync"/> like any request.
/// </summary>
public sealed class FormGate(FormReads reads, TaskAdmission admission)
{
    /// <summary>Refuses the pending form request <paramref name="requestId"/> as a duplicate of another form; null when no form is filed under it.</summary>
    public async Task<TaskRequestView?> RefuseDuplicateAsync(long requestId, RefuseDuplicateForm c, CancellationToken ct = default)
    {
        var form = await reads.ForRequestAsync(requestId, ct);
        if (form is null) return null;
        var repeated = form.Duplicates.Where(d => d.Kind == DuplicateKind.SameMeaning && d.OtherFormId == c.OtherFormId).ToList();
        if (repeated.Count == 0) throw new RuleException("该报表与所选报表没有重复指标，请填写理由后驳回");
        var title = repeated[0].OtherFormTitle;
        var fields = string.Join("、", repeated.Select(d => $"“{d.FieldLabel}”（即“{d.OtherFieldLabel}”）").Distinct());
        var reason = $"与《{title}》重复：{fields}，请使用《{title}》已采集的数据，不再向村重复收集"
                     + (string.IsNullOrWhiteSpace(c.Note) ? "" : "。" + c.Note.Trim());
        if (reason.Length > TaskRequest.ReasonMaxLength) reason = reason[..(TaskRequest.ReasonMaxLength - 1)] + "…";
        return await admission.RejectAsync(requestId, new RejectTaskRequest(reason), ct);
    }
}
