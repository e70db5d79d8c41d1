using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Care;

/// <summary>
/// 学历提升 (programmes, tuition claims, the county's reimbursement policy) and 困难帮扶 under <c>/api/v1/care/degrees</c> and
/// <c>/api/v1/care/assistance</c>: the part of the one 关爱 module (<see cref="CareModule"/>, an area has one module) kept in its own file.
/// </summary>
public sealed partial class CareModule
{
    private static void AddDegreeServices(IServiceCollection services)
    {
        services.AddScoped<DegreeProgrammes>();
        services.AddScoped<TuitionClaims>();
        services.AddScoped<DegreeSupportPolicyHandlers>();
        services.AddScoped<HardshipAssistances>();
    }

    private static void MapDegrees(ApiRoutes routes)
    {
        var d = routes.Secured.MapGroup("/care/degrees").WithTags("学历提升");
        d.MapGet("", Programmes).RequireAuthorization(Permissions.DegreesRead).WithSummary("学历提升项目（入学晚的在前；status、village 筛选；分页）");
        d.MapPost("", Enrol).AddEndpointFilter<Validate<EnrolDegree>>().RequireAuthorization(Permissions.DegreesEnrol)
            .WithSummary("登记学历提升：在任干部、学校、层次（college/bachelor/postgraduate）、专业、入学和预计毕业日期");
        d.MapGet("/{id:long}", Programme).WithETag().RequireAuthorization(Permissions.DegreesRead).WithSummary("某个学历提升项目（version 与 ETag）");
        d.MapPost("/{id:long}/finish", Finish).AddEndpointFilter<Validate<FinishDegree>>().RequireVersion().RequireAuthorization(Permissions.DegreesEnrol)
            .WithSummary("毕业或退学（须带 version 或 If-Match）；毕业层次高于档案学历时同时提高干部学历（记入操作日志）");
        d.MapGet("/claims", Claims).RequireAuthorization(Permissions.DegreesRead).WithSummary("学费报销申请（新到旧；status、programme 筛选；分页）");
        d.MapPost("/claims", FileClaim).AddEndpointFilter<Validate<FileTuitionClaim>>().RequireAuthorization(Permissions.DegreesEnrol)
            .WithSummary("申请学费报销：学历项目（不能是已退学的）、学费所属年度、学期、学费金额（分）");
        d.MapGet("/claims/{id:long}", Claim).WithETag().RequireAuthorization(Permissions.DegreesRead).WithSummary("某份报销申请（version 与 ETag）");
        d.MapPost("/claims/{id:long}/decision", DecideClaim).AddEndpointFilter<Validate<DecideTuitionClaim>>().RequireVersion().RequireAuthorization(Permissions.DegreeClaimsDecide)
            .WithSummary("审批学费报销（县级；按现行报销办法的比例报销，超出每人每年或每个项目的上限则拒绝并说明剩余额度；不予报销须写理由；须带 version）");
        d.MapGet("/claims/{id:long}/receipts", Receipts).RequireAuthorization(Permissions.DegreesRead).WithSummary("某份报销申请的票据");
        d.MapPost("/claims/{id:long}/receipts", UploadReceipt).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .RequireAuthorization(Permissions.DegreesEnrol).WithSummary("上传票据（jpg、png、pdf，不超过 5 MB；multipart 字段 file；待审批的申请才能上传）");
        d.MapGet("/claims/{id:long}/receipts/{receiptId:long}", ReceiptFile).RequireAuthorization(Permissions.DegreesRead).WithSummary("下载票据");

        DegreeSupportPolicyHandlers.MapEndpoints<DegreeSupportPolicyHandlers>(d, "/policy", new(Permissions.DegreesRead, Permissions.DegreeSettingsEdit,
            OverviewSummary: "学历提升报销办法：现行版本、默认值、草稿与全部版本（rowVersion 与 ETag 为草稿的数据版本，无草稿时为 0）",
            DraftSummary: "保存报销办法草稿（报销比例、每人每年上限、每个项目上限（元，0 为不设）、生效日期；须带 rowVersion 或 If-Match，无草稿时为 0）",
            PublishSummary: "发布报销办法草稿（自生效日期起审批的报销按此计算）"));

        var a = routes.Secured.MapGroup("/care/assistance").WithTags("困难帮扶");
        a.MapGet("", Assistance).RequireAuthorization(Permissions.AssistanceRead).WithSummary("困难帮扶申请（新到旧；status、village 筛选；分页）");
        a.MapPost("", Recommend).AddEndpointFilter<Validate<RecommendAssistance>>().RequireAuthorization(Permissions.AssistanceRecommend)
            .WithSummary("乡镇推荐困难帮扶：在任干部、困难类别、简要说明（不写身份证号和病情细节）、申请金额（分）");
        a.MapGet("/{id:long}", OneAssistance).WithETag().RequireAuthorization(Permissions.AssistanceRead).WithSummary("某份困难帮扶申请（version 与 ETag）");
        a.MapPost("/{id:long}/decision", DecideAssistance).AddEndpointFilter<Validate<DecideAssistance>>().RequireVersion().RequireAuthorization(Permissions.AssistanceDecide)
            .WithSummary("县级审批困难帮扶：批准（批准金额大于 0 且不超过申请金额）或不予批准（须写理由）；须带 version");
    }

    public static async Task<Ok<Paged<DegreeView>>> Programmes(DegreeStatus? status, string? village, int? page, int? pageSize, DegreeProgrammes h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(status, village, new PageRequest(page, pageSize), ct));

    public static async Task<Created<DegreeView>> Enrol(EnrolDegree command, DegreeProgrammes h, CancellationToken ct)
    {
        var p = await h.EnrolAsync(command, ct);
        return TypedResults.Created($"/api/v1/care/degrees/{p.Id}", p);
    }

    public static async Task<Results<Ok<DegreeView>, ProblemHttpResult>> Programme(long id, DegreeProgrammes h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } p ? TypedResults.Ok(p) : CunzhiApi.NotFound(DegreeProgrammes.NotFound);

    public static async Task<Results<Ok<DegreeView>, ProblemHttpResult>> Finish(long id, FinishDegree command, DegreeProgrammes h, CancellationToken ct) =>
        await h.FinishAsync(id, command, ct) is { } p ? TypedResults.Ok(p) : CunzhiApi.NotFound(DegreeProgrammes.NotFound);

    public static async Task<Ok<Paged<ClaimView>>> Claims(ClaimStatus? status, long? programme, int? page, int? pageSize, TuitionClaims h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(status, programme, new PageRequest(page, pageSize), ct));

    public static async Task<Created<ClaimView>> FileClaim(FileTuitionClaim command, TuitionClaims h, CancellationToken ct)
    {
        var c = await h.FileAsync(command, ct);
        return TypedResults.Created($"/api/v1/care/degrees/claims/{c.Id}", c);
    }

    public static async Task<Results<Ok<ClaimView>, ProblemHttpResult>> Claim(long id, TuitionClaims h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } c ? TypedResults.Ok(c) : CunzhiApi.NotFound(TuitionClaims.NotFound);

    public static async Task<Results<Ok<ClaimView>, ProblemHttpResult>> DecideClaim(long id, DecideTuitionClaim command, TuitionClaims h, CancellationToken ct) =>
        await h.DecideAsync(id, command, ct) is { } c ? TypedResults.Ok(c) : CunzhiApi.NotFound(TuitionClaims.NotFound);

    public static async Task<Results<Ok<IReadOnlyList<ReceiptView>>, ProblemHttpResult>> Receipts(long id, TuitionClaims h, CancellationToken ct) =>
        await h.ReceiptsAsync(id, ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound(TuitionClaims.NotFound);

    public static async Task<Results<Created<ReceiptView>, ProblemHttpResult>> UploadReceipt(long id, IFormFile file, TuitionClaims h, CancellationToken ct) =>
        await h.UploadReceiptAsync(id, file, ct) is { } r ? TypedResults.Created($"/api/v1/care/degrees/claims/{id}/receipts/{r.Id}", r) : CunzhiApi.NotFound(TuitionClaims.NotFound);

    public static async Task<IResult> ReceiptFile(long id, long receiptId, TuitionClaims h, EvidenceStore store, CancellationToken ct) =>
        await h.ReceiptAsync(id, receiptId, ct) is { } r && store.Open(r.StoredName) is { } stream
            ? TypedResults.File(stream, r.ContentType, r.FileName)
            : CunzhiApi.NotFound("未找到该票据，或其不在您的管辖范围内");

    public static async Task<Ok<Paged<AssistanceView>>> Assistance(AssistanceStatus? status, string? village, int? page, int? pageSize, HardshipAssistances h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(status, village, new PageRequest(page, pageSize), ct));

    public static async Task<Created<AssistanceView>> Recommend(RecommendAssistance command, HardshipAssistances h, CancellationToken ct)
    {
        var a = await h.RecommendAsync(command, ct);
        return TypedResults.Created($"/api/v1/care/assistance/{a.Id}", a);
    }

    public static async Task<Results<Ok<AssistanceView>, ProblemHttpResult>> OneAssistance(long id, HardshipAssistances h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } a ? TypedResults.Ok(a) : CunzhiApi.NotFound(HardshipAssistances.NotFound);

    public static async Task<Results<Ok<AssistanceView>, ProblemHttpResult>> DecideAssistance(long id, DecideAssistance command, HardshipAssistances h, CancellationToken ct) =>
        await h.DecideAsync(id, command, ct) is { } a ? TypedResults.Ok(a) : CunzhiApi.NotFound(HardshipAssistances.NotFound);
}
