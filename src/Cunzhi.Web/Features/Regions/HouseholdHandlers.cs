using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Regions;

public sealed record HouseholdRow(long Id, string RegionCode, string Number, string HeadName, string Address, string? GroupName, string? GridName, int Members);

public sealed record ResidentView(long Id, string Name, Gender Gender, string GenderName, DateOnly BirthDate, string Relation, bool IsPartyMember);

public sealed record HouseholdDetail(HouseholdRow Household, string? GroupCode, string? GridCode, IReadOnlyList<ResidentView> Residents);

public sealed record UpdateHousehold(string HeadName, string? Address, string? GroupCode, string? GridCode);

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
        var codes = await db.Households.Where(h => h.Id == id).Select(h => new { h.GroupCode, h.GridCode }).FirstAsync(ct);
        var residents = await db.Residents.Where(r => r.HouseholdId == id).OrderBy(r => r.Id)
            .Select(r => new ResidentView(r.Id, r.Name, r.Gender, "", r.BirthDate, r.Relation, r.IsPartyMember)).ToListAsync(ct);
        return new(row, codes.GroupCode, codes.GridCode, residents.Select(r => r with { GenderName = r.Gender == Gender.Male ? "男" : "女" }).ToList());
    }

    public async Task<HouseholdDetail?> UpdateAsync(long id, UpdateHousehold command, CancellationToken ct = default)
    {
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return null;
        foreach (var (code, level) in new[] { (command.GroupCode, Domain.Regions.RegionLevel.VillagerGroup), (command.GridCode, Domain.Regions.RegionLevel.Grid) })
            if (!string.IsNullOrEmpty(code) && !await db.Regions.AnyAsync(r => r.Code == code && r.ParentCode == h.RegionCode && r.Level == level, ct))
                throw new DomainRuleException($"{Domain.Regions.RegionCodes.DisplayName(level)} {code} 不属于该村");
        h.HeadName = command.HeadName.Trim();
        h.Address = command.Address?.Trim() ?? "";
        h.GroupCode = string.IsNullOrEmpty(command.GroupCode) ? null : command.GroupCode;
        h.GridCode = string.IsNullOrEmpty(command.GridCode) ? null : command.GridCode;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }
}
