using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>Registration and <c>/api/v1/ranks</c> endpoints: policy, conduct records, eligibility, proposals and decisions, history.</summary>
public sealed class RanksModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PolicyHandlers>();
        services.AddScoped<ConductHandlers>();
        services.AddScoped<PromotionHandlers>();
        services.AddScoped<GradingHandlers>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var g = secured.MapGroup("/ranks").WithTags("职级");

        PolicyHandlers.MapEndpoints<PolicyHandlers>(g, "/policy", new(Permissions.RankPolicyRead, Permissions.RankPolicyEdit,
            OverviewSummary: "晋升办法：今日施行的版本、草稿和全部版本（新到旧；version 为第几版，rowVersion 与 ETag 为草稿的数据版本，无草稿时为 0）",
            DraftSummary: "保存草稿（无草稿时复制最新版本新建；已发布版本不可修改；须带读取时的 rowVersion 或 If-Match，无草稿时为 0）",
            PublishSummary: "发布草稿并指定生效日期（不早于今天，且晚于已发布版本的生效日期）"));

        var grading = g.MapGroup("/grading").RequireAuthorization(Permissions.GradingRead);
        grading.MapGet("", Ungraded)
            .WithSummary("定级：本辖区（或 region）尚未定级的在任干部（分页），以及已定级和未定级的人数");
        grading.MapPost("", Grade)
            .AddEndpointFilter<Validate<GradeCadres>>().RequireAuthorization(Permissions.Grade)
            .WithSummary("批量定级（县委组织部）：每人一个职级，自某月 1 日起生效；任何一人不符合则全部不定级，并列出每人的原因");

        var conduct = g.MapGroup("/conduct").RequireAuthorization(Permissions.ConductRead);
        conduct.MapGet("", ConductRecords)
            .WithSummary("履职记录（处分、立案审查、信访查实、缺勤、审计问题、表彰、一票否决；已撤销的也列出，withdrawn=false 只看有效的；分页）");
        conduct.MapPost("", RecordConduct)
            .AddEndpointFilter<Validate<RecordConduct>>().RequireAuthorization(Permissions.ConductRecord)
            .WithSummary("登记履职记录：纪检监察登记处分、立案审查、信访查实、审计问题、一票否决；乡镇登记无故缺勤和表彰");
        conduct.MapPost("/{id:long}/close", CloseConduct)
            .AddEndpointFilter<Validate<CloseConduct>>().RequireAuthorization(Permissions.ConductClose)
            .WithSummary("立案审查结束或审计问题整改完成");
        conduct.MapPost("/{id:long}/withdraw", WithdrawConduct)
            .AddEndpointFilter<Validate<WithdrawConduct>>().RequireAuthorization(Permissions.ConductRecord)
            .WithSummary("撤销误录的履职记录（须填写理由；记录保留，不再计入晋升资格和降级）：由登记该类记录的纪检监察或乡镇撤销");
        var eligibility = g.MapGroup("/eligibility").RequireAuthorization(Permissions.RanksProposalsRead);
        eligibility.MapGet("", TownEligibility)
            .WithSummary("某乡镇在任干部的晋升资格（每项条件是否符合及依据；县级账号须指定 town）");
        eligibility.MapGet("/{cadreId:long}", CadreEligibility)
            .WithSummary("某干部的晋升资格（B1、B2、D1–D7 逐项说明，加分与一票否决）");

        var proposals = g.MapGroup("/proposals").RequireAuthorization(Permissions.RanksProposalsRead);
        proposals.MapGet("", Proposals)
            .WithSummary("职级晋升、降级申请（待批复在前；分页）");
        proposals.MapGet("/{id:long}", Proposal)
            .WithSummary("某项申请");
        proposals.MapPost("/promotion", ProposePromotions)
            .AddEndpointFilter<Validate<ProposePromotions>>().RequireAuthorization(Permissions.RanksPropose)
            .WithSummary("乡镇申请晋升（可批量；有不符合条件者则全部不予受理，并逐人说明原因）");
        proposals.MapPost("/demotion", ProposeDemotion)
            .AddEndpointFilter<Validate<ProposeDemotion>>().RequireAuthorization(Permissions.RanksDemote)
            .WithSummary("申请降级：年度考核不称职（乡镇）或一票否决（乡镇、纪检监察）；13 级不能再降");
        proposals.MapPost("/{id:long}/approve", ApproveProposal)
            .RequireAuthorization(Permissions.RanksApprove)
            .WithSummary("县委组织部批复：职级变动自批复次月 1 日起生效");
        proposals.MapPost("/{id:long}/reject", RejectProposal)
            .AddEndpointFilter<Validate<RejectProposal>>().RequireAuthorization(Permissions.RanksApprove)
            .WithSummary("不予批准（须填写理由）");

        g.MapGet("/history/{cadreId:long}", History)
            .RequireAuthorization(Permissions.RanksHistoryRead)
            .WithSummary("某干部的职级变动记录（村干部只能查看本村干部）");
    }

    private static ProblemHttpResult ConductNotFound => CunzhiApi.NotFound(ConductHandlers.NotFoundMessage);
    private static ProblemHttpResult PromotionNotFound => CunzhiApi.NotFound(PromotionHandlers.NotFoundMessage);

    public static async Task<Results<Ok<GradingList>, ProblemHttpResult>> Ungraded(string? region, int? page, int? pageSize, GradingHandlers h, CancellationToken ct) =>
        await h.ListAsync(region, new PageRequest(page, pageSize), ct) is { } l ? TypedResults.Ok(l) : CunzhiApi.NotFound("区划不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<GradeResult>, ProblemHttpResult>> Grade(GradeCadres command, GradingHandlers h, CancellationToken ct) =>
        await h.GradeAsync(command, ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound(GradingHandlers.NotFoundMessage);

    public static async Task<Ok<Paged<ConductView>>> ConductRecords(long? cadreId, string? region, ConductKind? kind, bool? withdrawn, int? page, int? pageSize,
        ConductHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new ConductFilter(cadreId, region, kind, withdrawn), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<ConductView>, ForbidHttpResult, ProblemHttpResult>> RecordConduct(RecordConduct command, ConductHandlers h, HttpContext http, CancellationToken ct)
    {
        if (!ConductHandlers.KindsFor(http.User).Contains(command.Kind))
            return TypedResults.Forbid();
        return await h.RecordAsync(command, ct) is { } r
            ? TypedResults.Created($"/api/v1/ranks/conduct/{r.Id}", r) : ConductNotFound;
    }

    public static async Task<Results<Ok<ConductView>, ProblemHttpResult>> CloseConduct(long id, CloseConduct command, ConductHandlers h, CancellationToken ct) =>
        await h.CloseAsync(id, command, ct) is { } r ? TypedResults.Ok(r) : ConductNotFound;

    public static async Task<Results<Ok<ConductView>, ForbidHttpResult, ProblemHttpResult>> WithdrawConduct(long id, WithdrawConduct command, ConductHandlers h, HttpContext http, CancellationToken ct)
    {
        // 404 out of scope first, then 403 for a kind the role does not enter (the same split as entering a record).
        if (await h.KindOfAsync(id, ct) is not { } kind) return ConductNotFound;
        if (!ConductHandlers.KindsFor(http.User).Contains(kind)) return TypedResults.Forbid();
        return await h.WithdrawAsync(id, command, ct) is { } r ? TypedResults.Ok(r) : ConductNotFound;
    }

    public static async Task<Results<Ok<TownEligibility>, ProblemHttpResult>> TownEligibility(string? town, DateOnly? asOf, bool? eligibleOnly, int? page, int? pageSize,
        PromotionHandlers h, CancellationToken ct) =>
        await h.TownAsync(town, asOf, eligibleOnly == true, new PageRequest(page, pageSize), ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound("请指定本辖区内的乡镇");

    public static async Task<Results<Ok<EligibilityRow>, ProblemHttpResult>> CadreEligibility(long cadreId, DateOnly? asOf, PromotionHandlers h, CancellationToken ct) =>
        await h.CadreAsync(cadreId, asOf, ct) is { } v ? TypedResults.Ok(v) : PromotionNotFound;

    public static async Task<Ok<Paged<ProposalView>>> Proposals(ProposalState? state, string? region, long? cadreId, int? page, int? pageSize, PromotionHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ProposalsAsync(new ProposalFilter(state, region, cadreId), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> Proposal(long id, PromotionHandlers h, CancellationToken ct) =>
        await h.ProposalAsync(id, ct) is { } v ? TypedResults.Ok(v) : PromotionNotFound;

    public static async Task<Results<Ok<IReadOnlyList<ProposalView>>, ProblemHttpResult>> ProposePromotions(ProposePromotions command, PromotionHandlers h, CancellationToken ct) =>
        await h.ProposePromotionsAsync(command, ct) is { } v ? TypedResults.Ok(v) : PromotionNotFound;

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> ProposeDemotion(ProposeDemotion command, PromotionHandlers h, CancellationToken ct) =>
        await h.ProposeDemotionAsync(command, ct) is { } v ? TypedResults.Ok(v) : PromotionNotFound;

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> ApproveProposal(long id, PromotionHandlers h, CancellationToken ct) =>
        await h.ApproveAsync(id, ct) is { } v ? TypedResults.Ok(v) : PromotionNotFound;

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> RejectProposal(long id, RejectProposal command, PromotionHandlers h, CancellationToken ct) =>
        await h.RejectAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : PromotionNotFound;

    public static async Task<Results<Ok<RankHistoryView>, ProblemHttpResult>> History(long cadreId, PromotionHandlers h, CancellationToken ct) =>
        await h.HistoryAsync(cadreId, ct) is { } v ? TypedResults.Ok(v) : PromotionNotFound;
}
