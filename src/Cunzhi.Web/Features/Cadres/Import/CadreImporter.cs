using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Cadres.Import;

/// <summary>One row of a cadre import as read: every field that parsed, so checks across rows can use it even when others did not.</summary>
public sealed record CadreImportRow(int Row, string? Name, string? NationalId, string? NationalIdHash, Gender? Gender, DateOnly? BirthDate, string? Phone,
    string? VillageText, string? VillageCode, string? PostCode, DateOnly? StartDate, string? EducationCode, bool IsPartyMember, int? Term,
    CadreOrigin Origin, string? AssignedFrom, bool IsProfessionalSecretary, string? BankName = null, string? BankAccount = null);

/// <summary>
/// 村干部批量导入. Each row passes the same rules as registering one cadre (<see cref="CreateCadreValidator"/>), and
/// then the rules only a batch has: the same ID number twice in the file, a number already registered (looked up by
/// keyed hash, a thousand at a time), a village outside the account's scope.
/// </summary>
public sealed class CadreImporter(AppDbContext db, PersonalDataProtector protector, IValidator<CreateCadre> validator, TimeProvider clock)
    : IImporter<CadreImportRow>
{
    public const string Kind = "cadres";
    public const string Title = "村干部";

    public const string Name = "姓名*";
    public const string NationalIdColumn = "身份证号*";
    public const string Phone = "手机号";
    public const string Village = "所在村（社区）*";
    public const string Post = "职务*";
    public const string StartDate = "任职日期*";
    public const string Education = "学历*";
    public const string Party = "政治面貌";
    public const string Term = "届次";
    public const string Origin = "来源";
    public const string AssignedFrom = "派出单位";
    public const string ProfessionalSecretary = "专业化管理书记";
    public const string BankName = "开户行";
    public const string BankAccountColumn = "银行账号";

    private const string PartyMember = "中共党员";
    private const string Masses = "群众";
    /// <summary>The database column's size; the single-cadre form has no such limit to pass on.</summary>
    private const int AssignedFromMaxLength = 100;

    public static IReadOnlyList<XlsxImportColumn> Columns { get; } =
    [
        new(Name) { Note = "不超过 30 个字", Example = "钟秀英", Width = 10 },
        new(NationalIdColumn)
        {
            Aliases = ["身份证号码", "公民身份号码"], Format = "18 位号码，最后一位可以是 X；请保持文本格式", Width = 22,
            Note = "出生日期和性别取自身份证号；同一身份证号只能登记一次",
        },
        new(Phone, Required: false) { Aliases = ["手机号码", "联系电话"], Format = "11 位手机号", Example = "13907951234", Width = 14 },
        new(Village)
        {
            Aliases = ["所在村", "村（社区）", "村名"], Format = "12 位区划代码、“乡镇名/村名”或本辖区内唯一的村名", Example = "三兴镇/闹坪村", Width = 18,
            Note = "只能填写本账号管辖范围内的村（社区）",
        },
        new(Post) { AllowedValues = [.. ReferenceData.Posts.Select(p => p.Name)], Width = 18 },
        new(StartDate, XlsxKind.Date) { Aliases = ["任职时间"], Note = "现任职务的起始日期", Example = "2021-03-01" },
        new(Education) { AllowedValues = [.. ReferenceData.EducationLevels.Select(e => e.Name)], Note = "最高学历", Width = 12 },
        new(Party, Required: false) { AllowedValues = [PartyMember, Masses], Note = "不填视为群众" },
        new(Term, XlsxKind.Integer, Required: false) { Format = "整数 1–99", Note = "第十二届填 12", Example = "12", Width = 8 },
        new(Origin, Required: false) { AllowedValues = [CadreNames.Origin(CadreOrigin.Elected), CadreNames.Origin(CadreOrigin.Assigned)], Note = "不填视为本村产生" },
        new(AssignedFrom, Required: false) { Note = "来源为“上级选派”时必填，不超过 100 个字", Example = "县农业农村局", Width = 16 },
        new(ProfessionalSecretary, XlsxKind.Boolean, Required: false) { Aliases = ["专业化管理村党组织书记"], Note = "不填视为否" },
        new(BankName, Required: false) { Aliases = ["开户银行"], Note = "发放报酬的银行网点，不超过 50 个字", Example = "中国农业银行万载县支行", Width = 22 },
        new(BankAccountColumn, Required: false)
        {
            Aliases = ["银行卡号", "账号"], Format = "12–30 位数字，可带空格；请保持文本格式", Example = "6228480012345678901", Width = 24,
            Note = "加密保存，页面和导出中只显示前 4 位和后 4 位",
        },
    ];

    /// <summary>Where each of the command's rules is shown: the column the user fills in for that field.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        [nameof(CreateCadre.Name)] = Name,
        [nameof(CreateCadre.NationalId)] = NationalIdColumn,
        [nameof(CreateCadre.BirthDate)] = NationalIdColumn,
        [nameof(CreateCadre.Gender)] = NationalIdColumn,
        [nameof(CreateCadre.Phone)] = Phone,
        [nameof(CreateCadre.RegionCode)] = Village,
        [nameof(CreateCadre.PostCode)] = Post,
        [nameof(CreateCadre.StartDate)] = StartDate,
        [nameof(CreateCadre.EducationCode)] = Education,
        [nameof(CreateCadre.Term)] = Term,
        [nameof(CreateCadre.AssignedFrom)] = AssignedFrom,
        [nameof(CreateCadre.BankName)] = BankName,
        [nameof(CreateCadre.BankAccount)] = BankAccountColumn,
    };

    private VillageResolver villages = null!;
    private DateOnly today;

    public async Task PrepareAsync(CancellationToken ct)
    {
        villages = await VillageResolver.LoadAsync(db, ct);
        today = CadreRules.Today(clock);
    }

    public CadreImportRow? Parse(XlsxRecord r)
    {
        var name = r.Text(Name);
        var idText = r.Text(NationalIdColumn);
        var phone = r.Text(Phone);
        var villageText = r.Text(Village);
        var postName = r.Text(Post);
        var start = r.Date(StartDate);
        var educationName = r.Text(Education);
        var party = r.Text(Party);
        var term = r.Int(Term);
        var origin = r.Text(Origin) == CadreNames.Origin(CadreOrigin.Assigned) ? CadreOrigin.Assigned : CadreOrigin.Elected;
        var assignedFrom = r.Text(AssignedFrom);
        var professional = r.Bool(ProfessionalSecretary);
        var bankName = r.Text(BankName);
        var bankAccount = r.Text(BankAccountColumn);
        // As with ID numbers: a long number typed into a General cell has lost its last digits.
        var accountLostDigits = bankAccount is not null && bankAccount.Contains("E+", StringComparison.OrdinalIgnoreCase);
        if (accountLostDigits)
            r.AddError(BankAccountColumn, "银行账号被 Excel 存成了数字，后几位已丢失；请把该列设置为“文本”格式后重新填写");

        string? villageCode = null;
        if (villageText is not null)
        {
            var match = villages.Resolve(villageText);
            if (match.Error is { } error)
                r.AddError(Village, error);
            villageCode = match.Code;
        }
        var postCode = ReferenceData.Posts.FirstOrDefault(p => p.Name == postName)?.Code;
        var educationCode = ReferenceData.EducationLevels.FirstOrDefault(e => e.Name == educationName)?.Code;
        // A number typed into a General cell is kept by Excel as a float: 3.60922199001011E+17, its last digits gone for good.
        var idLostDigits = idText is not null && idText.Contains("E+", StringComparison.OrdinalIgnoreCase);
        if (idLostDigits)
            r.AddError(NationalIdColumn, "身份证号被 Excel 存成了数字，后几位已丢失；请把该列设置为“文本”格式后重新填写");

        // The same rules as registering one cadre, except where the cell already said what is wrong (blank, not a
        // date, not one of the choices) and the village, which the resolver has judged.
        var command = new CreateCadre(villageCode ?? "", name ?? "", idLostDigits ? "" : idText ?? "", null, null, phone, educationCode ?? "",
            party == PartyMember, postCode ?? "", start ?? DateOnly.MinValue, term, origin, assignedFrom, professional ?? false, bankName,
            accountLostDigits ? null : bankAccount);
        var reported = new HashSet<string> { nameof(CreateCadre.RegionCode) };
        if (name is null) reported.Add(nameof(CreateCadre.Name));
        if (idText is null || idLostDigits) reported.Add(nameof(CreateCadre.NationalId));
        if (postCode is null) reported.Add(nameof(CreateCadre.PostCode));
        if (educationCode is null) reported.Add(nameof(CreateCadre.EducationCode));
        if (start is null) reported.Add(nameof(CreateCadre.StartDate));
        foreach (var failure in validator.Validate(command).Errors)
            if (!reported.Contains(failure.PropertyName))
                r.AddError(ColumnOf.GetValueOrDefault(failure.PropertyName, Name), failure.ErrorMessage);
        if (assignedFrom is { Length: > AssignedFromMaxLength })
            r.AddError(AssignedFrom, $"派出单位不能超过 {AssignedFromMaxLength} 个字");

        var id = idLostDigits ? null : NationalId.Parse(idText, today);
        var mobile = phone is null ? null : MobilePhone.Parse(phone).Normalized;
        return new CadreImportRow(r.Row, name, id?.Normalized, id?.Normalized is { } n ? protector.Hash(n) : null, id?.Gender, id?.BirthDate, mobile,
            villageText, villageCode, postCode, start, educationCode, party == PartyMember, term, origin,
            origin == CadreOrigin.Assigned ? assignedFrom : null, professional ?? false, bankName,
            accountLostDigits ? null : BankAccount.Parse(bankAccount).Normalized);
    }

    public async Task CheckAsync(IReadOnlyList<CadreImportRow> rows, CellErrors errors, CancellationToken ct)
    {
        var unknown = rows.Where(r => r.VillageText is not null && villages.Resolve(r.VillageText).IsUnknown).ToList();
        if (unknown.Count > 0)
        {
            var why = await villages.ExplainAsync(unknown.Select(r => r.VillageText!), ct);
            foreach (var row in unknown)
                errors.Add(row.Row, Village, why[row.VillageText!]);
        }

        var withId = rows.Where(r => r.NationalIdHash is not null).ToList();
        foreach (var same in withId.GroupBy(r => r.NationalIdHash).Where(g => g.Count() > 1))
            foreach (var row in same)
                errors.Add(row.Row, NationalIdColumn, $"与第 {string.Join("、", same.Where(o => o != row).Select(o => o.Row))} 行的身份证号重复");

        // Registered anywhere, not only in scope: a person is registered once (as in CadreHandlers); the message names no one.
        var registered = await ScopeGateway.RegisteredNationalIdsAsync(db, withId.Select(r => r.NationalIdHash!), ct);
        foreach (var row in withId.Where(r => registered.Contains(r.NationalIdHash!)))
            errors.Add(row.Row, NationalIdColumn, "该身份证号已在干部档案中登记，不能重复登记");

        // One Party secretary and one director in office per village (一肩挑 takes both), as on entry one at a time:
        // the file may not add a second holder to a village, nor hold two itself (the database would refuse the batch).
        var leading = rows.Where(r => r.VillageCode is not null && r.PostCode is not null && Domain.Reserves.VillageVacancies.Fills(r.PostCode).Count > 0).ToList();
        var villagesWithLeading = leading.Select(r => r.VillageCode!).Distinct().ToList();
        var held = new List<(string Village, string Post)>();
        foreach (var chunk in villagesWithLeading.Chunk(1000))
            held.AddRange((await db.Cadres.AsNoTracking().Where(c => chunk.Contains(c.RegionCode) && c.Status == CadreStatus.InOffice)
                .Select(c => new { c.RegionCode, c.PostCode }).ToListAsync(ct)).Select(c => (c.RegionCode, c.PostCode)));
        var heldBy = held.ToLookup(h => h.Village, h => h.Post);
        foreach (var village in leading.GroupBy(r => r.VillageCode!))
        {
            var taken = heldBy[village.Key].ToList();
            foreach (var row in village.OrderBy(r => r.Row))
            {
                if (Domain.Reserves.VillageVacancies.Conflict(row.PostCode!, Domain.Reserves.VillageVacancies.Of(taken)) is { } conflict)
                    errors.Add(row.Row, Post, conflict);
                else taken.Add(row.PostCode!);
            }
        }
    }

    public void Add(AppDbContext context, CadreImportRow row)
    {
        var id = row.NationalId!;
        var cadre = new Cadre
        {
            RegionCode = row.VillageCode!, Name = row.Name!, Gender = row.Gender!.Value, BirthDate = row.BirthDate!.Value,
            EducationCode = row.EducationCode!, IsPartyMember = row.IsPartyMember, PostCode = row.PostCode!, Term = row.Term,
            Origin = row.Origin, AssignedFrom = row.AssignedFrom, IsProfessionalSecretary = row.IsProfessionalSecretary,
            NationalIdCipher = protector.Protect(id), NationalIdHash = row.NationalIdHash, NationalIdMasked = NationalId.Mask(id),
        };
        if (row.Phone is { } phone)
            (cadre.PhoneCipher, cadre.PhoneMasked) = (protector.Protect(phone), MobilePhone.Mask(phone));
        cadre.BankName = row.BankName;
        if (row.BankAccount is { } account)
            CadreHandlers.SetBankAccount(cadre, account, protector);
        // Opens the post history, as registering one cadre does.
        cadre.ChangePost(row.PostCode!, row.StartDate!.Value, row.Term);
        context.Cadres.Add(cadre);
    }
}
