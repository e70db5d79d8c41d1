using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Cadres;

public sealed record CadreRow(long Id, string Name, Gender Gender, DateOnly BirthDate, string RegionCode, string? VillageName, string PostCode, int Rank,
    string EducationCode, bool IsPartyMember, CadreStatus Status, CadreOrigin Origin, string? NationalIdMasked, string? PhoneMasked, string? BankName, string? BankAccountMasked);

public sealed record CadrePostView(string PostCode, string PostName, DateOnly StartDate, DateOnly? EndDate, int? Term);

/// <summary>A cadre's record; <see cref="Version"/> is what an edit must send back (<c>version</c> or <c>If-Match</c>).</summary>
public sealed record CadreDetail(CadreRow Cadre, DateOnly StartDate, int? Term, string? AssignedFrom, bool IsProfessionalSecretary,
    DateOnly? DepartureDate, string? DepartureReason, IReadOnlyList<CadrePostView> Posts, int Version) : IVersionedView;

public sealed record CadreFilter(string? Region, CadreStatus? Status, string? Post, string? Q);

public sealed record RevealedNumbers(string? NationalId, string? Phone, string? BankAccount);

/// <summary>A new cadre: birth date and gender come from the ID number; typed ones must agree with it. Bank name and account are optional.</summary>
public sealed record CreateCadre(string RegionCode, string Name, string NationalId, DateOnly? BirthDate, Gender? Gender, string? Phone,
    string EducationCode, bool IsPartyMember, string PostCode, DateOnly StartDate, int? Term, CadreOrigin Origin, string? AssignedFrom, bool IsProfessionalSecretary,
    string? BankName = null, string? BankAccount = null);

/// <summary>
/// Changes to a cadre's basic fields; an empty ID number, phone or bank account keeps the stored one. The bank name is
/// kept when left out (null) and cleared when sent empty.
/// </summary>
public sealed record UpdateCadre(string Name, string? NationalId, string? Phone, string EducationCode, bool IsPartyMember, int? Term,
    CadreOrigin Origin, string? AssignedFrom, bool IsProfessionalSecretary, string? BankName = null, string? BankAccount = null) : IVersionedCommand
{
    /// <summary>The version the edit was made from (<see cref="CadreDetail.Version"/>).</summary>
    public int? Version { get; set; }
}

public sealed record ChangeCadrePost(string PostCode, DateOnly From, int? Term);

public sealed record CadreDeparture(CadreStatus Status, DateOnly Date, string Reason);

/// <summary>Names for codes and enums, shared by pages, exports and the API.</summary>
public static class CadreNames
{
    public static string Post(string code) => ReferenceData.Posts.FirstOrDefault(p => p.Code == code)?.Name ?? code;
    public static string Education(string code) => ReferenceData.EducationLevels.FirstOrDefault(p => p.Code == code)?.Name ?? code;
    public static string Gender(Gender g) => g == Domain.People.Gender.Male ? "男" : "女";
    public static string Status(CadreStatus s) => s switch { CadreStatus.InOffice => "在任", CadreStatus.DepartedNormally => "正常离任", _ => "罢免/免职" };
    public static string Origin(CadreOrigin o) => o == CadreOrigin.Assigned ? "上级选派" : "本村产生";
}

internal static class CadreRules
{
    public static IRuleBuilderOptionsConditions<T, string> IsNationalId<T>(this IRuleBuilder<T, string> rule, TimeProvider clock) =>
        rule.Custom((value, ctx) =>
        {
            foreach (var e in NationalId.Parse(value, Today(clock)).Errors) ctx.AddFailure(e);
        });

    public static IRuleBuilderOptionsConditions<T, string?> IsMobileOrEmpty<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            foreach (var e in MobilePhone.Parse(value).Errors) ctx.AddFailure(e);
        });

    public static IRuleBuilderOptionsConditions<T, string?> IsBankAccountOrEmpty<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            foreach (var e in BankAccount.Parse(value).Errors) ctx.AddFailure(e);
        });

    /// <summary>The database column's size for 开户行.</summary>
    public const int BankNameMaxLength = 50;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static bool IsPost(string code) => ReferenceData.Posts.Any(p => p.Code == code);
    public static bool IsEducation(string code) => ReferenceData.EducationLevels.Any(p => p.Code == code);
}

public sealed class CreateCadreValidator : AbstractValidator<CreateCadre>
{
    public CreateCadreValidator(TimeProvider clock)
    {
        RuleFor(c => c.RegionCode).Must(c => RegionCodes.IsValid(c, RegionLevel.Village)).WithMessage("请选择所在村(社区)");
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写姓名").MaximumLength(30).WithMessage("姓名不能超过 30 个字");
        RuleFor(c => c.NationalId).IsNationalId(clock);
        RuleFor(c => c).Custom((c, ctx) =>
        {
            var check = NationalId.Parse(c.NationalId, CadreRules.Today(clock));
            if (!check.IsValid) return;
            foreach (var e in NationalId.AgreesWith(check, c.BirthDate ?? check.BirthDate!.Value, c.Gender ?? check.Gender!.Value))
                ctx.AddFailure(e.Contains("出生") ? nameof(CreateCadre.BirthDate) : nameof(CreateCadre.Gender), e);
        });
        RuleFor(c => c.Phone).IsMobileOrEmpty();
        RuleFor(c => c.BankName).MaximumLength(CadreRules.BankNameMaxLength).WithMessage($"开户行不能超过 {CadreRules.BankNameMaxLength} 个字");
        RuleFor(c => c.BankAccount).IsBankAccountOrEmpty();
        RuleFor(c => c.EducationCode).Must(CadreRules.IsEducation).WithMessage("请选择学历");
        RuleFor(c => c.PostCode).Must(CadreRules.IsPost).WithMessage("请选择职务");
        RuleFor(c => c.StartDate).Must(d => d > new DateOnly(1950, 1, 1) && d <= CadreRules.Today(clock).AddMonths(3)).WithMessage("任职日期不合理");
        RuleFor(c => c.Term).InclusiveBetween(1, 99).When(c => c.Term is not null).WithMessage("届次应为 1–99");
        RuleFor(c => c.AssignedFrom).NotEmpty().When(c => c.Origin == CadreOrigin.Assigned).WithMessage("上级选派的干部请填写派出单位")
            .MaximumLength(100).WithMessage("派出单位不能超过 100 个字");
    }
}

public sealed class UpdateCadreValidator : AbstractValidator<UpdateCadre>
{
    public UpdateCadreValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写姓名").MaximumLength(30).WithMessage("姓名不能超过 30 个字");
        RuleFor(c => c.NationalId!).IsNationalId(clock).When(c => !string.IsNullOrWhiteSpace(c.NationalId));
        RuleFor(c => c.Phone).IsMobileOrEmpty();
        RuleFor(c => c.BankName).MaximumLength(CadreRules.BankNameMaxLength).WithMessage($"开户行不能超过 {CadreRules.BankNameMaxLength} 个字");
        RuleFor(c => c.BankAccount).IsBankAccountOrEmpty();
        RuleFor(c => c.EducationCode).Must(CadreRules.IsEducation).WithMessage("请选择学历");
        RuleFor(c => c.Term).InclusiveBetween(1, 99).When(c => c.Term is not null).WithMessage("届次应为 1–99");
        RuleFor(c => c.AssignedFrom).NotEmpty().When(c => c.Origin == CadreOrigin.Assigned).WithMessage("上级选派的干部请填写派出单位")
            .MaximumLength(100).WithMessage("派出单位不能超过 100 个字");
    }
}

public sealed class ChangeCadrePostValidator : AbstractValidator<ChangeCadrePost>
{
    public ChangeCadrePostValidator() => RuleFor(c => c.PostCode).Must(CadreRules.IsPost).WithMessage("请选择职务");
}

public sealed class CadreDepartureValidator : AbstractValidator<CadreDeparture>
{
    public CadreDepartureValidator()
    {
        RuleFor(c => c.Status).Must(s => s is CadreStatus.DepartedNormally or CadreStatus.Removed).WithMessage("请选择离任方式");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写离任原因").MaximumLength(200).WithMessage("离任原因不能超过 200 个字");
    }
}

/// <summary>
/// The cadre registry (村干部档案). Region scope comes from the data context; personal numbers
/// are encrypted here on the way in and only ever leave masked, except through
/// <see cref="RevealAsync"/>, which needs the reveal permission and is audited.
/// </summary>
public sealed class CadreHandlers(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该干部，或其不在您的管辖范围内";

    public DateOnly Today => CadreRules.Today(clock);

    private IQueryable<CadreRow> Rows(IQueryable<Cadre> q) => q.Select(c => new CadreRow(
        c.Id, c.Name, c.Gender, c.BirthDate, c.RegionCode, db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault(),
        c.PostCode, c.Rank, c.EducationCode, c.IsPartyMember, c.Status, c.Origin, c.NationalIdMasked, c.PhoneMasked, c.BankName, c.BankAccountMasked));

    /// <summary>The filtered registry, in a stable order, for lists and exports.</summary>
    public IQueryable<CadreRow> Query(CadreFilter f)
    {
        var q = db.Cadres.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.WhereCodeStartsWith(c => c.RegionCode, prefix);
        }
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Post)) q = q.Where(c => c.PostCode == f.Post);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var s = f.Q.Trim();
            // A full ID number is matched through its keyed hash: the number itself is never queried.
            var id = NationalId.Parse(s, Today);
            if (id.IsValid)
            {
                var hash = protector.Hash(id.Normalized!);
                q = q.Where(c => c.NationalIdHash == hash);
            }
            else q = q.Where(c => c.Name.Contains(s));
        }
        return Rows(q.OrderBy(c => c.RegionCode).ThenBy(c => c.Status).ThenBy(c => c.PostCode).ThenBy(c => c.Id));
    }

    public Task<Paged<CadreRow>> ListAsync(CadreFilter f, PageRequest page, CancellationToken ct = default) => Query(f).ToPagedAsync(page, ct);

    public async Task<CadreDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var row = await Rows(db.Cadres.Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var extra = await db.Cadres.Where(c => c.Id == id)
            .Select(c => new { c.StartDate, c.Term, c.AssignedFrom, c.IsProfessionalSecretary, c.DepartureDate, c.DepartureReason, c.RowVersion }).FirstAsync(ct);
        var posts = await db.CadrePosts.Where(p => p.CadreId == id).OrderByDescending(p => p.StartDate)
            .Select(p => new CadrePostView(p.PostCode, "", p.StartDate, p.EndDate, p.Term)).ToListAsync(ct);
        return new(row, extra.StartDate, extra.Term, extra.AssignedFrom, extra.IsProfessionalSecretary, extra.DepartureDate, extra.DepartureReason,
            posts.Select(p => p with { PostName = CadreNames.Post(p.PostCode) }).ToList(), extra.RowVersion);
    }

    private async Task SetNationalIdAsync(Cadre c, string nationalId, CancellationToken ct)
    {
        var normalized = NationalId.Parse(nationalId, Today).Normalized!;
        var hash = protector.Hash(normalized);
        // Uniqueness across every region: a person is registered once. The message names no one outside the account's scope.
        if (await ScopeGateway.NationalIdRegisteredAsync(db, hash, c.Id, ct))
            throw new RuleException("该身份证号已在干部档案中登记，不能重复登记");
        (c.NationalIdCipher, c.NationalIdHash, c.NationalIdMasked) = (protector.Protect(normalized), hash, NationalId.Mask(normalized));
    }

    private void SetPhone(Cadre c, string phone)
    {
        var mobile = MobilePhone.Parse(phone).Normalized!;
        (c.PhoneCipher, c.PhoneMasked) = (protector.Protect(mobile), MobilePhone.Mask(mobile));
    }

    /// <summary>Stores a typed (validated) account number encrypted, with its mask for display.</summary>
    internal static void SetBankAccount(Cadre c, string account, PersonalDataProtector protector)
    {
        var digits = BankAccount.Parse(account).Normalized!;
        (c.BankAccountCipher, c.BankAccountMasked) = (protector.Protect(digits), BankAccount.Mask(digits));
    }

    private static string? BankNameOrNull(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    public async Task<CadreDetail?> CreateAsync(CreateCadre command, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == command.RegionCode && r.Level == RegionLevel.Village, ct)) return null;
        var check = NationalId.Parse(command.NationalId, Today);
        var cadre = new Cadre
        {
            RegionCode = command.RegionCode, Name = command.Name.Trim(), Gender = check.Gender!.Value, BirthDate = check.BirthDate!.Value,
            EducationCode = command.EducationCode, IsPartyMember = command.IsPartyMember, PostCode = command.PostCode, Term = command.Term,
            Origin = command.Origin, AssignedFrom = command.Origin == CadreOrigin.Assigned ? command.AssignedFrom?.Trim() : null,
            IsProfessionalSecretary = command.IsProfessionalSecretary, BankName = BankNameOrNull(command.BankName),
        };
        await SetNationalIdAsync(cadre, command.NationalId, ct);
        if (!string.IsNullOrWhiteSpace(command.Phone)) SetPhone(cadre, command.Phone);
        if (!string.IsNullOrWhiteSpace(command.BankAccount)) SetBankAccount(cadre, command.BankAccount, protector);
        Apply(() => cadre.ChangePost(command.PostCode, command.StartDate, command.Term));
        await EnsureLeadingPostVacantAsync(command.RegionCode, command.PostCode, null, ct);
        db.Cadres.Add(cadre);
        await SaveLeadingPostsAsync(db, ct);
        return await GetAsync(cadre.Id, ct);
    }

    public async Task<CadreDetail?> UpdateAsync(long id, UpdateCadre command, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cadre is null) return null;
        db.ExpectVersion(cadre, command.Version);
        if (!string.IsNullOrWhiteSpace(command.NationalId))
        {
            var check = NationalId.Parse(command.NationalId, Today);
            await SetNationalIdAsync(cadre, command.NationalId, ct);
            (cadre.Gender, cadre.BirthDate) = (check.Gender!.Value, check.BirthDate!.Value);
        }
        if (!string.IsNullOrWhiteSpace(command.Phone)) SetPhone(cadre, command.Phone);
        if (!string.IsNullOrWhiteSpace(command.BankAccount)) SetBankAccount(cadre, command.BankAccount, protector);
        if (command.BankName is not null) cadre.BankName = BankNameOrNull(command.BankName);
        cadre.Name = command.Name.Trim();
        (cadre.EducationCode, cadre.IsPartyMember, cadre.Term) = (command.EducationCode, command.IsPartyMember, command.Term);
        (cadre.Origin, cadre.AssignedFrom, cadre.IsProfessionalSecretary) =
            (command.Origin, command.Origin == CadreOrigin.Assigned ? command.AssignedFrom?.Trim() : null, command.IsProfessionalSecretary);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<CadreDetail?> ChangePostAsync(long id, ChangeCadrePost command, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.Include(c => c.Posts).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cadre is null) return null;
        // The record's own rules first (departed, dates, same post), then the village's vacancy; nothing is saved on refusal.
        Apply(() => cadre.ChangePost(command.PostCode, command.From, command.Term));
        await EnsureLeadingPostVacantAsync(cadre.RegionCode, command.PostCode, cadre.Id, ct);
        await SaveLeadingPostsAsync(db, ct);
        return await GetAsync(id, ct);
    }

    public async Task<CadreDetail?> DepartAsync(long id, CadreDeparture command, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.Include(c => c.Posts).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cadre is null) return null;
        await DepartTrackedAsync(db, cadre, command, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// The registry's one departure path, without saving: the cadre (loaded with its posts) leaves office and their villager
    /// groups and grids lose them. <see cref="DepartAsync"/> and a career move that leaves office (职业发展) both use it and
    /// then save once.
    /// </summary>
    public static async Task DepartTrackedAsync(AppDbContext db, Cadre cadre, CadreDeparture command, CancellationToken ct = default)
    {
        Apply(() => cadre.Depart(command.Status, command.Date, command.Reason));
        // Their villager groups and grids lose them in the same save (history kept, the groups flagged uncovered).
        await Grid.NetDeparture.CloseLinksAsync(db, cadre.Id, command.Date, ct);
    }

    /// <summary>The full numbers (ID, phone, bank account), for an account with the reveal permission; the reveal itself is an audit entry.</summary>
    public async Task<RevealedNumbers?> RevealAsync(long id, CancellationToken ct = default)
    {
        var c = await db.Cadres.Where(x => x.Id == id).Select(x => new { x.RegionCode, x.NationalIdCipher, x.PhoneCipher, x.BankAccountCipher }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        db.RecordEvent(AuditActions.Reveal, nameof(Cadre), id.ToString(), c.RegionCode);
        await db.SaveChangesAsync(ct);
        return new(c.NationalIdCipher is null ? null : protector.Unprotect(c.NationalIdCipher), c.PhoneCipher is null ? null : protector.Unprotect(c.PhoneCipher),
            c.BankAccountCipher is null ? null : protector.Unprotect(c.BankAccountCipher));
    }

    /// <summary>
    /// One Party secretary and one committee director in office per village (一肩挑 holds both): refused with the post's
    /// name before saving. <paramref name="exceptCadre"/> is the cadre changing post, whose own post does not count.
    /// </summary>
    private async Task EnsureLeadingPostVacantAsync(string village, string postCode, long? exceptCadre, CancellationToken ct)
    {
        if (Domain.Reserves.VillageVacancies.Fills(postCode).Count == 0) return;
        var held = await db.Cadres.Where(c => c.RegionCode == village && c.Status == CadreStatus.InOffice && c.Id != exceptCadre)
            .Select(c => c.PostCode).ToListAsync(ct);
        if (Domain.Reserves.VillageVacancies.Conflict(postCode, Domain.Reserves.VillageVacancies.Of(held)) is { } conflict)
            throw new RuleException(conflict);
    }

    /// <summary>
    /// Saves a change that opens a leading post. Two requests that both passed the vacancy check race to the database,
    /// whose unique indexes (CadrePostSlots) let one in; the other is told in Chinese (409), not a 500.
    /// </summary>
    internal static async Task SaveLeadingPostsAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsPostSlotViolation())
        {
            throw new RuleException(DbErrors.PostSlotTakenMessage);
        }
    }

    private static void Apply(Action rule)
    {
        rule();
    }
}
