using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>Registration and <c>/api/v1/evaluations</c> endpoints of 双述双评 (public evaluation).</summary>
public sealed class EvaluationsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<EvaluationHandlers>();
        services.AddScoped<BallotHandlers>();
        services.AddSingleton<BallotGuard>();
        services.AddHostedService<EvaluationCloser>();
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var g = secured.MapGroup("/evaluations").WithTags("双述双评");
        var windows = g.MapGroup("/windows").RequireAuthorization(Permissions.EvaluationsRead);
        windows.MapGet("", List)
            .WithSummary("评议列表（本辖区；可按年度、状态、区划筛选，分页）");
        windows.MapPost("", Open)
            .AddEndpointFilter<Validate<OpenWindows>>().RequireAuthorization(Permissions.EvaluationsOpen)
            .WithSummary("县委组织部开启评议：按村，或按乡镇/全县为其下所有村开启；时间为本地时间。已有本年度评议的村、无在任干部的村跳过");
        windows.MapGet("/{id:long}", Get)
            .WithSummary("评议详情：干部名单、述职报告、票码发放与使用数");
        windows.MapPut("/{id:long}/reports/{cadreId:long}", SaveReport)
            .AddEndpointFilter<Validate<SaveReport>>().RequireAuthorization(Permissions.EvaluationsEditReports)
            .WithSummary("录入述职报告（评议开始前）");
        windows.MapPost("/{id:long}/open", OpenNow)
            .RequireAuthorization(Permissions.EvaluationsOpen).WithSummary("立即开始评议");
        windows.MapPost("/{id:long}/close", CloseNow)
            .RequireAuthorization(Permissions.EvaluationsOpen).WithSummary("结束评议并统计结果（到结束时间也会自动结束）");
        windows.MapPost("/{id:long}/codes", IssueCodes)
            .AddEndpointFilter<Validate<IssueCodes>>().RequireAuthorization(Permissions.EvaluationsIssueCodes)
            .WithSummary("乡镇生成票码（评议开始前）。票码只在本次应答中出现一次，库中只存其密钥哈希，请立即打印");
        windows.MapDelete("/{id:long}/codes", VoidCodes)
            .RequireAuthorization(Permissions.EvaluationsIssueCodes).WithSummary("作废全部未用票码（评议开始前；之后可重新生成）");
        windows.MapGet("/{id:long}/results", GetResults)
            .RequireAuthorization(Permissions.EvaluationsResultsRead).WithSummary("评议结果（结束后可见）：各干部满意率与参评率");

        // The public ballot: no account, rate-limited by BallotGuard, and no cookie involved (so no cross-site risk).
        var ballot = g.MapGroup("/ballot").AllowAnonymous();
        ballot.MapPost("/open", OpenBallot)
            .WithSummary("凭票码打开选票（无需登录）：显示村名、干部及述职报告");
        ballot.MapPost("", CastBallot)
            .WithSummary("投票（无需登录）：每位干部选 Satisfied/BasicallySatisfied/Dissatisfied 之一；每张票码只能投一次");
    }

    private static ProblemHttpResult WindowNotFound => CunzhiApi.NotFound(EvaluationHandlers.NotFoundMessage);

    private static Results<Ok<T>, ProblemHttpResult> OkOrNotFound<T>(T? value) where T : class => value is null ? WindowNotFound : TypedResults.Ok(value);

    public static async Task<Ok<Paged<WindowRow>>> List(int? year, WindowState? state, string? region, int? page, int? pageSize, EvaluationHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new WindowFilter(year, state, region), new PageRequest(page, pageSize), ct));

    public static async Task<Ok<OpenWindowsResult>> Open(OpenWindows command, EvaluationHandlers h, CancellationToken ct) => TypedResults.Ok(await h.OpenAsync(command, ct));

    public static async Task<Results<Ok<WindowView>, ProblemHttpResult>> Get(long id, EvaluationHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.GetAsync(id, ct));

    public static async Task<Results<Ok<WindowView>, ProblemHttpResult>> SaveReport(long id, long cadreId, SaveReport command, EvaluationHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.SaveReportAsync(id, cadreId, command, ct));

    public static async Task<Results<Ok<WindowView>, ProblemHttpResult>> OpenNow(long id, EvaluationHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.OpenNowAsync(id, ct));

    public static async Task<Results<Ok<WindowView>, ProblemHttpResult>> CloseNow(long id, EvaluationHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.CloseNowAsync(id, ct));

    public static async Task<Results<Ok<IssuedCodes>, ProblemHttpResult>> IssueCodes(long id, IssueCodes command, HttpRequest request, EvaluationHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.IssueAsync(id, command, BaseUrl(request), ct));

    public static async Task<Results<Ok<VoidedCodes>, ProblemHttpResult>> VoidCodes(long id, EvaluationHandlers h, CancellationToken ct) =>
        await h.VoidAsync(id, ct) is { } n ? TypedResults.Ok(new VoidedCodes(n)) : WindowNotFound;

    public static async Task<Results<Ok<WindowResults>, ProblemHttpResult>> GetResults(long id, EvaluationHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.ResultsAsync(id, ct));

    public static async Task<Results<Ok<BallotSheet>, ProblemHttpResult>> OpenBallot(OpenBallot command, HttpContext http, BallotHandlers h, CancellationToken ct)
    {
        try { return TypedResults.Ok(await h.OpenAsync(command.Code, BallotGuard.ClientOf(http), ct)); }
        catch (BallotRefusedException e) { return Refused(e); }
    }

    public static async Task<Results<Ok<BallotReceipt>, ProblemHttpResult>> CastBallot(CastBallot command, HttpContext http, BallotHandlers h, CancellationToken ct)
    {
        try
        {
            await h.CastAsync(command, BallotGuard.ClientOf(http), ct);
            return TypedResults.Ok(new BallotReceipt("投票成功，感谢您的参与"));
        }
        catch (BallotRefusedException e) { return Refused(e); }
    }

    private static ProblemHttpResult Refused(BallotRefusedException e) => TypedResults.Problem(
        statusCode: e.Reason switch
        {
            BallotRefusal.TooManyAttempts => StatusCodes.Status429TooManyRequests,
            BallotRefusal.BadFormat or BallotRefusal.Incomplete => StatusCodes.Status400BadRequest,
            BallotRefusal.Unknown => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        },
        title: e.Reason == BallotRefusal.TooManyAttempts ? "请求过于频繁" : "无法投票", detail: e.Message,
        extensions: new Dictionary<string, object?> { ["reason"] = e.Reason.ToString() });
}

public sealed record VoidedCodes(int Voided);

public sealed record BallotReceipt(string Message);
