using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using FluentValidation;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>Registration and <c>/api/v1/assessment</c> endpoints: templates and settings, ledger, monthly and quarterly scores, annual review, half-year analysis.</summary>
public sealed class AssessmentModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<TemplateHandlers>();
        services.AddScoped<ReviewHandlers>();
        services.AddScoped<LedgerHandlers>();
        services.AddScoped<AnnualHandlers>();
        services.AddScoped<HalfYearHandlers>();
        services.AddSingleton<AttachmentStore>();
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value), title: "提交的数据有误");

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var a = secured.MapGroup("/assessment").WithTags("考核");

        var templates = a.MapGroup("/templates").RequireAuthorization(Permissions.AssessmentTemplatesRead);
        templates.MapGet("/{kind}", CurrentTemplate)
            .WithSummary("现行考核指标（Monthly 月度 / Quarterly 季度）");
        templates.MapGet("/{kind}/versions", TemplateVersions)
            .WithSummary("指标模板的全部版本（新到旧）；已发布版本不可修改");
        templates.MapGet("/version/{id:long}", TemplateVersion)
            .WithSummary("某一版本（评分记录所用的版本）");
        templates.MapGet("/{kind}/draft", TemplateDraft)
            .WithETag().RequireAuthorization(Permissions.AssessmentTemplatesEdit).WithSummary("正在编辑的草稿（rowVersion 与 ETag 为数据版本；404 时保存草稿请带 rowVersion 0）");
        templates.MapPut("/draft", SaveTemplateDraft)
            .AddEndpointFilter<Validate<SaveTemplateDraft>>().RequireVersion().RequireAuthorization(Permissions.AssessmentTemplatesEdit)
            .WithSummary("保存草稿（无草稿时复制现行版本新建；权重之和须为 100；须带草稿的 rowVersion 或 If-Match，无草稿时为 0）");
        templates.MapPost("/{kind}/publish", PublishTemplate)
            .RequireAuthorization(Permissions.AssessmentTemplatesEdit).WithSummary("发布草稿（原现行版本停用，保留以便复核）");
        templates.MapDelete("/{kind}/draft", DiscardTemplateDraft)
            .RequireAuthorization(Permissions.AssessmentTemplatesEdit).WithSummary("放弃草稿");

        var settings = a.MapGroup("/settings").RequireAuthorization(Permissions.AssessmentTemplatesRead);
        settings.MapGet("", Settings)
            .WithETag().WithSummary("考核参数：年度得分权重、等次分数线、优秀比例、半年研判阈值（version 与 ETag 为数据版本，未保存过时为 0）");
        settings.MapPut("", SaveSettings)
            .AddEndpointFilter<Validate<SaveSettings>>().RequireVersion().RequireAuthorization(Permissions.AssessmentTemplatesEdit)
            .WithSummary("修改考核参数（须带读取时的 version 或 If-Match）");

        var ledger = a.MapGroup("/ledger").RequireAuthorization(Permissions.AssessmentLedgerRead);
        ledger.MapGet("", Ledger)
            .WithSummary("平时台账（可按干部、区划、日期、类别筛选，分页）");
        ledger.MapPost("", RecordLedger)
            .RequireAuthorization(Permissions.AssessmentLedgerRecord).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("登记台账（表单字段 cadreId、date、kind、note，可附 file：JPG/PNG/PDF，不超过 2 MB）");
        ledger.MapGet("/{id:long}/attachment", LedgerAttachment)
            .WithSummary("台账附件");
        a.MapGet("/cadres", Cadres)
            .RequireAuthorization(Permissions.AssessmentLedgerRead).WithSummary("可考核的在任村干部（选择用，至多 500 人）");

        var reviews = a.MapGroup("/reviews").RequireAuthorization(Permissions.AssessmentReviewsRead);
        reviews.MapGet("/{kind}", ScoreGrid)
            .WithSummary("评分表：某村或某乡镇的干部 × 指标（月度 period=1–12，季度 1–4）");
        reviews.MapPut("", SaveScores)
            .AddEndpointFilter<Validate<SaveScores>>().RequireAuthorization(Permissions.AssessmentReviewsScore)
            .WithSummary("保存评分表（整表一次保存；每项得分须在指标分值范围内，有一行有误则都不保存）");
        reviews.MapGet("/monthly-score", MonthlyScore)
            .WithSummary("某干部某月的月度考评总分（绩效报酬读取此值）");
        reviews.MapGet("/cadre/{cadreId:long}", ScoresOfCadre)
            .WithSummary("某干部一年中各月或各季度的总分");

        var annual = a.MapGroup("/annual").RequireAuthorization(Permissions.AssessmentAnnualRead);
        annual.MapGet("", Annual)
            .WithSummary("某乡镇某年度的年终综合考核（未生成时为按现有数据的预览）");
        annual.MapGet("/batches", AnnualBatches)
            .RequireAuthorization(Permissions.AssessmentAnnualBatchesRead)
            .WithSummary("各乡镇某年度考核的上报与审定情况");
        annual.MapPost("/{year:int}/prepare", PrepareAnnual)
            .RequireAuthorization(Permissions.AssessmentAnnualPropose).WithSummary("生成或重新计算本乡镇的年度考核（等次重置为系统建议）");
        annual.MapPut("/{year:int}/ratings", SetRatings)
            .AddEndpointFilter<Validate<SetRatings>>().RequireAuthorization(Permissions.AssessmentAnnualPropose).WithSummary("确定等次（可低于、不可高于得分对应的等次）");
        annual.MapPost("/{year:int}/propose", ProposeAnnual)
            .RequireAuthorization(Permissions.AssessmentAnnualPropose).WithSummary("上报县委组织部（优秀超过名额等问题将被拒绝并说明）");
        annual.MapPost("/{town}/{year:int}/approve", ApproveAnnual)
            .RequireAuthorization(Permissions.AssessmentAnnualApprove).WithSummary("审定（审定后锁定，不能再修改）");
        annual.MapPost("/{town}/{year:int}/return", ReturnAnnual)
            .AddEndpointFilter<Validate<ReturnBatch>>().RequireAuthorization(Permissions.AssessmentAnnualApprove).WithSummary("退回乡镇（须填写理由）");
        a.MapGet("/annual/ratings", ApprovedRatings)
            .RequireAuthorization(Permissions.AssessmentRatingsRead)
            .WithSummary("已审定的年度等次（村干部只能看本村）");

        a.MapGet("/halfyear", HalfYear)
            .RequireAuthorization(Permissions.AssessmentHalfYearRead)
            .WithSummary("每半年研判：需关注的干部及全部原因（连续两年不称职者建议罢免或调整）");
    }

    private static Results<Ok<T>, ProblemHttpResult> OkOr404<T>(T? value, string notFound) where T : class =>
        value is null ? CunzhiApi.NotFound(notFound) : TypedResults.Ok(value);

    private const string NoDraft = "没有正在编辑的草稿";
    private const string NoAnnualBatch = "该乡镇尚未生成本年度考核";

    public static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> CurrentTemplate(ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
        OkOr404(await h.CurrentViewAsync(kind, ct), "本县尚未发布该类考核指标");

    public static async Task<Ok<IReadOnlyList<TemplateView>>> TemplateVersions(ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.VersionsAsync(kind, ct));

    public static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> TemplateVersion(long id, TemplateHandlers h, CancellationToken ct) =>
        OkOr404(await h.GetAsync(id, ct), "未找到该版本");

    public static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> TemplateDraft(ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
        OkOr404(await h.DraftAsync(kind, ct), NoDraft);

    public static async Task<Ok<TemplateView>> SaveTemplateDraft(SaveTemplateDraft command, TemplateHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.SaveDraftAsync(command, ct));

    public static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> PublishTemplate(ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
        OkOr404(await h.PublishAsync(kind, ct), NoDraft);

    public static async Task<Results<NoContent, ProblemHttpResult>> DiscardTemplateDraft(ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
        await h.DiscardDraftAsync(kind, ct) ? TypedResults.NoContent() : CunzhiApi.NotFound(NoDraft);

    public static async Task<Ok<SettingsView>> Settings(TemplateHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SettingsViewAsync(ct));

    public static async Task<Ok<SettingsView>> SaveSettings(SaveSettings command, TemplateHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveSettingsAsync(command, ct));

    public static async Task<Ok<Paged<LedgerView>>> Ledger(long? cadreId, string? region, DateOnly? from, DateOnly? to, LedgerKind? kind, int? page, int? pageSize,
        LedgerHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new LedgerFilter(cadreId, region, from, to, kind), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<LedgerView>, ValidationProblem, ProblemHttpResult>> RecordLedger(HttpRequest request, LedgerHandlers h,
        IValidator<RecordLedger> validator, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Invalid(new() { ["form"] = ["请以 multipart/form-data 提交"] });
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        byte[]? bytes = null;
        if (file is not null && file.Length > 0)
        {
            if (file.Length > LedgerFiles.MaxBytes) return Invalid(new() { ["file"] = [$"附件不能超过 {LedgerFiles.MaxBytes / 1024 / 1024} MB"] });
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            bytes = ms.ToArray();
        }
        var command = new RecordLedger(long.TryParse(form["cadreId"], out var id) ? id : 0,
            DateOnly.TryParse(form["date"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
            Enum.TryParse<LedgerKind>(form["kind"], out var k) && Enum.IsDefined(k) ? k : 0, form["note"], file?.FileName, bytes);
        if (await validator.ErrorsAsync(command, ct) is { } errors) return Invalid(errors);
        return await h.RecordAsync(command, ct) is { } r
            ? TypedResults.Created($"/api/v1/assessment/ledger/{r.Id}", r)
            : CunzhiApi.NotFound(LedgerHandlers.NotFoundMessage);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> LedgerAttachment(long id, LedgerHandlers h, CancellationToken ct) =>
        await h.AttachmentAsync(id, ct) is { } f
            ? TypedResults.File(f.Content, f.Type, f.Name)
            : CunzhiApi.NotFound(LedgerHandlers.NotFoundMessage);

    public static async Task<Ok<IReadOnlyList<CadreOption>>> Cadres(string? region, LedgerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CadresAsync(region, ct));

    public static async Task<Ok<ScoreGrid>> ScoreGrid(ReviewKind kind, int year, int period, string? region, int? page, int? pageSize, ReviewHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.GridAsync(kind, year, period, region, new PageRequest(page, pageSize ?? PageRequest.MaxSize), ct));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveScores(SaveScores command, ReviewHandlers h, CancellationToken ct)
    {
        var (errors, missing) = await h.SaveAsync(command, ct);
        if (missing) return CunzhiApi.NotFound("有干部不在您的管辖范围内或已不在任");
        return errors is not null ? Invalid(errors) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MonthlyScore>, ProblemHttpResult>> MonthlyScore(long cadreId, int year, int month, ReviewHandlers h, CancellationToken ct) =>
        await h.MonthlyScoreAsync(cadreId, year, month, ct) is { } total
            ? TypedResults.Ok(new MonthlyScore(cadreId, year, month, total))
            : CunzhiApi.NotFound("该月尚未评分");

    public static async Task<Ok<IReadOnlyList<PeriodScore>>> ScoresOfCadre(long cadreId, ReviewKind kind, int year, ReviewHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ScoresOfAsync(cadreId, kind, year, ct));

    public static async Task<Results<Ok<AnnualView>, ProblemHttpResult>> Annual(int year, string? town, int? page, int? pageSize, AnnualHandlers h, CancellationToken ct) =>
        OkOr404(await h.GetAsync(town, year, new PageRequest(page, pageSize ?? PageRequest.MaxSize), ct), "请指定本辖区内的乡镇");

    public static async Task<Ok<IReadOnlyList<BatchSummary>>> AnnualBatches(int year, AnnualHandlers h, CancellationToken ct) => TypedResults.Ok(await h.BatchesAsync(year, ct));

    public static async Task<Ok<AnnualView>> PrepareAnnual(int year, AnnualHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PrepareAsync(year, ct));

    public static async Task<Results<Ok<AnnualView>, ProblemHttpResult>> SetRatings(int year, SetRatings command, AnnualHandlers h, CancellationToken ct) =>
        OkOr404(await h.SetRatingsAsync(year, command, ct), "本乡镇年度考核中没有该干部");

    public static async Task<Ok<AnnualView>> ProposeAnnual(int year, AnnualHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ProposeAsync(year, ct));

    public static async Task<Results<Ok<AnnualView>, ProblemHttpResult>> ApproveAnnual(string town, int year, AnnualHandlers h, CancellationToken ct) =>
        OkOr404(await h.ApproveAsync(town, year, ct), NoAnnualBatch);

    public static async Task<Results<Ok<AnnualView>, ProblemHttpResult>> ReturnAnnual(string town, int year, ReturnBatch command, AnnualHandlers h, CancellationToken ct) =>
        OkOr404(await h.ReturnAsync(town, year, command, ct), NoAnnualBatch);

    public static async Task<Ok<Paged<ApprovedRating>>> ApprovedRatings(int year, string? region, int? page, int? pageSize, AnnualHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ApprovedAsync(year, region, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<HalfYearReport>, ValidationProblem>> HalfYear(int year, int half, string? town, AttentionKind? kind, int? page, int? pageSize,
        HalfYearHandlers h, CancellationToken ct) =>
        half is 1 or 2
            ? TypedResults.Ok(await h.AnalyseAsync(year, half, town, kind, new PageRequest(page, pageSize), ct))
            : Invalid(new() { ["half"] = ["半年只能是 1（上半年）或 2（下半年）"] });
}

/// <summary>A cadre's monthly total.</summary>
public sealed record MonthlyScore(long CadreId, int Year, int Month, decimal Total);
