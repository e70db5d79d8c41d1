using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>
/// The week's board as a workbook, one row per village and item (so the note fits): the board's own filters and order,
/// read page by page through <see cref="WeeklyHandlers.BoardAsync"/>, with the note and the reporter's display name and
/// post for items in progress or blocked — never the login name.
/// </summary>
public sealed class BoardExport(WeeklyHandlers weekly, TimeProvider clock)
{
    public const string SheetName = "周报看板";

    private static readonly XlsxColumn[] Columns =
    [
        new("村(社区)"), new("区划代码", Width: 14), new("事项"), new("部门"), new("截止日期", XlsxKind.Date), new("完成情况"),
        new("情况说明", Width: 40), new("填报人"), new("岗位"), new("填报时间（北京时间）", XlsxKind.DateTime),
    ];

    public async Task<XlsxDownload> ExportAsync(string? town, DateOnly? week, string? q, BoardShow show, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        DateOnly monday = default;
        for (var page = 1; ; page++)
        {
            var board = await weekly.BoardAsync(town, week, new PageRequest(page, PageRequest.MaxSize), ct, q, show);
            monday = board.Week;
            foreach (var r in board.Rows.Items)
                foreach (var c in board.Columns)
                {
                    if (!r.Cells.TryGetValue(c.TaskRequestId, out var status)) continue; // not put on this village
                    var note = r.Notes?.GetValueOrDefault(c.TaskRequestId);
                    rows.Add([r.VillageName, r.VillageCode, c.Title, c.DepartmentName, c.DueDate, WeeklyReport.StatusName(status),
                        note?.Note, note?.ReporterName, note?.ReporterPost, note is null ? null : clock.ToChina(note.ReportedAtUtc)]);
                }
            if (page >= board.Rows.PageCount) break;
        }
        var name = $"{SheetName}-{monday:yyyyMMdd}{(town is not null && RegionCodes.LevelOf(town.Trim()) is not null ? "-" + town.Trim() : "")}.xlsx";
        return new XlsxDownload(name, (stream, token) => XlsxWriter.WriteAsync(stream, new XlsxSheet(SheetName, Columns, rows), token));
    }
}
