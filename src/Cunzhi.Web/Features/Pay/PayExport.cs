using Cunzhi.Domain.Pay;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Pay;

/// <summary>
/// The run as the town finance office (乡镇财政所) wants it: one row per line with every part in yuan (Excel money
/// format), the explanation, and a 说明 sheet with the run's state, versions, totals and warnings.
/// </summary>
public static class PayExport
{
    public static XlsxDownload Build(RunView run, IReadOnlyList<PayLineView> lines, TimeProvider clock)
    {
        var columns = new[]
        {
            new XlsxColumn("村（社区）", Width: 14), new XlsxColumn("姓名", Width: 10), new XlsxColumn("职务", Width: 16), new XlsxColumn("类别"),
            new XlsxColumn("职级", XlsxKind.Integer), new XlsxColumn("在任天数", XlsxKind.Integer), new XlsxColumn("考评得分", XlsxKind.Decimal), new XlsxColumn("绩效系数", XlsxKind.Decimal),
            new XlsxColumn("基本报酬", XlsxKind.Money), new XlsxColumn("职级补贴", XlsxKind.Money), new XlsxColumn("绩效报酬", XlsxKind.Money), new XlsxColumn("奖励", XlsxKind.Money),
            new XlsxColumn("离任生活补贴", XlsxKind.Money), new XlsxColumn("调整", XlsxKind.Money), new XlsxColumn("应发合计", XlsxKind.Money),
            new XlsxColumn("计算说明", Width: 60), new XlsxColumn("提示", Width: 30),
        };
        var rows = lines.Select(l => new object?[]
        {
            l.VillageName, l.CadreName, l.PostName, PayNames.Kind(l.Kind), l.Rank, l.Days, l.Score, l.Coefficient, l.BaseFen, l.AllowanceFen, l.PerformanceFen,
            l.RewardFen, l.RetirementFen, l.AdjustmentFen, l.TotalFen, l.Explanation + (l.Reason is null ? "" : "；原因：" + l.Reason), l.Warning,
        }).ToList();
        rows.Add([ "合计", null, null, null, null, null, null, null, run.Totals.BaseFen, run.Totals.AllowanceFen, run.Totals.PerformanceFen, run.Totals.RewardFen,
            run.Totals.RetirementFen, run.Totals.AdjustmentFen, run.Totals.TotalFen, null, null ]);
        var about = new List<object?[]>
        {
            new object?[] { "乡镇", run.TownName }, new object?[] { "月份", $"{run.Year} 年 {run.Month} 月" }, new object?[] { "状态", PayNames.State(run.State) },
            new object?[] { "报酬标准版本", $"第 {run.SettingsVersion} 版" },
            new object?[] { "晋升办法版本", run.RankPolicyVersion is { } v ? $"第 {v} 版" : "未发布（职级补贴级差按默认值）" },
            new object?[] { "职级补贴级差", PayNames.Yuan(run.AllowanceStepFen) + " 元" },
            new object?[] { "明细条数", run.LineCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new object?[] { "应发合计", PayNames.Yuan(run.TotalFen) + " 元" },
            new object?[] { "计算", $"{run.ComputedBy} {clock.Show(run.ComputedAtUtc)}" },
            new object?[] { "复核", run.ReviewedBy }, new object?[] { "审批", run.ApprovedBy }, new object?[] { "锁定", run.LockedBy },
            new object?[] { "导出时间", clock.Show(clock.GetUtcNow().UtcDateTime) },
        };
        about.AddRange(run.Warnings.Select(w => new object?[] { "提示", w }));
        about.Add(["折算规则", "月中到任或离任的按在任天数折算：金额 × 在任天数 ÷ 当月天数，四舍五入到分"]);
        var sheets = new[]
        {
            new XlsxSheet("工资明细", columns, rows),
            new XlsxSheet("说明", [new XlsxColumn("项目", Width: 14), new XlsxColumn("内容", Width: 60)], about) { AutoFilter = false },
        };
        return new XlsxDownload($"{run.TownName}-{run.Year}年{run.Month:00}月村干部报酬.xlsx", (stream, ct) => XlsxWriter.WriteAsync(stream, sheets, ct));
    }
}
