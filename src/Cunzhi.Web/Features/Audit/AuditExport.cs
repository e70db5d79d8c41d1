using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Audit;

/// <summary>
/// The filtered log as a workbook an inspector can read: the page's filter and order, at most <see cref="MaxRows"/>
/// entries (newest first; a last line says when there were more), each with who, when (China time), what in Chinese
/// and the change as "字段：前 → 后" lines — never the raw JSON, so no secret marker's neighbour or hash slips in.
/// Exporting the log is itself an entry (filter and row count), written before the first row leaves.
/// </summary>
public sealed class AuditExport(AppDbContext db, AuditHandlers audit, TimeProvider clock)
{
    /// <summary>Rows in one file: enough for a month of a county's log, small enough for Excel and memory.</summary>
    public const int MaxRows = 10_000;
    private const int Chunk = PageRequest.MaxSize;
    public const string SheetName = "操作日志";

    private static readonly XlsxColumn[] Columns =
    [
        new("序号", XlsxKind.Integer), new("时间（北京时间）", XlsxKind.DateTime), new("姓名"), new("角色"), new("所属区划"), new("操作"), new("对象"),
        new("对象编号"), new("区划代码", Width: 14), new("区划"), new("变更内容", Width: 60),
    ];

    public async Task<XlsxDownload> ExportAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = audit.Query(filter);
        var total = await query.LongCountAsync(ct);
        var lastSequence = await query.Select(a => (long?)a.Sequence).FirstOrDefaultAsync(ct) ?? 0;
        var rows = (int)Math.Min(total, MaxRows);
        var detail = JsonSerializer.Serialize(new
        {
            filter = new { user = filter.User, entity = filter.Entity, kind = filter.Kind, region = filter.Region, from = filter.From, to = filter.To },
            rows, capped = total > MaxRows,
        }, AuditCapture.Json);
        db.RecordEvent(AuditActions.Export, "AuditLog", "export", db.User.RegionCode, detail);
        await db.SaveChangesAsync(ct);
        var today = clock.Today();
        var name = $"{SheetName}-{today:yyyyMMdd}.xlsx";
        return new XlsxDownload(name, (stream, token) =>
            XlsxWriter.WriteAsync(stream, new XlsxSheet(SheetName, Columns, RowsAsync(filter, lastSequence, rows, total, token)), token));
    }

    private async IAsyncEnumerable<object?[]> RowsAsync(AuditFilter filter, long upTo, int rows, long total,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // Up to the newest entry counted before the export's own entry: the file is the log as it was when asked for.
        var query = audit.Query(filter).Where(a => a.Sequence <= upTo);
        for (var skip = 0; skip < rows; skip += Chunk)
        {
            var page = await query.Skip(skip).Take(Math.Min(Chunk, rows - skip))
                .Select(a => new AuditRow(a.Sequence, a.AtUtc, a.UserName, a.RegionCode, a.Action, "", a.Entity, a.EntityKey, a.Before, a.After,
                    "", "", "", "", "", "", null))
                .ToListAsync(ct);
            foreach (var r in await audit.ReadableAsync(page, ct))
                yield return
                [
                    r.Sequence, clock.ToChina(r.AtUtc), r.ActorName, r.ActorPost, r.ActorRegion, r.ActionName, r.EntityName, r.EntityKey, r.RegionCode,
                    r.RegionName, string.Join("\n", (r.Changes ?? []).Select(Line)),
                ];
            if (page.Count < Chunk) break;
        }
        if (total > rows)
            yield return [null, null, null, null, null, null, null, null, null, null, $"共 {total} 条，只导出了最新的 {rows} 条；请缩小日期或其他筛选范围后分批导出"];
    }

    /// <summary>One change as a line: 字段：前 → 后 (a new row only 后, a deleted row only 前).</summary>
    public static string Line(AuditChange c) => (c.Before, c.After) switch
    {
        (null, var after) => $"{c.Label}：{after}",
        (var before, null) => $"{c.Label}：{before}（已删除）",
        var (before, after) => $"{c.Label}：{before} → {after}",
    };
}
