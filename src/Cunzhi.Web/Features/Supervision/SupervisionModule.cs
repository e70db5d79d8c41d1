using System.Security.Claims;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>监督: 经济责任审计, 巡察, their findings and rectification, and the findings dashboard under <c>/api/v1/supervision</c>.</summary>
public sealed class SupervisionModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<EconomicAudits>();
        services.AddScoped<InspectionTours>();
        services.AddScoped<SupervisionFindings>();
        services.AddScoped<FindingDashboard>();
        services.AddScoped<SupervisionOverview>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var g = routes.Secured.MapGroup("/supervision").WithTags("监督：审计与巡察");
        g.MapGet("/audits", Audits).RequireAuthorization(Permissions.SupervisionRead)
            .WithSummary("经济责任审计（计划开始日期最近的在前；region、state 筛选；分页）");
        g.MapPost("/audits", PlanAudit).AddEndpointFilter<Validate<PlanAudit>>().RequireAuthorization(Permissions.SupervisionManage)
            .WithSummary("安排审计：干部、类型（Departure 离任/TermEnd 任期届满/Special 专项）、审计期间、审计单位、计划开始日期；干部在审计期间未任职的拒绝");
        g.MapGet("/audits/{id:long}", Audit).WithETag().RequireAuthorization(Permissions.SupervisionRead).WithSummary("某次审计");
        g.MapPost("/audits/{id:long}/begin", BeginAudit).AddEndpointFilter<Validate<AdvanceAudit>>().RequireVersion().RequireAuthorization(Permissions.SupervisionManage)
            .WithSummary("开始实施（计划 → 实施中）：date（默认今天）；须带 version，过期 409");
        g.MapPost("/audits/{id:long}/report", ReportAudit).AddEndpointFilter<Validate<AdvanceAudit>>().RequireVersion().RequireAuthorization(Permissions.SupervisionManage)
            .WithSummary("出具报告（实施中 → 已出报告）：date（默认今天）、summary（结论摘要）；须带 version，过期 409");
        g.MapGet("/tours", Tours).RequireAuthorization(Permissions.SupervisionRead).WithSummary("巡察（town 筛选；分页）");
        g.MapPost("/tours", PlanTour).AddEndpointFilter<Validate<PlanTour>>().RequireAuthorization(Permissions.SupervisionManage)
            .WithSummary("安排巡察：乡镇、名称、巡察的村（须是该乡镇的村）、起止日期、巡察组");
        g.MapGet("/tours/{id:long}", Tour).WithETag().RequireAuthorization(Permissions.SupervisionRead).WithSummary("某次巡察");
        g.MapGet("/findings", Findings).RequireAuthorization(Permissions.SupervisionRead)
            .WithSummary("发现问题（逾期的在前，再按整改期限；region、state、overdue、open、auditId、tourId 筛选；分页）");
        g.MapPost("/findings", RecordFinding).AddEndpointFilter<Validate<RecordFinding>>().RequireAuthorization(Permissions.SupervisionManage)
            .WithSummary("登记发现问题：auditId 或 tourId（巡察须带 village）、cadreId（针对干部时）、问题描述、类别、严重程度、整改要求、整改期限（工作日，不早于今天）；createConductRecord=true 同时生成审计发现问题履职记录（纪检）");
        g.MapGet("/findings/{id:long}", Finding).WithETag().RequireAuthorization(Permissions.SupervisionRead).WithSummary("某个发现问题及其整改情况");
        g.MapPost("/findings/{id:long}/start", StartFinding).AddEndpointFilter<Validate<FindingStep>>().RequireVersion().RequireAuthorization(Permissions.SupervisionRectify)
            .WithSummary("开始整改（待整改 → 整改中）：text（可空，整改措施）；须带 version");
        g.MapPost("/findings/{id:long}/rectified", RectifyFinding).AddEndpointFilter<Validate<RectifyFinding>>().RequireVersion()
            .RequireAuthorization(Permissions.SupervisionRectify)
            .WithSummary("报整改完成（→ 已整改）：evidence（必填）、fileName 与 file（base64，可选，JPG/PNG/PDF ≤ 2 MB）；须带 version");
        g.MapPost("/findings/{id:long}/return", ReturnFinding).AddEndpointFilter<Validate<FindingStep>>().RequireVersion().RequireAuthorization(Permissions.SupervisionManage)
            .WithSummary("退回整改（已整改 → 整改中）：text 为退回理由；须带 version");
        g.MapPost("/findings/{id:long}/close", CloseFinding).AddEndpointFilter<Validate<FindingStep>>().RequireVersion().RequireAuthorization(Permissions.SupervisionManage)
            .WithSummary("销号（已整改 → 已销号）；没有整改佐证的拒绝；其审计发现问题履职记录同时办结；须带 version");
        g.MapGet("/findings/{id:long}/evidence", Evidence).RequireAuthorization(Permissions.SupervisionRead).WithSummary("整改佐证文件");
        g.MapGet("/dashboard", Dashboard).RequireAuthorization(Permissions.SupervisionDashboard)
            .WithSummary("发现问题统计逐级下钻：各乡镇（乡镇看各村）按整改状态的问题数和逾期数");
        g.MapGet("/dashboard/export", DashboardExport).RequireAuthorization(Permissions.SupervisionDashboard)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType)
            .WithSummary("导出发现问题统计 .xlsx（region：县、乡镇或村，默认本辖区）");
        g.MapGet("/overview", Overview).RequireAuthorization(Permissions.SupervisionOverview)
            .WithSummary("监督总览逐级下钻：各乡镇（乡镇看各村）的村务公开（应公开、按时、逾期公开、逾期未公开、按时率）、信访举报（仅纪委：未办结按时长、期间内办结按结果）、发现问题（按状态、逾期）；period：2026-05、2026-Q2、2026、month、quarter、year，默认本季度；无权查看的部分为 null");
        g.MapGet("/overview/export", OverviewExport).RequireAuthorization(Permissions.SupervisionOverview)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType)
            .WithSummary("导出监督总览 .xlsx（region、period 同上；每个可查看的部分一个工作表）");
    }

    public static async Task<Ok<Paged<AuditView>>> Audits(string? region, AuditState? state, int? page, int? pageSize, EconomicAudits h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(region, state, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<AuditView>, ProblemHttpResult>> PlanAudit(PlanAudit command, EconomicAudits h, CancellationToken ct) =>
        await h.PlanAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/supervision/audits/{v.Id}", v) : CunzhiApi.NotFound(EconomicAudits.NotFound);

    public static async Task<Results<Ok<AuditView>, ProblemHttpResult>> Audit(long id, EconomicAudits h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(EconomicAudits.NotFound);

    public static async Task<Results<Ok<AuditView>, ProblemHttpResult>> BeginAudit(long id, AdvanceAudit command, EconomicAudits h, CancellationToken ct) =>
        await h.BeginAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(EconomicAudits.NotFound);

    public static async Task<Results<Ok<AuditView>, ProblemHttpResult>> ReportAudit(long id, AdvanceAudit command, EconomicAudits h, CancellationToken ct) =>
        await h.ReportAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(EconomicAudits.NotFound);

    public static async Task<Ok<Paged<TourView>>> Tours(string? town, int? page, int? pageSize, InspectionTours h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(town, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<TourView>, ProblemHttpResult>> PlanTour(PlanTour command, InspectionTours h, CancellationToken ct) =>
        await h.PlanAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/supervision/tours/{v.Id}", v) : CunzhiApi.NotFound(InspectionTours.NotFound);

    public static async Task<Results<Ok<TourView>, ProblemHttpResult>> Tour(long id, InspectionTours h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(InspectionTours.NotFound);

    public static async Task<Ok<Paged<FindingView>>> Findings(string? region, FindingState? state, bool? overdue, bool? open, long? auditId, long? tourId, int? page,
        int? pageSize, SupervisionFindings h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new FindingFilter(region, state, overdue == true, auditId, tourId, open == true), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<FindingView>, ProblemHttpResult>> RecordFinding(RecordFinding command, SupervisionFindings h, CancellationToken ct) =>
        await h.RecordAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/supervision/findings/{v.Id}", v) : CunzhiApi.NotFound(SupervisionFindings.NotFound);

    public static async Task<Results<Ok<FindingView>, ProblemHttpResult>> Finding(long id, SupervisionFindings h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(SupervisionFindings.NotFound);

    public static async Task<Results<Ok<FindingView>, ProblemHttpResult>> StartFinding(long id, FindingStep command, SupervisionFindings h, CancellationToken ct) =>
        await h.StartAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(SupervisionFindings.NotFound);

    public static async Task<Results<Ok<FindingView>, ProblemHttpResult>> RectifyFinding(long id, RectifyFinding command, SupervisionFindings h, CancellationToken ct) =>
        await h.RectifyAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(SupervisionFindings.NotFound);

    public static async Task<Results<Ok<FindingView>, ProblemHttpResult>> ReturnFinding(long id, FindingStep command, SupervisionFindings h, CancellationToken ct) =>
        await h.ReturnAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(SupervisionFindings.NotFound);

    public static async Task<Results<Ok<FindingView>, ProblemHttpResult>> CloseFinding(long id, FindingStep command, SupervisionFindings h, CancellationToken ct) =>
        await h.CloseAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(SupervisionFindings.NotFound);

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Evidence(long id, SupervisionFindings h, CancellationToken ct) =>
        await h.EvidenceAsync(id, ct) is { } f ? TypedResults.File(f.Content, f.Type, f.Name) : CunzhiApi.NotFound(SupervisionFindings.NotFound);

    public static async Task<Results<Ok<FindingReport>, ProblemHttpResult>> Dashboard(string? region, int? page, int? pageSize, FindingDashboard h, CancellationToken ct) =>
        await h.RegionAsync(region, new PageRequest(page, pageSize), ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound(FindingDashboard.NotFound);

    public static async Task<IResult> DashboardExport(string? region, FindingDashboard h, CancellationToken ct) =>
        await h.ExportAsync(region, ct) is { } file ? file : CunzhiApi.NotFound(FindingDashboard.NotFound);

    public static async Task<Results<Ok<OverviewReport>, ProblemHttpResult>> Overview(string? region, string? period, int? page, int? pageSize, ClaimsPrincipal user,
        SupervisionOverview h, CancellationToken ct) =>
        await h.ReportAsync(region, period, OverviewSections.Of(user), new PageRequest(page, pageSize), ct) is { } r
            ? TypedResults.Ok(r) : CunzhiApi.NotFound(SupervisionOverview.NotFound);

    public static async Task<IResult> OverviewExport(string? region, string? period, ClaimsPrincipal user, SupervisionOverview h, CancellationToken ct) =>
        await h.ExportAsync(region, period, OverviewSections.Of(user), ct) is { } file ? file : CunzhiApi.NotFound(SupervisionOverview.NotFound);
}
