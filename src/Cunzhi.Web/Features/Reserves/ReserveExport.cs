using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>
/// The reserve pool under a region as a workbook, streamed from the query, filtered as the list is. The columns are the
/// import template's (the pool as 乡镇/村 or the town's name, choices by their Chinese names) and then the status, so an
/// exported file can be edited and imported elsewhere.
/// </summary>
public sealed class ReserveExport(AppDbContext db, TimeProvider clock)
{
    private static readonly XlsxColumn[] Columns =
    [
        new("姓名"), new("性别"), new("出生日期", XlsxKind.Date), new("学历"), new("政治面貌"), new("所在村（社区）", Width: 18), new("来源", Width: 14),
        new("推荐渠道", Width: 16), new("推荐人", Width: 16), new("推荐日期", XlsxKind.Date), new("培养岗位", Width: 16), new("跟岗实训说明", Width: 30),
        new("状态"),
        // Masked, never the number; named apart from the import's 身份证号 column so an export still re-imports.
        new("身份证号（掩码）", Width: 20),
    ];

    public async Task<XlsxDownload> ExportAsync(ReserveFilter filter, RegionView scope, CancellationToken ct)
    {
        var prefix = RegionCodes.ScopePrefix(scope.Code);
        var townPrefix = prefix[..Math.Min(prefix.Length, RegionCodes.TownDigits)];
        // Names of the pools' towns and villages; region names are public, and a village account may not see its town.
        var regions = await ScopeGateway.PublicRegions(db)
            .Where(r => (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village) && r.Code.StartsWith(townPrefix))
            .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
        var towns = regions.Where(r => r.Level == RegionLevel.Town).ToDictionary(r => r.Code, r => r.Name);
        var pools = regions.ToDictionary(r => r.Code,
            r => r.Level == RegionLevel.Town ? r.Name : $"{(r.ParentCode is { } p ? towns.GetValueOrDefault(p) : null)}/{r.Name}");

        var q = db.Set<ReserveCadre>().AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix));
        if (filter.Status is { } status) q = q.Where(r => r.Status == status);
        if (filter.Source is { } source) q = q.Where(r => r.Source == source);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            q = q.Where(r => r.Name.Contains(s));
        }
        var rows = q.OrderBy(r => r.Status).ThenBy(r => r.RegionCode).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Name, r.Gender, r.BirthDate, r.EducationCode, r.IsPartyMember, r.RegionCode, r.Source, r.Channel, r.Recommender, r.RecommendedDate,
                r.PlacementPostCode, r.TrainingNote, r.Status, r.NationalIdMasked,
            })
            .AsAsyncEnumerable()
            .Select(r => new object?[]
            {
                r.Name, ReserveHandlers.GenderName(r.Gender), r.BirthDate, ReserveHandlers.EducationName(r.EducationCode),
                r.IsPartyMember ? ReserveImporter.PartyMember : ReserveImporter.Masses, pools.GetValueOrDefault(r.RegionCode, r.RegionCode),
                ReserveNames.Of(r.Source), ReserveNames.Of(r.Channel), r.Recommender, r.RecommendedDate,
                r.PlacementPostCode is null ? null : ReserveHandlers.PostName(r.PlacementPostCode), r.TrainingNote, ReserveNames.Of(r.Status), r.NationalIdMasked,
            });
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new XlsxDownload($"后备干部名册-{scope.Name}-{today:yyyyMMdd}.xlsx",
            (stream, token) => XlsxWriter.WriteAsync(stream, new XlsxSheet("后备干部名册", Columns, rows), token));
    }
}
