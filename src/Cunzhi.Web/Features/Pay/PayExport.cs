using System.Globalization;
using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

/// <summary>Who is paid, as the finance office needs it: ID number and bank account masked, or in full for the reveal right.</summary>
public sealed record Payee(string? NationalId, string? BankName, string? BankAccount);

/// <summary>
/// The run as the town finance office (乡镇财政所) pays it. Sheet 发放表: a title with town and month, one row per payee
/// (序号, 姓名, 村, 身份证号, 开户行, 银行账号, the amount columns the run has, 实发金额) and a 合计 row; it prints on A4
/// landscape, one page wide, the header repeated on every page and 制表/审核/审批 at the foot of each. Sheet 计算明细:
/// every line with its parts and explanation; sheet 说明: state, versions, totals, warnings. ID numbers and bank
/// accounts are masked unless <c>full</c> (the reveal right, checked by the caller), which is an audit entry.
/// </summary>
public sealed class PayExport(AppDbContext db, PayRunViews runs, PersonalDataProtector protector, TimeProvider clock)
{
    public const string PaySheet = "发放表";
    public const string Footer = "&L制表：&C审核：&R审批：";

    /// <summary>The export of run <paramref name="id"/>; null when it is not found in scope.</summary>
    public async Task<XlsxDownload?> ExportAsync(long id, bool full, CancellationToken ct)
    {
        if (await runs.AllLinesAsync(id, ct) is not { } d) return null;
        var payees = await PayeesAsync(d.Lines.Select(l => l.CadreId), full, ct);
        if (full)
        {
            var detail = JsonSerializer.Serialize(new { fullNumbers = true, year = d.Run.Year, month = d.Run.Month, rows = payees.Count }, AuditCapture.Json);
            db.RecordEvent(AuditActions.Export, nameof(PayrollRun), id.ToString(CultureInfo.InvariantCulture), d.Run.Town, detail);
            await db.SaveChangesAsync(ct);
        }
        return Build(d.Run, d.Lines, payees, full, clock);
    }

    /// <summary>
    /// 身份证号, 开户行 and 银行账号 of the cadres <paramref name="cadreIds"/> (in scope), by cadre id: masked, or in full when
    /// <paramref name="full"/> (the caller checks the reveal right and records it). The print sheet takes the masked ones.
    /// </summary>
    public async Task<Dictionary<long, Payee>> PayeesAsync(IEnumerable<long> cadreIds, bool full, CancellationToken ct)
    {
        var payees = new Dictionary<long, Payee>();
        foreach (var chunk in cadreIds.Distinct().Chunk(1000))
        {
            var found = await db.Cadres.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new
                {
                    c.Id, c.NationalIdMasked, c.BankName, c.BankAccountMasked,
                    NationalIdCipher = full ? c.NationalIdCipher : null, BankAccountCipher = full ? c.BankAccountCipher : null,
                }).ToListAsync(ct);
            foreach (var c in found)
                payees[c.Id] = new Payee(full && c.NationalIdCipher is { } n ? protector.Unprotect(n) : c.NationalIdMasked, c.BankName,
                    full && c.BankAccountCipher is { } a ? protector.Unprotect(a) : c.BankAccountMasked);
        }
        return payees;
    }

    /// <summary>The parts of a payee's pay, summed over their lines (a regular line and an adjustment, say).</summary>
    private sealed record PayeeRow(long CadreId, string Name, string Village, long[] Parts, long Total);

    private static readonly (string Header, Func<PayLineView, long> Of)[] Parts =
    [
        ("基本报酬", l => l.BaseFen), ("职级补贴", l => l.AllowanceFen), ("绩效报酬", l => l.PerformanceFen), ("奖励", l => l.RewardFen),
        ("离任生活补贴", l => l.RetirementFen), ("调整", l => l.AdjustmentFen),
    ];

    public static XlsxDownload Build(RunView run, IReadOnlyList<PayLineView> lines, IReadOnlyDictionary<long, Payee> payees, bool full, TimeProvider clock)
    {
        // One row per payee, in the lines' order (village, then kind, then cadre). Money stays in whole fen (long)
        // throughout, so the 合计 is exact; it must equal the run's own total, or the file would pay a different sum.
        var byCadre = lines.GroupBy(l => l.CadreId).Select(g => new PayeeRow(g.Key, g.First().CadreName, g.First().VillageName,
            [.. Parts.Select(p => g.Sum(p.Of))], g.Sum(l => l.TotalFen))).ToList();
        var sums = Parts.Select((_, i) => byCadre.Sum(r => r.Parts[i])).ToArray();
        var total = byCadre.Sum(r => r.Total);
        if (total != run.TotalFen || total != run.Totals.TotalFen)
            throw new RuleException("批次合计与明细不一致，请重新计算后再导出");
        // The amount columns the run has: a part nobody is paid this month is left out.
        var shown = Enumerable.Range(0, Parts.Length).Where(i => byCadre.Any(r => r.Parts[i] != 0)).ToList();

        var columns = new List<XlsxColumn>
        {
            new("序号", XlsxKind.Integer, Width: 6), new("姓名", Width: 10), new("村（社区）", Width: 14), new("身份证号", Width: 21),
            new("开户行", Width: 24), new("银行账号", Width: full ? 32 : 21),
        };
        columns.AddRange(shown.Select(i => new XlsxColumn(Parts[i].Header, XlsxKind.Money, Width: 12)));
        columns.Add(new XlsxColumn("实发金额", XlsxKind.Money, Width: 13));
        var rows = byCadre.Select((r, n) =>
        {
            var payee = payees.GetValueOrDefault(r.CadreId);
            object?[] row = [n + 1, r.Name, r.Village, payee?.NationalId, payee?.BankName, payee?.BankAccount, .. shown.Select(i => (object?)r.Parts[i]), r.Total];
            return row;
        }).ToList();
        rows.Add([null, "合计", null, null, null, null, .. shown.Select(i => (object?)sums[i]), total]);
        var title = $"{run.TownName}{run.Year}年{run.Month}月村干部报酬发放表" + (run.State is PayrollState.Approved or PayrollState.Locked ? "" : $"（{PayNames.State(run.State)}，未审批）");

        var sheets = new[]
        {
            new XlsxSheet(PaySheet, columns, rows)
            {
                Title = title, AutoFilter = false,
                Print = new XlsxPrint { Landscape = true, FitToWidth = true, Header = "&R第 &P 页，共 &N 页", Footer = Footer },
            },
            new XlsxSheet("计算明细", DetailColumns, DetailRows(run, lines)),
            new XlsxSheet("说明", [new XlsxColumn("项目", Width: 14), new XlsxColumn("内容", Width: 60)], About(run, clock)) { AutoFilter = false },
        };
        var name = $"{run.TownName}-{run.Year}年{run.Month:00}月村干部报酬{(full ? "-含完整证件号" : "")}.xlsx";
        return new XlsxDownload(name, (stream, ct) => XlsxWriter.WriteAsync(stream, sheets, ct));
    }

    private static readonly XlsxColumn[] DetailColumns =
    [
        new("村（社区）", Width: 14), new("姓名", Width: 10), new("职务", Width: 16), new("类别"),
        new("职级", XlsxKind.Integer), new("在任天数", XlsxKind.Integer), new("考评得分", XlsxKind.Decimal), new("绩效系数", XlsxKind.Decimal),
        new("基本报酬", XlsxKind.Money), new("职级补贴", XlsxKind.Money), new("绩效报酬", XlsxKind.Money), new("奖励", XlsxKind.Money),
        new("离任生活补贴", XlsxKind.Money), new("调整", XlsxKind.Money), new("应发合计", XlsxKind.Money),
        new("计算说明", Width: 60), new("提示", Width: 30),
    ];

    private static List<object?[]> DetailRows(RunView run, IReadOnlyList<PayLineView> lines)
    {
        var rows = lines.Select(l => new object?[]
        {
            l.VillageName, l.CadreName, l.PostName, PayNames.Kind(l.Kind), l.Rank, l.Days, l.Score, l.Coefficient, l.BaseFen, l.AllowanceFen, l.PerformanceFen,
            l.RewardFen, l.RetirementFen, l.AdjustmentFen, l.TotalFen, l.Explanation + (l.Reason is null ? "" : "；原因：" + l.Reason), l.Warning,
        }).ToList();
        rows.Add([ "合计", null, null, null, null, null, null, null, run.Totals.BaseFen, run.Totals.AllowanceFen, run.Totals.PerformanceFen, run.Totals.RewardFen,
            run.Totals.RetirementFen, run.Totals.AdjustmentFen, run.Totals.TotalFen, null, null ]);
        return rows;
    }

    private static List<object?[]> About(RunView run, TimeProvider clock)
    {
        var about = new List<object?[]>
        {
            new object?[] { "乡镇", run.TownName }, new object?[] { "月份", $"{run.Year} 年 {run.Month} 月" }, new object?[] { "状态", PayNames.State(run.State) },
            new object?[] { "报酬标准版本", $"第 {run.SettingsVersion} 版" },
            new object?[] { "晋升办法版本", run.RankPolicyVersion is { } v ? $"第 {v} 版" : "未发布（职级补贴级差按默认值）" },
            new object?[] { "职级补贴级差", PayNames.Yuan(run.AllowanceStepFen) + " 元" },
            new object?[] { "明细条数", run.LineCount.ToString(CultureInfo.InvariantCulture) },
            new object?[] { "应发合计", PayNames.Yuan(run.TotalFen) + " 元" },
            new object?[] { "计算", $"{run.ComputedBy} {clock.Show(run.ComputedAtUtc)}" },
            new object?[] { "复核", run.ReviewedBy }, new object?[] { "审批", run.ApprovedBy }, new object?[] { "锁定", run.LockedBy },
            new object?[] { "导出时间", clock.Show(clock.GetUtcNow().UtcDateTime) },
        };
        about.AddRange(run.Warnings.Select(w => new object?[] { "提示", w }));
        about.Add(["折算规则", "月中到任或离任的按在任天数折算：金额 × 在任天数 ÷ 当月天数，四舍五入到分"]);
        about.Add(["证件号与账号", "身份证号和银行账号按规定掩码显示；完整号码仅限有查看个人信息授权的账号导出，并记入操作日志"]);
        return about;
    }
}
