using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Cadres;
using FluentValidation;

namespace Cunzhi.Web.Features.Reserves;

public sealed record ReserveRow(long Id, string RegionCode, string? RegionName, bool IsTownPool, string Name, Gender Gender, string GenderName, DateOnly BirthDate, int Age,
    string EducationCode, string EducationName, bool IsPartyMember, ReserveSource Source, string SourceName, RecommendationChannel Channel, string ChannelName,
    DateOnly RecommendedDate, ReserveStatus Status, string StatusName, ReviewOutcome? LatestOutcome, string? LatestOutcomeName);

public sealed record ReviewView(long Id, DateOnly Date, string Reviewer, ReviewOutcome Outcome, string OutcomeName, string? Note);

public sealed record AppointedCadre(long Id, string Name, string RegionCode, string? RegionName, string PostCode, string PostName, DateOnly StartDate, int Rank, int? Term);

/// <summary>
/// A candidate's record. The ID number is only ever masked (<see cref="NationalIdMasked"/>, null when none is recorded);
/// <see cref="Version"/> is what an edit must send back (<c>version</c> or <c>If-Match</c>).
/// </summary>
public sealed record ReserveDetail(ReserveRow Reserve, string Recommender, long? TrainerCadreId, string? TrainerName, string? PlacementPostCode, string? PlacementPostName,
    string? TrainingNote, DateOnly? ClosedDate, AppointedCadre? Cadre, IReadOnlyList<ReviewView> Reviews, string? NationalIdMasked, int Version) : Infrastructure.Web.IVersionedView;

public sealed record ReserveFilter(string? Code = null, ReserveStatus? Status = null, ReserveSource? Source = null, string? Search = null);

/// <summary>A village's vacant leading posts and how many pool candidates (its own and its town's) could fill them.</summary>
public sealed record VillageVacancy(string VillageCode, string VillageName, IReadOnlyList<VacantPost> Posts, IReadOnlyList<string> PostNames, int Candidates);

/// <summary>A candidate for backfill in a village: in the pool of the village or of its town.</summary>
public sealed record VacancyCandidate(long Id, string Name, string RegionCode, string? RegionName, bool IsTownPool, string GenderName, int Age, string EducationName,
    bool IsPartyMember, string SourceName, ReviewOutcome? LatestOutcome, string? LatestOutcomeName);

/// <summary>
/// Vacancies under a region: the villages with a vacant leading post. For a village, also the
/// candidates who could fill them, 优进 (recommended at the latest review) first.
/// </summary>
public sealed record VacancyReport(string RegionCode, string RegionName, RegionLevel Level, IReadOnlyList<VillageVacancy> Villages, IReadOnlyList<VacancyCandidate> Candidates);

/// <summary>The fields of a reserve record, shared by create and update.</summary>
public interface IReserveFields
{
    string Name { get; }
    Gender Gender { get; }
    DateOnly BirthDate { get; }
    string EducationCode { get; }
    bool IsPartyMember { get; }
    ReserveSource Source { get; }
    RecommendationChannel Channel { get; }
    string Recommender { get; }
    DateOnly RecommendedDate { get; }
    long? TrainerCadreId { get; }
    string? TrainerName { get; }
    string? PlacementPostCode { get; }
    string? TrainingNote { get; }
    /// <summary>身份证号 (GB 11643), optional: empty leaves it unrecorded (create) or unchanged (edit); required at appointment if none is recorded.</summary>
    string? NationalId { get; }
}

public sealed record CreateReserve(string RegionCode, string Name, Gender Gender, DateOnly BirthDate, string EducationCode, bool IsPartyMember,
    ReserveSource Source, RecommendationChannel Channel, string Recommender, DateOnly RecommendedDate,
    long? TrainerCadreId = null, string? TrainerName = null, string? PlacementPostCode = null, string? TrainingNote = null, string? NationalId = null) : IReserveFields;

public sealed record UpdateReserve(string Name, Gender Gender, DateOnly BirthDate, string EducationCode, bool IsPartyMember,
    ReserveSource Source, RecommendationChannel Channel, string Recommender, DateOnly RecommendedDate,
    long? TrainerCadreId = null, string? TrainerName = null, string? PlacementPostCode = null, string? TrainingNote = null, string? NationalId = null)
    : IReserveFields, Infrastructure.Web.IVersionedCommand
{
    /// <summary>The version the edit was made from (<see cref="ReserveDetail.Version"/>).</summary>
    public int? Version { get; set; }
}

public sealed record ReviewReserve(DateOnly Date, string Reviewer, ReviewOutcome Outcome, string? Note);

/// <summary>Appoint a candidate (动态补缺). <see cref="VillageCode"/> may be left out for a village pool's own village.
/// <see cref="NationalId"/> is required when the candidate has none recorded (the cadre record needs it), and otherwise
/// may correct it; it must agree with the candidate's birth date and gender.</summary>
public sealed record AppointReserve(string? VillageCode, string PostCode, DateOnly Date, int? Term, string? NationalId = null);

/// <summary>Shape rules of the shared fields; the entity and the handler decide the rest.</summary>
public abstract class ReserveFieldsValidator<T> : AbstractValidator<T> where T : IReserveFields
{
    /// <summary>Reserve candidates are adults: 18 on the day they are recommended.</summary>
    public const int MinimumAge = 18;

    protected ReserveFieldsValidator(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写姓名").MaximumLength(30).WithMessage("姓名不能超过 30 个字");
        RuleFor(c => c.Gender).IsInEnum().WithMessage("请选择性别");
        RuleFor(c => c.BirthDate).Must(d => d >= new DateOnly(1900, 1, 1) && d <= today).WithMessage("出生日期不合理");
        RuleFor(c => c.EducationCode).Must(code => ReferenceData.EducationLevels.Any(e => e.Code == code)).WithMessage("请选择学历");
        RuleFor(c => c.Source).IsInEnum().WithMessage("请选择人员类别");
        RuleFor(c => c.Channel).IsInEnum().WithMessage("请选择推荐渠道");
        RuleFor(c => c.Recommender).NotEmpty().WithMessage("请填写推荐人或推荐单位").MaximumLength(60).WithMessage("推荐人或推荐单位不能超过 60 个字");
        RuleFor(c => c.RecommendedDate).Must(d => d >= new DateOnly(2000, 1, 1) && d <= today).WithMessage("推荐日期不合理");
        RuleFor(c => c).Must(c => Cadre.AgeOn(c.BirthDate, c.RecommendedDate) >= MinimumAge)
            .When(c => c.BirthDate >= new DateOnly(1900, 1, 1) && c.BirthDate <= c.RecommendedDate)
            .OverridePropertyName("BirthDate").WithMessage($"推荐时须年满 {MinimumAge} 周岁");
        RuleFor(c => c.TrainerName).MaximumLength(30).WithMessage("培养联系人姓名不能超过 30 个字");
        RuleFor(c => c.PlacementPostCode).Must(code => string.IsNullOrEmpty(code) || ReferenceData.Posts.Any(p => p.Code == code)).WithMessage("定岗职务无效");
        RuleFor(c => c.TrainingNote).MaximumLength(200).WithMessage("跟岗实训安排不能超过 200 个字");
        RuleFor(c => c.NationalId!).IsNationalId(clock).When(c => !string.IsNullOrWhiteSpace(c.NationalId));
        RuleFor(c => c).Custom((c, ctx) => ReserveIdRules.AgreeWith(c.NationalId, c.BirthDate, c.Gender, today, ctx));
    }
}

public sealed class CreateReserveValidator : ReserveFieldsValidator<CreateReserve>
{
    public CreateReserveValidator(TimeProvider clock) : base(clock) =>
        RuleFor(c => c.RegionCode).Must(code => RegionCodes.LevelOf(code) is RegionLevel.Village or RegionLevel.Town).WithMessage("请选择所属村或乡镇");
}

public sealed class UpdateReserveValidator(TimeProvider clock) : ReserveFieldsValidator<UpdateReserve>(clock);

public sealed class ReviewReserveValidator : AbstractValidator<ReviewReserve>
{
    public ReviewReserveValidator(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RuleFor(c => c.Date).Must(d => d >= new DateOnly(2000, 1, 1) && d <= today).WithMessage("研判日期不合理（不能晚于今天）");
        RuleFor(c => c.Reviewer).NotEmpty().WithMessage("请填写研判人").MaximumLength(60).WithMessage("研判人不能超过 60 个字");
        RuleFor(c => c.Outcome).IsInEnum().WithMessage("请选择研判结果");
        RuleFor(c => c.Note).NotEmpty().When(c => c.Outcome == ReviewOutcome.Remove).WithMessage("绌退须写明原因");
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("研判意见不能超过 500 个字");
    }
}

public sealed class AppointReserveValidator : AbstractValidator<AppointReserve>
{
    public AppointReserveValidator(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RuleFor(c => c.VillageCode).Must(code => RegionCodes.IsValid(code, RegionLevel.Village)).When(c => !string.IsNullOrEmpty(c.VillageCode))
            .WithMessage("请选择任用到的村");
        RuleFor(c => c.PostCode).NotEmpty().WithMessage("请选择职务")
            .Must(code => ReferenceData.Posts.Any(p => p.Code == code)).When(c => !string.IsNullOrEmpty(c.PostCode)).WithMessage("请选择有效的职务");
        // Appointments are recorded when made or shortly before taking effect; a year ahead is a typo.
        RuleFor(c => c.Date).Must(d => d >= new DateOnly(2000, 1, 1) && d <= today.AddYears(1)).WithMessage("任用日期不合理");
        RuleFor(c => c.Term).InclusiveBetween(1, 99).When(c => c.Term is not null).WithMessage("届次应为 1–99");
        RuleFor(c => c.NationalId!).IsNationalId(clock).When(c => !string.IsNullOrWhiteSpace(c.NationalId));
    }
}

/// <summary>A reserve's ID number must agree with the birth date and gender typed beside it (as a cadre's does).</summary>
internal static class ReserveIdRules
{
    public static void AgreeWith<T>(string? nationalId, DateOnly birthDate, Gender gender, DateOnly today, ValidationContext<T> ctx)
    {
        if (string.IsNullOrWhiteSpace(nationalId)) return;
        var check = Domain.Identity.NationalId.Parse(nationalId, today);
        if (!check.IsValid) return;
        foreach (var e in Domain.Identity.NationalId.AgreesWith(check, birthDate, gender))
            ctx.AddFailure(e.Contains("出生") ? nameof(IReserveFields.BirthDate) : nameof(IReserveFields.Gender), e);
    }
}
