using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Analytics;

/// <summary>Headline figures of one child region (a town of a county, a village of a town) for the drill-down table.</summary>
/// <param name="Reserves">后备干部 in the region: extension point for the reserve pool, null until it is built.</param>
public sealed record StructureRow(
    string Code, string Name, RegionLevel Level, int Villages, int InOffice, int Secretaries,
    decimal SecretaryAverageAge, decimal CollegeOrAboveShare, decimal PartyMemberShare, decimal WomenShare,
    decimal OneShoulderShare, int VillagesWithoutSecretary, int VillagesWithoutDirector, int VacantPosts, int? Reserves);

/// <summary>A village lacking its 书记, its 主任, or both.</summary>
public sealed record VacancyRow(string VillageCode, string VillageName, string? TownCode, string? TownName, bool LacksSecretary, bool LacksDirector);

/// <summary>
/// 班子结构分析 of a county, town or village on <paramref name="AsOf"/>: its figures, one row per
/// child region, and the villages with vacant chief posts.
/// </summary>
/// <param name="Reserves">
/// 后备干部 in the region (SPEC §1 "reserve ratio"): extension point for the reserve pool, which is
/// built elsewhere; null until <see cref="StructureHandlers"/> can count it.
/// </param>
public sealed record StructureReport(
    RegionView Region, IReadOnlyList<RegionView> Trail, DateOnly AsOf, StructureFigures Figures, int? Reserves,
    IReadOnlyList<StructureRow> Children, IReadOnlyList<VacancyRow> Vacancies);

/// <summary>
/// Loads the facts structure analytics needs and runs <see cref="StructureAnalysis"/> on them.
/// Region scope comes from the data context: a code outside the account's region is simply not found.
/// </summary>
public sealed class StructureHandlers(AppDbContext db, RegionHandlers regions, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该区划，或它不在您的管辖范围内（班子结构分析只对县、乡镇、村）";

    private sealed record Place(string Code, string Name, RegionLevel Level, string? ParentCode);

    /// <summary>The report for <paramref name="code"/>, or for the account's own region when none is given; null when not found.</summary>
    public async Task<StructureReport?> GetAsync(string? code, CancellationToken ct = default)
    {
        var region = string.IsNullOrEmpty(code) ? await regions.RootAsync(ct) : await regions.GetAsync(code, ct);
        if (region is null || region.Level is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var prefix = RegionCodes.ScopePrefix(region.Code);
        var asOf = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

        // Towns and villages beneath, in one query: the village list, child names, and town names for vacancies.
        var places = await db.Regions
            .Where(r => r.Code.StartsWith(prefix) && (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village))
            .Select(r => new Place(r.Code, r.Name, r.Level, r.ParentCode))
            .ToListAsync(ct);
        // One projection of the columns the analysis reads; departed cadres never count, so they stay in the database.
        var facts = await db.Cadres
            .Where(c => c.RegionCode.StartsWith(prefix) && c.Status == CadreStatus.InOffice)
            .Select(c => new CadreFact(c.RegionCode, c.PostCode, c.BirthDate, c.EducationCode, c.IsPartyMember, c.Rank, c.Gender, c.Origin, c.Status))
            .ToListAsync(ct);
        var reserves = await ReserveCountsAsync(prefix, ct);

        var villages = places.Where(p => p.Level == RegionLevel.Village).ToList();
        var villagesOf = villages.ToLookup(v => v.ParentCode ?? "", StringComparer.Ordinal);
        var factsOf = facts.ToLookup(f => f.VillageCode, StringComparer.Ordinal);
        var figures = StructureAnalysis.Analyse(villages.Select(v => v.Code), facts, asOf);

        // Children are grouped in memory from the two lists above: no query per child.
        var childPlaces = region.Level switch
        {
            RegionLevel.County => places.Where(p => p.Level == RegionLevel.Town && p.ParentCode == region.Code),
            RegionLevel.Town => villagesOf[region.Code],
            _ => [],
        };
        var children = childPlaces.OrderBy(p => p.Code, StringComparer.Ordinal).Select(child =>
        {
            var childVillages = child.Level == RegionLevel.Village ? [child.Code] : villagesOf[child.Code].Select(v => v.Code).ToList();
            var f = StructureAnalysis.Analyse(childVillages, childVillages.SelectMany(v => factsOf[v]), asOf);
            return new StructureRow(child.Code, child.Name, child.Level, f.Villages, f.InOffice, f.Secretaries,
                f.SecretaryAverageAge, f.CollegeOrAboveShare, f.PartyMemberShare, f.WomenShare, f.OneShoulderShare,
                f.VillagesWithoutSecretary, f.VillagesWithoutDirector, f.VacantPosts, Sum(reserves, childVillages));
        }).ToList();

        var names = places.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var vacancies = StructureAnalysis.Vacancies(villages.Select(v => v.Code), facts).Select(v =>
        {
            var town = RegionCodes.ParentOf(v.VillageCode);
            return new VacancyRow(v.VillageCode, names[v.VillageCode], town, town is null ? null : names.GetValueOrDefault(town), v.LacksSecretary, v.LacksDirector);
        }).ToList();

        var trail = await regions.TrailAsync(region.Code, ct);
        return new StructureReport(region, trail, asOf, figures, Sum(reserves, villages.Select(v => v.Code)), children, vacancies);
    }

    /// <summary>
    /// Active reserves (后备干部库, SPEC §1) per village code under <paramref name="prefix"/>, in one grouped
    /// query. Town-level pools are not a village's and are left out of the per-village figures.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, int>?> ReserveCountsAsync(string prefix, CancellationToken ct) =>
        await db.Set<Domain.Reserves.ReserveCadre>()
            .Where(r => r.RegionCode.StartsWith(prefix) && r.Status == Domain.Reserves.ReserveStatus.Active)
            .GroupBy(r => r.RegionCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);

    private static int? Sum(IReadOnlyDictionary<string, int>? perVillage, IEnumerable<string> villages) =>
        perVillage is null ? null : villages.Sum(v => perVillage.GetValueOrDefault(v));
}
