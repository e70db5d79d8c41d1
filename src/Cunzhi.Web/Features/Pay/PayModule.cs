using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Pay;

/// <summary>Registration and <c>/api/v1/pay</c>: settings, payroll runs (compute, states, adjustments, export), rewards.</summary>
public sealed class PayModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PaySettingsHandlers>();
        services.AddScoped<PayrollHandlers>();
        services.AddScoped<RewardHandlers>();
    }

    private static ProblemHttpResult NotFound(string m) => CunzhiApi.NotFound(m);

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var pay = secured.MapGroup("/pay").WithTags("报酬");

        PaySettingsHandlers.MapEndpoints<PaySettingsHandlers>(pay, "/settings", new(Permissions.PaySettingsRead, Permissions.PaySettingsEdit,
            OverviewSummary: "报酬标准：现行版本、草稿与全部版本（version 为第几版；rowVersion 与 ETag 为草稿的数据版本，无草稿时为 0）",
            DraftSummary: "保存草稿（金额单位：分；须带读取时的 rowVersion 或 If-Match，无草稿时为 0）",
            PublishSummary: "发布草稿（发布后不可修改）"));

        var runs = pay.MapGroup("/runs").RequireAuthorization(Permissions.PayrollRead);
        runs.MapGet("", async (string? town, int? year, int? month, PayrollState? state, int? page, int? pageSize, PayrollHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(town, year, month, state, new PageRequest(page, pageSize), ct)))
            .WithSummary("工资批次（按乡镇、年、月、状态筛选，分页）");
        runs.MapGet("/{id:long}", async (long id, string? village, int? page, int? pageSize, PayrollHandlers h, CancellationToken ct) =>
                await h.GetAsync(id, village, new PageRequest(page, pageSize), ct) is { } v ? (Results<Ok<RunView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(PayrollHandlers.NotFoundMessage))
            .WithSummary("批次详情：合计、提示与明细（分页，可按村筛选）");
        runs.MapGet("/{id:long}/export", async (long id, PayrollHandlers h, TimeProvider clock, CancellationToken ct) =>
                await h.AllLinesAsync(id, ct) is { } d ? (Results<XlsxDownload, ProblemHttpResult>)PayExport.Build(d.Run, d.Lines, clock) : NotFound(PayrollHandlers.NotFoundMessage))
            .WithSummary("导出 Excel（乡镇财政所）");
                        runs.MapPost("", async (ComputeRun command, PayrollHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ComputeAsync(command, ct)))
            .AddEndpointFilter<Validate<ComputeRun>>().RequireAuthorization(Permissions.PayrollComputeTown)
            .WithSummary("计算或重新计算本乡镇某月工资（仅草稿可重算；数据不变则明细不变）");
        runs.MapPost("/county", async (ComputeRun command, PayrollHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ComputeCountyAsync(command, ct)))
            .AddEndpointFilter<Validate<ComputeRun>>().RequireAuthorization(Permissions.PayrollApprove)
            .WithSummary("县委组织部计算全县各乡镇某月工资草稿（已复核、审批或锁定的批次跳过并列出；仍由乡镇复核）");
        runs.MapPost("/{id:long}/review", async (long id, PayrollHandlers h, CancellationToken ct) =>
                await h.MarkReviewedAsync(id, ct) is { } v ? (Results<Ok<RunView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(PayrollHandlers.NotFoundMessage))
            .RequireAuthorization(Permissions.PayrollComputeTown).WithSummary("乡镇复核");
        runs.MapPost("/{id:long}/return", async (long id, ReturnRun command, PayrollHandlers h, CancellationToken ct) =>
                await h.ReturnAsync(id, command, ct) is { } v ? (Results<Ok<RunView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(PayrollHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<ReturnRun>>().RequireAuthorization(Permissions.PayrollApprove).WithSummary("县委组织部退回（须填写理由）");
        runs.MapPost("/{id:long}/approve", async (long id, PayrollHandlers h, CancellationToken ct) =>
                await h.ApproveAsync(id, ct) is { } v ? (Results<Ok<RunView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(PayrollHandlers.NotFoundMessage))
            .RequireAuthorization(Permissions.PayrollApprove).WithSummary("县委组织部审批（有干部缺少月度考评得分时拒绝）");
        runs.MapPost("/{id:long}/lock", async (long id, PayrollHandlers h, CancellationToken ct) =>
                await h.LockAsync(id, ct) is { } v ? (Results<Ok<RunView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(PayrollHandlers.NotFoundMessage))
            .RequireAuthorization(Permissions.PayrollApprove).WithSummary("锁定（此后只能在以后月份的批次中以调整项更正）");
        runs.MapPost("/{id:long}/adjustments", async (long id, AddAdjustment command, PayrollHandlers h, CancellationToken ct) =>
                await h.AddAdjustmentAsync(id, command, ct) is { } v ? (Results<Ok<RunView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(PayrollHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<AddAdjustment>>().RequireAuthorization(Permissions.PayrollComputeTown)
            .WithSummary("添加调整项：更正已锁定批次的某条明细（金额单位：分，可为负；须填原因）");
        runs.MapDelete("/{id:long}/adjustments/{lineId:long}", async (long id, long lineId, PayrollHandlers h, CancellationToken ct) =>
                await h.RemoveAdjustmentAsync(id, lineId, ct) is { } v ? (Results<Ok<RunView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(PayrollHandlers.NotFoundMessage))
            .RequireAuthorization(Permissions.PayrollComputeTown).WithSummary("删除草稿批次中的调整项");

        var awards = pay.MapGroup("/rewards/good-secretary").RequireAuthorization(Permissions.AwardsRead);
        awards.MapGet("", async (int? year, int? page, int? pageSize, RewardHandlers h, CancellationToken ct) => TypedResults.Ok(await h.AwardsAsync(year, new PageRequest(page, pageSize), ct)))
            .WithSummary("担当作为好支书奖励");
        awards.MapPost("", async (GrantAward command, RewardHandlers h, CancellationToken ct) =>
                await h.GrantAsync(command, ct) is { } v ? (Results<Created<AwardView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/pay/rewards/good-secretary/{v.Id}", v) : NotFound(RewardHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<GrantAward>>().RequireAuthorization(Permissions.AwardsGrant)
            .WithSummary("授予好支书奖励（金额缺省为报酬标准中的金额，在所选月份的工资中发放）");
        awards.MapDelete("/{id:long}", async (long id, RewardHandlers h, CancellationToken ct) =>
                await h.RevokeAsync(id, ct) ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent() : NotFound(RewardHandlers.NotFoundMessage))
            .RequireAuthorization(Permissions.AwardsGrant).WithSummary("撤销（发放月份的工资尚为草稿时）");

        var income = pay.MapGroup("/rewards/income").RequireAuthorization(Permissions.IncomeRewardsRead);
        income.MapGet("", async (int? year, int? page, int? pageSize, RewardHandlers h, CancellationToken ct) => TypedResults.Ok(await h.IncomeRewardsAsync(year, new PageRequest(page, pageSize), ct)))
            .WithSummary("村集体经济收益增量奖励（村账号只看本村）");
        income.MapGet("/{id:long}", async (long id, RewardHandlers h, CancellationToken ct) =>
                await h.GetIncomeAsync(id, ct) is { } v ? (Results<Ok<IncomeRewardView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(RewardHandlers.NotFoundMessage))
            .WithSummary("增量奖励详情与分配");
        income.MapPut("", async (EnterIncome command, RewardHandlers h, CancellationToken ct) =>
                await h.EnterIncomeAsync(command, ct) is { } v ? (Results<Ok<IncomeRewardView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(RewardHandlers.VillageNotFoundMessage))
            .AddEndpointFilter<Validate<EnterIncome>>().RequireAuthorization(Permissions.IncomeRewardsEnter)
            .WithSummary("村填报本村、或乡镇代本乡镇的村填报（village 为村级区划代码，乡镇必填）本年度与上年度集体经营收益（分）；奖励总额 = 正增量 × 比例上限；仍由乡镇审核");
        income.MapPut("/{id:long}/shares", async (long id, SetShares command, RewardHandlers h, CancellationToken ct) =>
                await h.SetSharesAsync(id, command, ct) is { } v ? (Results<Ok<IncomeRewardView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(RewardHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<SetShares>>().RequireAuthorization(Permissions.IncomeRewardsShare).WithSummary("修改分配权重（审核前）");
        income.MapPost("/{id:long}/approve", async (long id, ApproveIncome command, RewardHandlers h, CancellationToken ct) =>
                await h.ApproveIncomeAsync(id, command, ct) is { } v ? (Results<Ok<IncomeRewardView>, ProblemHttpResult>)TypedResults.Ok(v) : NotFound(RewardHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<ApproveIncome>>().RequireAuthorization(Permissions.IncomeRewardsApprove).WithSummary("乡镇审核并选择发放月份");
    }
}

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
