using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Regions;

/// <summary>
/// A region; <see cref="Version"/> is what a rename must send back (<c>version</c> or <c>If-Match</c>). Lists of options
/// and trails leave it 0: only the single region's view (<see cref="RegionHandlers.GetAsync"/>) and the children list carry it.
/// </summary>
public sealed record RegionView(string Code, string Name, RegionLevel Level, string LevelName, string? ParentCode, int ChildCount) : IVersionedView
{
    public int Version { get; init; }
}

public sealed record RegionStats(int Towns, int Villages, int VillagerGroups, int Grids, int Households, int Residents, int Cadres);

public sealed record RenameRegion(string Name) : IVersionedCommand
{
    /// <summary>The version the rename was made from (<see cref="RegionView.Version"/>).</summary>
    public int? Version { get; set; }
}

public sealed record CreateChildRegion(RegionLevel Level, string Name, string? Code);

public sealed class RenameRegionValidator : AbstractValidator<RenameRegion>
{
    public RenameRegionValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写名称")
            .MaximumLength(60).WithMessage("名称不能超过 60 个字");
    }
}

public sealed class CreateChildRegionValidator : AbstractValidator<CreateChildRegion>
{
    public CreateChildRegionValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写名称").MaximumLength(60).WithMessage("名称不能超过 60 个字");
        RuleFor(c => c.Level).IsInEnum().WithMessage("层级无效").NotEqual(RegionLevel.County).WithMessage("县(区)不能在此新建");
        RuleFor(c => c.Code).Must((c, code) => RegionCodes.IsValid(code, c.Level)).When(c => c.Level is RegionLevel.Town or RegionLevel.Village)
            .WithMessage(c => $"请填写 12 位{RegionCodes.DisplayName(c.Level)}统计用区划代码");
    }
}

/// <summary>Reads and writes of the region tree. Scope is applied by the data context; these only shape and validate.</summary>
public sealed class RegionHandlers(AppDbContext db)
{
    public const string NotFoundMessage = "未找到该区划，或它不在您的管辖范围内";

    private IQueryable<RegionView> Views(IQueryable<Region> regions) => regions.Select(r => new RegionView(
        r.Code, r.Name, r.Level, "", r.ParentCode, db.Regions.Count(c => c.ParentCode == r.Code)) { Version = r.RowVersion });

    private static RegionView Named(RegionView v) => v with { LevelName = RegionCodes.DisplayName(v.Level) };

    /// <summary>The region an account sees as its root.</summary>
    public async Task<RegionView?> RootAsync(CancellationToken ct = default)
        => await GetAsync(db.User.RegionCode, ct);

    public async Task<RegionView?> GetAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(code)) return null;
        var v = await Views(db.Regions.Where(r => r.Code == code)).FirstOrDefaultAsync(ct);
        return v is null ? null : Named(v);
    }

    public async Task<Paged<RegionView>> ChildrenAsync(string code, string? search, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Regions.Where(r => r.ParentCode == code);
        if (!string.IsNullOrWhiteSpace(search)) q = q.Where(r => r.Name.Contains(search.Trim()) || r.Code.StartsWith(search.Trim()));
        var result = await Views(q.OrderBy(r => r.Code)).ToPagedAsync(page, ct);
        return result with { Items = result.Items.Select(Named).ToList() };
    }

    /// <summary>
    /// A region and its children in code order (at most <paramref name="max"/>), without child counts
    /// (<see cref="RegionView.ChildCount"/> is 0) or a total: the heading and the options of a region filter, in one
    /// indexed query. Null when the region is not found in scope. <see cref="ChildrenAsync"/> is the paged list with counts.
    /// </summary>
    public async Task<(RegionView Region, IReadOnlyList<RegionView> Children)?> BriefWithChildOptionsAsync(string? code, int max, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(code)) return null;
        var found = await db.Regions.Where(r => r.Code == code || r.ParentCode == code).OrderBy(r => r.Code).Take(max + 1)
            .Select(r => new RegionView(r.Code, r.Name, r.Level, "", r.ParentCode, 0)).ToListAsync(ct);
        var region = found.FirstOrDefault(r => r.Code == code);
        return region is null ? null : (Named(region), found.Where(r => r.Code != code).Take(max).Select(Named).ToList());
    }

    /// <summary>Ancestors of a region that the account may see, county first.</summary>
    public async Task<IReadOnlyList<RegionView>> TrailAsync(string code, CancellationToken ct = default)
    {
        var codes = new List<string>();
        for (var c = RegionCodes.ParentOf(code); c is not null; c = RegionCodes.ParentOf(c)) codes.Add(c);
        var found = await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => new RegionView(r.Code, r.Name, r.Level, "", r.ParentCode, 0)).ToListAsync(ct);
        return found.OrderBy(r => r.Level).Select(Named).ToList();
    }

    public async Task<RegionStats> StatsAsync(string? code, CancellationToken ct = default)
    {
        var prefix = string.IsNullOrEmpty(code) || RegionCodes.LevelOf(code) is null ? "" : RegionCodes.ScopePrefix(code);
        var regions = db.Regions.Where(r => r.Code.StartsWith(prefix));
        var counts = await regions.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(RegionLevel l) => counts.FirstOrDefault(c => c.Key == l)?.Count ?? 0;
        return new(Of(RegionLevel.Town), Of(RegionLevel.Village), Of(RegionLevel.VillagerGroup), Of(RegionLevel.Grid),
            await db.Households.CountAsync(h => h.RegionCode.StartsWith(prefix), ct),
            await db.Residents.CountAsync(r => r.RegionCode.StartsWith(prefix), ct),
            await db.Cadres.CountAsync(c => c.RegionCode.StartsWith(prefix) && c.Status == Domain.Cadres.CadreStatus.InOffice, ct));
    }

    public async Task<RegionView?> RenameAsync(string code, RenameRegion command, CancellationToken ct = default)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null) return null;
        db.ExpectVersion(region, command.Version);
        region.Name = command.Name.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(code, ct);
    }

    public async Task<RegionView?> CreateChildAsync(string parentCode, CreateChildRegion command, CancellationToken ct = default)
    {
        var parent = await db.Regions.FirstOrDefaultAsync(r => r.Code == parentCode, ct);
        if (parent is null) return null;
        if (!RegionCodes.ChildLevels(parent.Level).Contains(command.Level))
            throw new RuleException($"{RegionCodes.DisplayName(parent.Level)}下不能设{RegionCodes.DisplayName(command.Level)}");
        string code;
        if (command.Level is RegionLevel.VillagerGroup or RegionLevel.Grid)
        {
            var siblings = await db.Regions.Where(r => r.ParentCode == parentCode).Select(r => r.Code).ToListAsync(ct);
            code = RegionCodes.NextSubVillageCode(parentCode, command.Level, siblings)
                   ?? throw new RuleException($"该村的{RegionCodes.DisplayName(command.Level)}编号已用完");
        }
        else
        {
            code = command.Code!;
            if (RegionCodes.ParentOf(code) != parentCode)
                throw new RuleException($"代码 {code} 不属于 {parent.Name}（应以 {RegionCodes.ScopePrefix(parentCode)} 开头）");
            if (await ScopeGateway.PublicRegions(db).AnyAsync(r => r.Code == code, ct))
                throw new RuleException($"代码 {code} 已被使用");
        }
        db.Regions.Add(new Region { Code = code, Name = command.Name.Trim(), Level = command.Level, ParentCode = parentCode });
        await db.SaveChangesAsync(ct);
        return await GetAsync(code, ct);
    }
}
