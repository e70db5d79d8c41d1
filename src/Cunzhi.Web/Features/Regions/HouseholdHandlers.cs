using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Regions;

public sealed record HouseholdRow(long Id, string RegionCode, string Number, string HeadName, string Address, string? GroupName, string? GridName, int Members);

/// <summary>A member; <see cref="Version"/> is the member's own, what an edit of the member must send back.</summary>
public sealed record ResidentView(long Id, string Name, Gender Gender, string GenderName, DateOnly BirthDate, string Relation, bool IsPartyMember, int Version);

/// <summary>
/// A household and its members. <see cref="Version"/> (and the ETag) is the household's own row: its head, address, group
/// and grid. Each member carries its own version, so editing one member does not make an edit of the household or of
/// another member stale.
/// </summary>
public sealed record HouseholdDetail(HouseholdRow Household, string? GroupCode, string? GridCode, IReadOnlyList<ResidentView> Residents, int Version) : IVersionedView;

public sealed record UpdateHousehold(string HeadName, string? Address, string? GroupCode, string? GridCode) : IVersionedCommand
{
    /// <summary>The version the edit was made from (<see cref="HouseholdDetail.Version"/>).</summary>
    public int? Version { get; set; }
}

public sealed record CreateHousehold(string Number, string HeadName, string? Address, string? GroupCode, string? GridCode);

/// <summary>A member as added (POST, no version) or edited (PUT: <see cref="Version"/> is the member's, <see cref="ResidentView.Version"/>).</summary>
public sealed record SaveResident(string Name, Gender Gender, DateOnly BirthDate, string? Relation, bool IsPartyMember) : IVersionedCommand
{
    /// <summary>The member's version the edit was made from; not used when adding a member.</summary>
    public int? Version { get; set; }
}

public sealed class CreateHouseholdValidator : AbstractValidator<CreateHousehold>
{
    public CreateHouseholdValidator()
    {
        RuleFor(c => c.Number).NotEmpty().WithMessage("请填写户号").MaximumLength(20).WithMessage("户号不能超过 20 个字符");
        RuleFor(c => c.HeadName).NotEmpty().WithMessage("请填写户主姓名").MaximumLength(30).WithMessage("户主姓名不能超过 30 个字");
        RuleFor(c => c.Address).MaximumLength(100).WithMessage("地址不能超过 100 个字");
    }
}

public sealed class SaveResidentValidator : AbstractValidator<SaveResident>
{
    public SaveResidentValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写姓名").MaximumLength(30).WithMessage("姓名不能超过 30 个字");
        RuleFor(c => c.Gender).IsInEnum().WithMessage("请选择性别");
        RuleFor(c => c.BirthDate).Must(d => d >= new DateOnly(1900, 1, 1) && d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
            .WithMessage("出生日期不合理");
        RuleFor(c => c.Relation).MaximumLength(10).WithMessage("与户主关系不能超过 10 个字");
    }
}

public sealed class UpdateHouseholdValidator : AbstractValidator<UpdateHousehold>
{
    public UpdateHouseholdValidator()
    {
        RuleFor(c => c.HeadName).NotEmpty().WithMessage("请填写户主姓名").MaximumLength(30).WithMessage("户主姓名不能超过 30 个字");
        RuleFor(c => c.Address).MaximumLength(100).WithMessage("地址不能超过 100 个字");
    }
}

public sealed class HouseholdHandlers(AppDbContext db)
{

    public const string NotFoundMessage = "未找到该农户，或它不在您的管辖范围内";

    private IQueryable<HouseholdRow> Rows(IQueryable<Domain.Regions.Household> q) => q.Select(h => new HouseholdRow(
        h.Id, h.RegionCode, h.Number, h.HeadName, h.Address,
        db.Regions.Where(r => r.Code == h.GroupCode).Select(r => r.Name).FirstOrDefault(),
        db.Regions.Where(r => r.Code == h.GridCode).Select(r => r.Name).FirstOrDefault(),
        h.Residents.Count));

    public Task<Paged<HouseholdRow>> ListAsync(string villageCode, string? search, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Households.Where(h => h.RegionCode == villageCode);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(h => h.HeadName.Contains(s) || h.Number.StartsWith(s) || h.Address.Contains(s) || h.Residents.Any(r => r.Name.Contains(s)));
        }
        return Rows(q.OrderBy(h => h.Number)).ToPagedAsync(page, ct);
    }

    public async Task<HouseholdDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var row = await Rows(db.Households.Where(h => h.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var codes = await db.Households.Where(h => h.Id == id).Select(h => new { h.GroupCode, h.GridCode, h.RowVersion }).FirstAsync(ct);
        var residents = await db.Residents.Where(r => r.HouseholdId == id).OrderBy(r => r.Id)
            .Select(r => new ResidentView(r.Id, r.Name, r.Gender, "", r.BirthDate, r.Relation, r.IsPartyMember, r.RowVersion)).ToListAsync(ct);
        return new(row, codes.GroupCode, codes.GridCode, residents.Select(r => r with { GenderName = r.Gender == Gender.Male ? "男" : "女" }).ToList(), codes.RowVersion);
    }

    private async Task CheckPlacementAsync(string village, string? groupCode, string? gridCode, CancellationToken ct)
    {
        foreach (var (code, level) in new[] { (groupCode, Domain.Regions.RegionLevel.VillagerGroup), (gridCode, Domain.Regions.RegionLevel.Grid) })
            if (!string.IsNullOrEmpty(code) && !await db.Regions.AnyAsync(r => r.Code == code && r.ParentCode == village && r.Level == level, ct))
                throw new RuleException($"{Domain.Regions.RegionCodes.DisplayName(level)} {code} 不属于该村");
    }

    /// <summary>A new household in a village; its head becomes its first member.</summary>
    public async Task<HouseholdDetail?> CreateAsync(string villageCode, CreateHousehold c, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == villageCode && r.Level == Domain.Regions.RegionLevel.Village, ct)) return null;
        await CheckPlacementAsync(villageCode, c.GroupCode, c.GridCode, ct);
        var number = c.Number.Trim();
        if (await db.Households.AnyAsync(h => h.RegionCode == villageCode && h.Number == number, ct))
            throw new RuleException($"户号 {number} 在本村已存在");
        var h = new Domain.Regions.Household
        {
            RegionCode = villageCode, Number = number, HeadName = c.HeadName.Trim(), Address = c.Address?.Trim() ?? "",
            GroupCode = string.IsNullOrEmpty(c.GroupCode) ? null : c.GroupCode, GridCode = string.IsNullOrEmpty(c.GridCode) ? null : c.GridCode,
        };
        db.Households.Add(h);
        await db.SaveChangesAsync(ct);
        return await GetAsync(h.Id, ct);
    }

    public async Task<HouseholdDetail?> HouseholdOfResidentAsync(long residentId, CancellationToken ct = default)
    {
        var householdId = await db.Residents.Where(r => r.Id == residentId).Select(r => (long?)r.HouseholdId).FirstOrDefaultAsync(ct);
        return householdId is null ? null : await GetAsync(householdId.Value, ct);
    }

    public async Task<HouseholdDetail?> AddResidentAsync(long householdId, SaveResident c, CancellationToken ct = default)
    {
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return null;
        db.Residents.Add(new Domain.Regions.Resident
        {
            HouseholdId = h.Id, RegionCode = h.RegionCode, Name = c.Name.Trim(), Gender = c.Gender, BirthDate = c.BirthDate,
            Relation = c.Relation?.Trim() ?? "", IsPartyMember = c.IsPartyMember,
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(h.Id, ct);
    }

    public async Task<HouseholdDetail?> UpdateResidentAsync(long residentId, SaveResident c, CancellationToken ct = default)
    {
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (r is null) return null;
        db.ExpectVersion(r, c.Version);
        (r.Name, r.Gender, r.BirthDate, r.Relation, r.IsPartyMember) = (c.Name.Trim(), c.Gender, c.BirthDate, c.Relation?.Trim() ?? "", c.IsPartyMember);
        await db.SaveChangesAsync(ct);
        return await GetAsync(r.HouseholdId, ct);
    }

    public async Task<HouseholdDetail?> RemoveResidentAsync(long residentId, CancellationToken ct = default)
    {
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (r is null) return null;
        db.Residents.Remove(r);
        await db.SaveChangesAsync(ct);
        return await GetAsync(r.HouseholdId, ct);
    }

    public async Task<HouseholdDetail?> UpdateAsync(long id, UpdateHousehold command, CancellationToken ct = default)
    {
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return null;
        await CheckPlacementAsync(h.RegionCode, command.GroupCode, command.GridCode, ct);
        db.ExpectVersion(h, command.Version);
        h.HeadName = command.HeadName.Trim();
        h.Address = command.Address?.Trim() ?? "";
        h.GroupCode = string.IsNullOrEmpty(command.GroupCode) ? null : command.GroupCode;
        h.GridCode = string.IsNullOrEmpty(command.GridCode) ? null : command.GridCode;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }
}
