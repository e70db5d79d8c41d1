using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Complaints;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// 信访举报 endpoints under <c>/api/v1/complaints</c>: the discipline inspector's list, one complaint, the steps (受理,
/// 不予受理, 调查, 办结 with the outcome), 查看举报人 (audited) and 转为诉求; statistics. The public filing and following
/// are the pages /Jubao and /Jubao/Chaxun and <c>/api/v1/public/complaints</c> (no account, <see cref="PublicComplaintApi"/>).
/// </summary>
public sealed class ComplaintsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ComplaintDesk>();
        services.AddScoped<ComplaintReceipts>();
        services.AddScoped<ComplaintStats>();
        services.AddSingleton<ComplaintFilingGuard>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var g = routes.Secured.MapGroup("/complaints").WithTags("信访举报");
        g.MapGet("", List).RequireAuthorization(Permissions.ComplaintsRead)
            .WithSummary("信访举报列表（举报人打码；未办结的在前、从旧到新；state 筛选，olderThanDays 只列超过该天数未办结的；分页）");
        g.MapGet("/stats", Stats).RequireAuthorization(Permissions.ComplaintsRead)
            .WithSummary("信访举报统计：未办结的按时长分段，办结的按调查结果");
        g.MapGet("/stats/export", StatsExport).RequireAuthorization(Permissions.ComplaintsRead)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType)
            .WithSummary("导出信访举报统计 .xlsx（与统计页相同的数字）");
        g.MapGet("/{id:long}", Get).RequireAuthorization(Permissions.ComplaintsRead).WithSummary("某件举报及其办理记录（举报人打码）");
        g.MapPost("/{id:long}/accept", Accept).RequireVersion().RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("受理（可填写给举报人的答复；cadreId 可指定所涉干部）");
        g.MapPost("/{id:long}/refuse", Refuse).RequireVersion().RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("不予受理（须填写理由，举报人凭回执码可见）");
        g.MapPost("/{id:long}/investigate", Investigate).RequireVersion().RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("开始调查（已受理的）");
        g.MapPost("/{id:long}/conclude", Conclude).RequireVersion().RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("办结：调查结果（Verified 查实、PartlyVerified 部分查实、Unfounded 不实）和调查结论；查实或部分查实且有所涉干部的，同时登记“信访举报查实”履职记录");
        g.MapPost("/{id:long}/reveal", Reveal).RequireAuthorization(Permissions.ComplaintsRevealReporter)
            .WithSummary("查看举报人姓名和电话（仅纪检监察；每次查看记入操作日志，日志不含姓名电话）");
        g.MapPost("/{id:long}/matter", RaiseMatter).RequireVersion().RequireAuthorization(Permissions.ComplaintsHandle)
            .WithSummary("转为诉求（来源：投诉；乡镇的举报须指定村）。应答中的 matterReceiptCode 只出现这一次");

        // 信访举报的公开接口 (no account): the same ComplaintReceipts, limits and messages as /Jubao and /Jubao/Chaxun.
        var pub = routes.Open.MapGroup("/public/complaints").WithTags("信访举报（公开）").AllowAnonymous();
        pub.MapPost("", PublicComplaintApi.File).AddEndpointFilter<Validate<PublicComplaintFiling>>()
            .WithSummary("提交信访举报（无需登录）：region（乡镇或村的区划代码；同时给 town 时须为该乡镇或其下的村）、category、subject、cadreId（可不填）、"
                + "anonymous（默认 true；false 时须填 name 和 phone）。应答中的 receiptCode 只出现这一次。同一网络地址提交过多时 429（与网页共用限额）");
        pub.MapPost("/progress", PublicComplaintApi.Progress).AddEndpointFilter<Validate<PublicComplaintCode>>()
            .WithSummary("凭回执码查询办理进度（无需登录；回执码放在请求体中）：状态、给举报人的答复，不含任何姓名。输错过多时 429（与网页共用限额）");
    }

    private static ProblemHttpResult NotFound => CunzhiApi.NotFound(ComplaintDesk.NotFoundMessage);

    private static Results<Ok<T>, ProblemHttpResult> OkOrNotFound<T>(T? value) where T : class => value is null ? NotFound : TypedResults.Ok(value);

    public static async Task<Ok<Paged<ComplaintRow>>> List(ComplaintState? state, int? olderThanDays, int? page, int? pageSize, ComplaintDesk h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new ComplaintFilter(state, olderThanDays), new PageRequest(page, pageSize), ct));

    public static async Task<Ok<ComplaintStatistics>> Stats(ComplaintStats h, CancellationToken ct) => TypedResults.Ok(await h.ComputeAsync(ct));

    public static async Task<IResult> StatsExport(ComplaintStats h, CancellationToken ct) => await h.ExportAsync(ct);

    public static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> Get(long id, ComplaintDesk h, CancellationToken ct) => OkOrNotFound(await h.GetAsync(id, ct));

    public static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> Accept(long id, AcceptComplaint command, ComplaintDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.AcceptAsync(id, command, ct));

    public static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> Refuse(long id, RefuseComplaint command, ComplaintDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.RefuseAsync(id, command, ct));

    public static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> Investigate(long id, InvestigateComplaint command, ComplaintDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.InvestigateAsync(id, command, ct));

    public static async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> Conclude(long id, ConcludeComplaint command, ComplaintDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.ConcludeAsync(id, command, ct));

    public static async Task<Results<Ok<RevealedReporter>, ProblemHttpResult>> Reveal(long id, ComplaintDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.RevealAsync(id, ct));

    public static async Task<Results<Ok<ComplaintMatterRaised>, ProblemHttpResult>> RaiseMatter(long id, RaiseComplaintMatter command, ComplaintDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.RaiseMatterAsync(id, command, ct));
}
