using Cunzhi.Domain.Matters;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// A matter as listed and shown to staff. <see cref="Overdue"/> (逾期): past its due date and not done; <see cref="DueSoon"/>
/// (临期): not done, and at most the county's due-soon working days left (<see cref="MatterDeadlines.IsDueSoon"/>).
/// </summary>
public sealed record MatterView(long Id, string VillageCode, string? VillageName, long? HouseholdId, long? VisitId, long? PointsEntryId, MatterKind Kind, string KindName, MatterSource Source,
    string SourceName, string Title, string Description, string? ResidentName, MatterState State, string StateName, MatterLevel Level, string LevelName,
    string? Owner, string? DoneText, DateOnly ReceivedOn, DateOnly DueOn, bool Overdue, DateOnly? DoneOn, DateOnly? ConfirmedOn, bool ReceiptUsed,
    string CreatedBy, int Version) : IVersionedView
{
    /// <summary>临期.</summary>
    public bool DueSoon { get; init; }
}

/// <summary>The due-date filter of the list: 逾期 or 临期.</summary>
public enum MatterDueFlag
{
    /// <summary>逾期.</summary>
    Overdue = 1,
    /// <summary>临期.</summary>
    DueSoon = 2,
}

/// <summary>One step of a matter's history (China date and time).</summary>
public sealed record MatterEventView(long Id, MatterEventKind Kind, string KindName, MatterLevel Level, string LevelName, MatterState State, string StateName,
    string? Text, string Actor, long? MeetingId, DateOnly On, DateTime At)
{
    /// <summary>The matter's due date after this step (null on steps recorded before due dates were kept).</summary>
    public DateOnly? DueOn { get; init; }
}

/// <summary>A matter with its history, newest step last.</summary>
public sealed record MatterDetail(MatterView Matter, IReadOnlyList<MatterEventView> Events) : IVersionedView
{
    /// <inheritdoc/>
    public int Version => Matter.Version;
}

/// <summary>The new matter and its receipt code: shown this once (print it on the slip), never stored or logged.</summary>
public sealed record MatterRegistered(MatterView Matter, string ReceiptCode);

/// <summary>Filter of the matter list. <see cref="Mine"/>: only what waits for the account's level (not done, at its level).</summary>
public sealed record MatterFilter(MatterState? State = null, MatterKind? Kind = null, MatterLevel? Level = null, string? Village = null, bool Mine = false,
    MatterDueFlag? Due = null);

/// <summary>
/// Registers a matter: the village (a village account's own when left out), optionally a household of that village,
/// kind, source, a short title (no names: the resident sees it), what is asked, the resident's name (staff only), and
/// the points entry of that village it is raised from (登记诉求 on a ledger row), if any.
/// </summary>
public sealed record RegisterMatter(string? Village, long? HouseholdId, MatterKind Kind, MatterSource Source, string? Title, string? Description, string? ResidentName,
    long? PointsEntryId = null);

/// <summary>A step on a matter carrying the version read (409 when stale).</summary>
public abstract record MatterStep : IVersionedCommand
{
    /// <inheritdoc/>
    public int? Version { get; set; }
}

/// <summary>
/// 受理, with the owner: an account at the matter's level (the acting account when left out), and the due date (the SLA's
/// date when left out; a changed date must be a working day, today or later, as for 调整期限).
/// </summary>
public sealed record AcceptMatter(string? Owner, DateOnly? DueOn = null) : MatterStep;

/// <summary>开始办理.</summary>
public sealed record StartMatter : MatterStep;

/// <summary>办结, saying what was done.</summary>
public sealed record FinishMatter(string? DoneText) : MatterStep;

/// <summary>提级, with the reason.</summary>
public sealed record EscalateMatter(string? Reason) : MatterStep;

/// <summary>退回下级, with the decision the lower level carries out.</summary>
public sealed record SendDownMatter(string? Decision) : MatterStep;

/// <summary>调整期限: the new due date (a working day, today or later) and the reason.</summary>
public sealed record SetMatterDue(DateOnly? DueOn, string? Reason) : MatterStep;

/// <summary>重新办理 by the village or the town, with the reason.</summary>
public sealed record ReopenMatter(string? Reason) : MatterStep;

/// <summary>The county's matter settings; <see cref="Version"/> 0 while the county uses the default.</summary>
public sealed record MatterSettingsView(string County, int ReopenDays, int Version) : IVersionedView;

/// <summary>Saves the county's matter settings.</summary>
public sealed record SaveMatterSettings(int ReopenDays) : IVersionedCommand
{
    /// <inheritdoc/>
    public int? Version { get; set; }
}

/// <summary>What the resident sees with the receipt code: no names, only the matter's kind, title and steps.</summary>
public sealed record ReceiptView(string Code, string KindName, string Title, string VillageName, string StateName, MatterState State, string LevelName,
    DateOnly ReceivedOn, DateOnly DueOn, string? DoneText, bool CanAct, IReadOnlyList<ReceiptStep> Steps);

/// <summary>One step as the resident sees it (China date and time, no account names).</summary>
public sealed record ReceiptStep(string KindName, string? Text, DateTime At);

/// <summary>The receipt code typed at /Matter.</summary>
public sealed record ReceiptCode(string? Code);

/// <summary>The resident asks for the matter to be handled again, with a reason.</summary>
public sealed record ReceiptReopen(string? Code, string? Reason);

public sealed class RegisterMatterValidator : AbstractValidator<RegisterMatter>
{
    public RegisterMatterValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择诉求类别");
        RuleFor(c => c.Source).IsInEnum().WithMessage("请选择诉求来源");
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写诉求标题（不写姓名）")
            .MaximumLength(Matter.MaxTitle).WithMessage($"标题不能超过 {Matter.MaxTitle} 个字");
        RuleFor(c => c.Description).MaximumLength(Matter.MaxText).WithMessage($"诉求内容不能超过 {Matter.MaxText} 个字");
        RuleFor(c => c.ResidentName).MaximumLength(50).WithMessage("群众姓名不能超过 50 个字");
        RuleFor(c => c.Village).MaximumLength(12).WithMessage("村代码有误");
        RuleFor(c => c.HouseholdId).GreaterThan(0).When(c => c.HouseholdId is not null).WithMessage("农户有误");
        RuleFor(c => c.PointsEntryId).GreaterThan(0).When(c => c.PointsEntryId is not null).WithMessage("积分记录有误");
    }
}

public sealed class AcceptMatterValidator : AbstractValidator<AcceptMatter>
{
    public AcceptMatterValidator() => RuleFor(c => c.Owner).MaximumLength(256).WithMessage("承办人账号有误");
}

public sealed class FinishMatterValidator : AbstractValidator<FinishMatter>
{
    public FinishMatterValidator() => RuleFor(c => c.DoneText).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写办理结果（做了什么）")
        .MaximumLength(Matter.MaxText).WithMessage($"办理结果不能超过 {Matter.MaxText} 个字");
}

public sealed class EscalateMatterValidator : AbstractValidator<EscalateMatter>
{
    public EscalateMatterValidator() => RuleFor(c => c.Reason).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写提级理由")
        .MaximumLength(Matter.MaxText).WithMessage($"理由不能超过 {Matter.MaxText} 个字");
}

public sealed class SendDownMatterValidator : AbstractValidator<SendDownMatter>
{
    public SendDownMatterValidator() => RuleFor(c => c.Decision).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写决定（下级据此办理）")
        .MaximumLength(Matter.MaxText).WithMessage($"决定不能超过 {Matter.MaxText} 个字");
}

public sealed class SetMatterDueValidator : AbstractValidator<SetMatterDue>
{
    public SetMatterDueValidator()
    {
        RuleFor(c => c.DueOn).NotNull().WithMessage("请选择新的办理期限");
        RuleFor(c => c.Reason).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写调整期限的理由")
            .MaximumLength(Matter.MaxText).WithMessage($"理由不能超过 {Matter.MaxText} 个字");
    }
}

public sealed class ReopenMatterValidator : AbstractValidator<ReopenMatter>
{
    public ReopenMatterValidator() => RuleFor(c => c.Reason).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写要求重新办理的理由")
        .MaximumLength(Matter.MaxText).WithMessage($"理由不能超过 {Matter.MaxText} 个字");
}

public sealed class SaveMatterSettingsValidator : AbstractValidator<SaveMatterSettings>
{
    public SaveMatterSettingsValidator() => RuleFor(c => c.ReopenDays).InclusiveBetween(1, 365).WithMessage("确认后可要求重新办理的天数应为 1 至 365");
}

public sealed class ReceiptReopenValidator : AbstractValidator<ReceiptReopen>
{
    public ReceiptReopenValidator() => RuleFor(c => c.Reason).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写要求重新办理的理由")
        .MaximumLength(Matter.MaxText).WithMessage($"理由不能超过 {Matter.MaxText} 个字");
}

/// <summary>A village to choose.</summary>
public sealed record VillageOption(string Code, string Name);
