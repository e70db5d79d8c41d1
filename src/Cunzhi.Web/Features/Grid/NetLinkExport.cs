using Cunzhi.Data;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Grid;

/// <summary>
/// The current links of a village or a town as a workbook in the import template's columns (village as 乡镇/村, group by
/// name, cadre's ID as its last four digits only, households by 户号), so a village can fill in the gaps and import again.
/// </summary>
public sealed class NetLinkExport(AppDbContext db, TimeProvider clock)
{
    private static readonly XlsxColumn[] Columns =
    [
        new(NetLinkImporter.Village, Width: 18), new(NetLinkImporter.LinkKind, Width: 12), new(NetLinkImporter.Group, Width: 12), new(NetLinkImporter.Name),
        new(NetLinkImporter.IdTail), new(NetLinkImporter.MemberHousehold), new(NetLinkImporter.LinkedHousehold), new(NetLinkImporter.From, XlsxKind.Date, 12),
    ];

    /// <summary>Null when the region is not a town or village in scope (no region: the account's own, if a town or village).</summary>
    public async Task<XlsxDownload?> ExportAsync(string? region, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        if (RegionCodes.LevelOf(code) is not (RegionLevel.Town or RegionLevel.Village)) return null;
        var root = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var prefix = RegionCodes.ScopePrefix(code);
        // The town's name too, which a village account cannot read through the scope filter: region names are public.
        var town = RegionCodes.TownOf(code)!;
        var names = await ScopeGateway.PublicRegions(db).Where(r => r.Code.StartsWith(prefix) || r.Code == town)
            .Select(r => new { r.Code, r.Name }).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        string Path(string village) => $"{names.GetValueOrDefault(RegionCodes.TownOf(village)!)}/{names.GetValueOrDefault(village)}";

        var cadreLinks = await db.Set<CadreGroupLink>().AsNoTracking().Where(l => l.RegionCode.StartsWith(prefix) && l.ToDate == null)
            .OrderBy(l => l.RegionCode).ThenBy(l => l.GroupCode)
            .Select(l => new { l.RegionCode, l.GroupCode, l.FromDate, Cadre = db.Cadres.Where(c => c.Id == l.CadreId).Select(c => new { c.Name, c.NationalIdMasked }).FirstOrDefault() })
            .ToListAsync(ct);
        var memberLinks = await db.Set<MemberHouseholdLink>().AsNoTracking().Where(l => l.RegionCode.StartsWith(prefix) && l.ToDate == null)
            .OrderBy(l => l.RegionCode).ThenBy(l => l.ResidentId).ThenBy(l => l.HouseholdId)
            .Select(l => new
            {
                l.RegionCode, l.FromDate,
                Member = db.Residents.Where(r => r.Id == l.ResidentId).Select(r => new { r.Name, Own = db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.Number).FirstOrDefault() }).FirstOrDefault(),
                Linked = db.Households.Where(h => h.Id == l.HouseholdId).Select(h => h.Number).FirstOrDefault(),
            }).ToListAsync(ct);

        var rows = cadreLinks.Select(l => new object?[]
            {
                Path(l.RegionCode), NetLinkImporter.CadreKind, names.GetValueOrDefault(l.GroupCode), l.Cadre?.Name,
                l.Cadre?.NationalIdMasked is { Length: >= 4 } m ? m[^4..] : null, null, null, l.FromDate,
            })
            .Concat(memberLinks.Select(l => new object?[] { Path(l.RegionCode), NetLinkImporter.MemberKind, null, l.Member?.Name, null, l.Member?.Own, l.Linked, l.FromDate }))
            .ToAsyncEnumerable();
        return new XlsxDownload($"一网三联联系名单-{root}-{clock.Today():yyyyMMdd}.xlsx",
            (stream, token) => XlsxWriter.WriteAsync(stream, new XlsxSheet("联系名单", Columns, rows), token));
    }
}
