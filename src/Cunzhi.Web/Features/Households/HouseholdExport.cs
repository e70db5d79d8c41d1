using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Households;

/// <summary>
/// A village's household register as a workbook, streamed from the query. The columns are the import template's
/// (the village as 乡镇/村, groups and grids by name), so an exported file can be edited and imported elsewhere.
/// </summary>
public sealed class HouseholdExport(AppDbContext db, TimeProvider clock)
{
    private static readonly XlsxColumn[] Columns =
    [
        new("户号"), new("户主"), new("所在村（社区）"), new("村民小组"), new("网格"), new("地址", Width: 30), new("人数", XlsxKind.Integer),
    ];

    /// <summary>Null when the code is not a village in the account's scope.</summary>
    public async Task<XlsxDownload?> ExportAsync(string villageCode, CancellationToken ct)
    {
        var village = await db.Regions.AsNoTracking().Where(r => r.Code == villageCode && r.Level == RegionLevel.Village)
            .Select(r => new { r.Code, r.Name, Town = db.Regions.Where(t => t.Code == r.ParentCode).Select(t => t.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (village is null)
            return null;
        var parts = await db.Regions.AsNoTracking().Where(r => r.ParentCode == village.Code).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var path = $"{village.Town}/{village.Name}";
        var rows = db.Households.AsNoTracking().Where(h => h.RegionCode == village.Code).OrderBy(h => h.Number)
            .Select(h => new { h.Number, h.HeadName, h.GroupCode, h.GridCode, h.Address, Members = h.Residents.Count })
            .AsAsyncEnumerable()
            .Select(h => new object?[]
            {
                h.Number, h.HeadName, path, h.GroupCode is { } g ? parts.GetValueOrDefault(g) : null, h.GridCode is { } d ? parts.GetValueOrDefault(d) : null,
                h.Address, h.Members,
            });
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new XlsxDownload($"农户名册-{village.Town}{village.Name}-{today:yyyyMMdd}.xlsx",
            (stream, token) => XlsxWriter.WriteAsync(stream, new XlsxSheet("农户名册", Columns, rows), token));
    }
}
