using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;
using System.Security.Claims;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cunzhi.Web.Features.Pay;

/// <summary>Registration and <c>/api/v1/pay</c>: settings, payroll runs (compute, states, adjustments, export), rewards.</summary>
public sealed class PayModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PaySettingsHandlers>();
        services.AddScoped<PayRunViews>();
        services.AddScoped<PayExport>();
        services.AddScoped<PayrollCompute>();
        services.AddScoped<PayrollApproval>();
        services.AddScoped<PayrollAdjustment>();
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
        runs.MapGet("", Runs).WithSummary("工资批次（按乡镇、年、月、状态筛选，分页）");
        runs.MapGet("/{id:long}", Run).WithSummary("批次详情：合计、提示与明细（分页，可按村筛选）");
        runs.MapGet("/{id:long}/export", ExportRun)
            .WithSummary("导出 Excel（乡镇财政所发放表：A4 横向打印；身份证号和银行账号为掩码，full=true 需查看个人信息的授权且记入操作日志）");
        runs.MapPost("", Compute)
            .AddEndpointFilter<Validate<ComputeRun>>().RequireAuthorization(Permissions.PayrollComputeTown)
            .WithSummary("计算或重新计算本乡镇某月工资（仅草稿可重算；数据不变则明细不变）");
        runs.MapPost("/county", ComputeCounty)
            .AddEndpointFilter<Validate<ComputeRun>>().RequireAuthorization(Permissions.PayrollApprove)
            .WithSummary("县委组织部计算全县各乡镇某月工资草稿（已复核、审批或锁定的批次跳过并列出；仍由乡镇复核）");
        runs.MapPost("/{id:long}/review", Review)
            .RequireAuthorization(Permissions.PayrollComputeTown).WithSummary("乡镇复核");
        runs.MapPost("/{id:long}/return", Return)
            .AddEndpointFilter<Validate<ReturnRun>>().RequireAuthorization(Permissions.PayrollApprove).WithSummary("县委组织部退回（须填写理由）");
        runs.MapPost("/{id:long}/approve", Approve)
            .RequireAuthorization(Permissions.PayrollApprove).WithSummary("县委组织部审批（有干部缺少月度考评得分时拒绝）");
        runs.MapPost("/{id:long}/lock", Lock)
            .RequireAuthorization(Permissions.PayrollApprove).WithSummary("锁定（此后只能在以后月份的批次中以调整项更正）");
        runs.MapPost("/{id:long}/adjustments", AddAdjustment)
            .AddEndpointFilter<Validate<AddAdjustment>>().RequireAuthorization(Permissions.PayrollComputeTown)
            .WithSummary("添加调整项：更正已锁定批次的某条明细（金额单位：分，可为负；须填原因）");
        runs.MapDelete("/{id:long}/adjustments/{lineId:long}", RemoveAdjustment)
            .RequireAuthorization(Permissions.PayrollComputeTown).WithSummary("删除草稿批次中的调整项");

        var awards = pay.MapGroup("/rewards/good-secretary").RequireAuthorization(Permissions.AwardsRead);
        awards.MapGet("", Awards)
            .WithSummary("担当作为好支书奖励");
        awards.MapPost("", GrantAward)
            .AddEndpointFilter<Validate<GrantAward>>().RequireAuthorization(Permissions.AwardsGrant)
            .WithSummary("授予好支书奖励（金额缺省为报酬标准中的金额，在所选月份的工资中发放）");
        awards.MapDelete("/{id:long}", RevokeAward)
            .RequireAuthorization(Permissions.AwardsGrant).WithSummary("撤销（发放月份的工资尚为草稿时）");

        var income = pay.MapGroup("/rewards/income").RequireAuthorization(Permissions.IncomeRewardsRead);
        income.MapGet("", IncomeRewards)
            .WithSummary("村集体经济收益增量奖励（村账号只看本村）");
        income.MapGet("/{id:long}", IncomeReward)
            .WithSummary("增量奖励详情与分配");
        income.MapPut("", EnterIncome)
            .AddEndpointFilter<Validate<EnterIncome>>().RequireAuthorization(Permissions.IncomeRewardsEnter)
            .WithSummary("村填报本村、或乡镇代本乡镇的村填报（village 为村级区划代码，乡镇必填）本年度与上年度集体经营收益（分）；奖励总额 = 正增量 × 比例上限；仍由乡镇审核");
        income.MapPut("/{id:long}/shares", SetShares)
            .AddEndpointFilter<Validate<SetShares>>().RequireAuthorization(Permissions.IncomeRewardsShare).WithSummary("修改分配权重（审核前）");
        income.MapPost("/{id:long}/approve", ApproveIncome)
            .AddEndpointFilter<Validate<ApproveIncome>>().RequireAuthorization(Permissions.IncomeRewardsApprove).WithSummary("乡镇审核并选择发放月份");
    }

    private static ProblemHttpResult RunNotFound => NotFound(PayrollAccess.NotFoundMessage);
    private static ProblemHttpResult RewardNotFound => NotFound(RewardHandlers.NotFoundMessage);

    public static async Task<Ok<Paged<RunSummary>>> Runs(string? town, int? year, int? month, PayrollState? state, int? page, int? pageSize, PayRunViews h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(town, year, month, state, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Run(long id, string? village, int? page, int? pageSize, PayRunViews h, CancellationToken ct) =>
        await h.GetAsync(id, village, new PageRequest(page, pageSize), ct) is { } v ? TypedResults.Ok(v) : RunNotFound;

    public static async Task<Results<XlsxDownload, ProblemHttpResult>> ExportRun(long id, bool? full, PayExport export, IAuthorizationService authorization,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (full == true && !(await authorization.AuthorizeAsync(user, PersonalDataGrant.RevealPolicy)).Succeeded)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问", detail: "导出完整身份证号和银行账号需要查看个人信息的授权");
        return await export.ExportAsync(id, full == true, ct) is { } file ? file : RunNotFound;
    }

    public static async Task<Ok<RunView>> Compute(ComputeRun command, PayrollCompute h, CancellationToken ct) => TypedResults.Ok(await h.ComputeAsync(command, ct));

    public static async Task<Ok<ComputeAllResult>> ComputeCounty(ComputeRun command, PayrollCompute h, CancellationToken ct) => TypedResults.Ok(await h.ComputeCountyAsync(command, ct));

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Review(long id, PayrollApproval h, CancellationToken ct) =>
        await h.MarkReviewedAsync(id, ct) is { } v ? TypedResults.Ok(v) : RunNotFound;

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Return(long id, ReturnRun command, PayrollApproval h, CancellationToken ct) =>
        await h.ReturnAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : RunNotFound;

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Approve(long id, PayrollApproval h, CancellationToken ct) =>
        await h.ApproveAsync(id, ct) is { } v ? TypedResults.Ok(v) : RunNotFound;

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Lock(long id, PayrollApproval h, CancellationToken ct) =>
        await h.LockAsync(id, ct) is { } v ? TypedResults.Ok(v) : RunNotFound;

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> AddAdjustment(long id, AddAdjustment command, PayrollAdjustment h, CancellationToken ct) =>
        await h.AddAdjustmentAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : RunNotFound;

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> RemoveAdjustment(long id, long lineId, PayrollAdjustment h, CancellationToken ct) =>
        await h.RemoveAdjustmentAsync(id, lineId, ct) is { } v ? TypedResults.Ok(v) : RunNotFound;

    public static async Task<Ok<Paged<AwardView>>> Awards(int? year, int? page, int? pageSize, RewardHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.AwardsAsync(year, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<AwardView>, ProblemHttpResult>> GrantAward(GrantAward command, RewardHandlers h, CancellationToken ct) =>
        await h.GrantAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/pay/rewards/good-secretary/{v.Id}", v) : RewardNotFound;

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAward(long id, RewardHandlers h, CancellationToken ct) =>
        await h.RevokeAsync(id, ct) ? TypedResults.NoContent() : RewardNotFound;

    public static async Task<Ok<Paged<IncomeRewardView>>> IncomeRewards(int? year, int? page, int? pageSize, RewardHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.IncomeRewardsAsync(year, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<IncomeRewardView>, ProblemHttpResult>> IncomeReward(long id, RewardHandlers h, CancellationToken ct) =>
        await h.GetIncomeAsync(id, ct) is { } v ? TypedResults.Ok(v) : RewardNotFound;

    public static async Task<Results<Ok<IncomeRewardView>, ProblemHttpResult>> EnterIncome(EnterIncome command, RewardHandlers h, CancellationToken ct) =>
        await h.EnterIncomeAsync(command, ct) is { } v ? TypedResults.Ok(v) : NotFound(RewardHandlers.VillageNotFoundMessage);

    public static async Task<Results<Ok<IncomeRewardView>, ProblemHttpResult>> SetShares(long id, SetShares command, RewardHandlers h, CancellationToken ct) =>
        await h.SetSharesAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : RewardNotFound;

    public static async Task<Results<Ok<IncomeRewardView>, ProblemHttpResult>> ApproveIncome(long id, ApproveIncome command, RewardHandlers h, CancellationToken ct) =>
        await h.ApproveIncomeAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : RewardNotFound;
}
