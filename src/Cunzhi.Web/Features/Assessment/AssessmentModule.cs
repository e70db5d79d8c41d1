using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using FluentValidation;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static string[] R(string roles) => roles.Split(',');

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value), title: "提交的数据有误");

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var a = secured.MapGroup("/assessment").WithTags("考核");

        var templates = a.MapGroup("/templates").RequireAuthorization(p => p.RequireRole(R(TemplateHandlers.Readers)));
        var editors = R(TemplateHandlers.Editors);
        templates.MapGet("/{kind}", async (ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
                await h.CurrentViewAsync(kind, ct) is { } t ? (Results<Ok<TemplateView>, ProblemHttpResult>)TypedResults.Ok(t) : CunzhiApi.NotFound("本县尚未发布该类考核指标"))
            .WithSummary("现行考核指标（Monthly 月度 / Quarterly 季度）");
        templates.MapGet("/{kind}/versions", async (ReviewKind kind, TemplateHandlers h, CancellationToken ct) => TypedResults.Ok(await h.VersionsAsync(kind, ct)))
            .WithSummary("指标模板的全部版本（新到旧）；已发布版本不可修改");
        templates.MapGet("/version/{id:long}", async (long id, TemplateHandlers h, CancellationToken ct) =>
                await h.GetAsync(id, ct) is { } t ? (Results<Ok<TemplateView>, ProblemHttpResult>)TypedResults.Ok(t) : CunzhiApi.NotFound("未找到该版本"))
            .WithSummary("某一版本（评分记录所用的版本）");
        templates.MapGet("/{kind}/draft", async (ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
                await h.DraftAsync(kind, ct) is { } t ? (Results<Ok<TemplateView>, ProblemHttpResult>)TypedResults.Ok(t) : CunzhiApi.NotFound("没有正在编辑的草稿"))
            .WithETag().RequireAuthorization(p => p.RequireRole(editors)).WithSummary("正在编辑的草稿（rowVersion 与 ETag 为数据版本；404 时保存草稿请带 rowVersion 0）");
        templates.MapPut("/draft", async (SaveTemplateDraft command, TemplateHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveDraftAsync(command, ct)))
            .AddEndpointFilter<Validate<SaveTemplateDraft>>().RequireVersion().RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("保存草稿（无草稿时复制现行版本新建；权重之和须为 100；须带草稿的 rowVersion 或 If-Match，无草稿时为 0）");
        templates.MapPost("/{kind}/publish", async (ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
                await h.PublishAsync(kind, ct) is { } t ? (Results<Ok<TemplateView>, ProblemHttpResult>)TypedResults.Ok(t) : CunzhiApi.NotFound("没有正在编辑的草稿"))
            .RequireAuthorization(p => p.RequireRole(editors)).WithSummary("发布草稿（原现行版本停用，保留以便复核）");
        templates.MapDelete("/{kind}/draft", async (ReviewKind kind, TemplateHandlers h, CancellationToken ct) =>
                await h.DiscardDraftAsync(kind, ct) ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent() : CunzhiApi.NotFound("没有正在编辑的草稿"))
            .RequireAuthorization(p => p.RequireRole(editors)).WithSummary("放弃草稿");

        var settings = a.MapGroup("/settings").RequireAuthorization(p => p.RequireRole(R(TemplateHandlers.Readers)));
        settings.MapGet("", async (TemplateHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SettingsViewAsync(ct)))
            .WithETag().WithSummary("考核参数：年度得分权重、等次分数线、优秀比例、半年研判阈值（version 与 ETag 为数据版本，未保存过时为 0）");
        settings.MapPut("", async (SaveSettings command, TemplateHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveSettingsAsync(command, ct)))
            .AddEndpointFilter<Validate<SaveSettings>>().RequireVersion().RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("修改考核参数（须带读取时的 version 或 If-Match）");

        var ledger = a.MapGroup("/ledger").RequireAuthorization(p => p.RequireRole(R(LedgerHandlers.Readers)));
        ledger.MapGet("", async (long? cadreId, string? region, DateOnly? from, DateOnly? to, LedgerKind? kind, int? page, int? pageSize, LedgerHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(new LedgerFilter(cadreId, region, from, to, kind), new PageRequest(page, pageSize), ct)))
            .WithSummary("平时台账（可按干部、区划、日期、类别筛选，分页）");
        ledger.MapPost("", async (HttpRequest request, LedgerHandlers h, IValidator<RecordLedger> validator, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                    return (Results<Created<LedgerView>, ValidationProblem, ProblemHttpResult>)Invalid(new() { ["form"] = ["请以 multipart/form-data 提交"] });
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
            })
            .RequireAuthorization(p => p.RequireRole(R(LedgerHandlers.Recorders))).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("登记台账（表单字段 cadreId、date、kind、note，可附 file：JPG/PNG/PDF，不超过 2 MB）");
        ledger.MapGet("/{id:long}/attachment", async (long id, LedgerHandlers h, CancellationToken ct) =>
                await h.AttachmentAsync(id, ct) is { } f
                    ? (Results<FileStreamHttpResult, ProblemHttpResult>)TypedResults.File(f.Content, f.Type, f.Name)
                    : CunzhiApi.NotFound(LedgerHandlers.NotFoundMessage))
            .WithSummary("台账附件");
        a.MapGet("/cadres", async (string? region, LedgerHandlers h, CancellationToken ct) => TypedResults.Ok(await h.CadresAsync(region, ct)))
            .RequireAuthorization(p => p.RequireRole(R(LedgerHandlers.Readers))).WithSummary("可考核的在任村干部（选择用，至多 500 人）");

        var reviews = a.MapGroup("/reviews").RequireAuthorization(p => p.RequireRole(R(ReviewHandlers.Readers)));
        reviews.MapGet("/{kind}", async (ReviewKind kind, int year, int period, string? region, int? page, int? pageSize, ReviewHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.GridAsync(kind, year, period, region, new PageRequest(page, pageSize ?? PageRequest.MaxSize), ct)))
            .WithSummary("评分表：某村或某乡镇的干部 × 指标（月度 period=1–12，季度 1–4）");
        reviews.MapPut("", async (SaveScores command, ReviewHandlers h, CancellationToken ct) =>
            {
                var (errors, missing) = await h.SaveAsync(command, ct);
                if (missing) return (Results<NoContent, ValidationProblem, ProblemHttpResult>)CunzhiApi.NotFound("有干部不在您的管辖范围内或已不在任");
                return errors is not null ? Invalid(errors) : TypedResults.NoContent();
            })
            .AddEndpointFilter<Validate<SaveScores>>().RequireAuthorization(p => p.RequireRole(R(ReviewHandlers.Scorers)))
            .WithSummary("保存评分表（整表一次保存；每项得分须在指标分值范围内，有一行有误则都不保存）");
        reviews.MapGet("/monthly-score", async (long cadreId, int year, int month, ReviewHandlers h, CancellationToken ct) =>
                await h.MonthlyScoreAsync(cadreId, year, month, ct) is { } total
                    ? (Results<Ok<MonthlyScore>, ProblemHttpResult>)TypedResults.Ok(new MonthlyScore(cadreId, year, month, total))
                    : CunzhiApi.NotFound("该月尚未评分"))
            .WithSummary("某干部某月的月度考评总分（绩效报酬读取此值）");
        reviews.MapGet("/cadre/{cadreId:long}", async (long cadreId, ReviewKind kind, int year, ReviewHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ScoresOfAsync(cadreId, kind, year, ct)))
            .WithSummary("某干部一年中各月或各季度的总分");

        var annual = a.MapGroup("/annual").RequireAuthorization(p => p.RequireRole(R(AnnualHandlers.Readers)));
        annual.MapGet("", async (int year, string? town, int? page, int? pageSize, AnnualHandlers h, CancellationToken ct) =>
                await h.GetAsync(town, year, new PageRequest(page, pageSize ?? PageRequest.MaxSize), ct) is { } v
                    ? (Results<Ok<AnnualView>, ProblemHttpResult>)TypedResults.Ok(v) : CunzhiApi.NotFound("请指定本辖区内的乡镇"))
            .WithSummary("某乡镇某年度的年终综合考核（未生成时为按现有数据的预览）");
        annual.MapGet("/batches", async (int year, AnnualHandlers h, CancellationToken ct) => TypedResults.Ok(await h.BatchesAsync(year, ct)))
            .RequireAuthorization(p => p.RequireRole(R(Cunzhi.Domain.Accounts.Roles.CountyAdmin + "," + Cunzhi.Domain.Accounts.Roles.DisciplineInspector)))
            .WithSummary("各乡镇某年度考核的上报与审定情况");
        var proposers = R(AnnualHandlers.Proposers);
        annual.MapPost("/{year:int}/prepare", async (int year, AnnualHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PrepareAsync(year, ct)))
            .RequireAuthorization(p => p.RequireRole(proposers)).WithSummary("生成或重新计算本乡镇的年度考核（等次重置为系统建议）");
        annual.MapPut("/{year:int}/ratings", async (int year, SetRatings command, AnnualHandlers h, CancellationToken ct) =>
                await h.SetRatingsAsync(year, command, ct) is { } v ? (Results<Ok<AnnualView>, ProblemHttpResult>)TypedResults.Ok(v) : CunzhiApi.NotFound("本乡镇年度考核中没有该干部"))
            .AddEndpointFilter<Validate<SetRatings>>().RequireAuthorization(p => p.RequireRole(proposers)).WithSummary("确定等次（可低于、不可高于得分对应的等次）");
        annual.MapPost("/{year:int}/propose", async (int year, AnnualHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ProposeAsync(year, ct)))
            .RequireAuthorization(p => p.RequireRole(proposers)).WithSummary("上报县委组织部（优秀超过名额等问题将被拒绝并说明）");
        var approvers = R(AnnualHandlers.Approvers);
        annual.MapPost("/{town}/{year:int}/approve", async (string town, int year, AnnualHandlers h, CancellationToken ct) =>
                await h.ApproveAsync(town, year, ct) is { } v ? (Results<Ok<AnnualView>, ProblemHttpResult>)TypedResults.Ok(v) : CunzhiApi.NotFound("该乡镇尚未生成本年度考核"))
            .RequireAuthorization(p => p.RequireRole(approvers)).WithSummary("审定（审定后锁定，不能再修改）");
        annual.MapPost("/{town}/{year:int}/return", async (string town, int year, ReturnBatch command, AnnualHandlers h, CancellationToken ct) =>
                await h.ReturnAsync(town, year, command, ct) is { } v ? (Results<Ok<AnnualView>, ProblemHttpResult>)TypedResults.Ok(v) : CunzhiApi.NotFound("该乡镇尚未生成本年度考核"))
            .AddEndpointFilter<Validate<ReturnBatch>>().RequireAuthorization(p => p.RequireRole(approvers)).WithSummary("退回乡镇（须填写理由）");
        a.MapGet("/annual/ratings", async (int year, string? region, int? page, int? pageSize, AnnualHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ApprovedAsync(year, region, new PageRequest(page, pageSize), ct)))
            .RequireAuthorization(p => p.RequireRole(R(AnnualHandlers.RatingReaders)))
            .WithSummary("已审定的年度等次（村干部只能看本村）");

        a.MapGet("/halfyear", async (int year, int half, string? town, AttentionKind? kind, int? page, int? pageSize, HalfYearHandlers h, CancellationToken ct) =>
                half is 1 or 2
                    ? (Results<Ok<HalfYearReport>, ValidationProblem>)TypedResults.Ok(await h.AnalyseAsync(year, half, town, kind, new PageRequest(page, pageSize), ct))
                    : Invalid(new() { ["half"] = ["半年只能是 1（上半年）或 2（下半年）"] }))
            .RequireAuthorization(p => p.RequireRole(R(HalfYearHandlers.Readers)))
            .WithSummary("每半年研判：需关注的干部及全部原因（连续两年不称职者建议罢免或调整）");
    }
}

/// <summary>A cadre's monthly total.</summary>
public sealed record MonthlyScore(long CadreId, int Year, int Month, decimal Total);
