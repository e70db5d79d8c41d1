using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>村务公开 under <c>/api/v1/disclosure</c>: the county's catalogue (versioned), postings and withdrawals, the calendar.</summary>
public sealed class DisclosureModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<DisclosurePolicyHandlers>();
        services.AddScoped<DisclosurePostings>();
        services.AddScoped<DisclosureCalendars>();
        services.AddScoped<PublicDisclosureQuery>();
        services.AddScoped<DisclosureReminders>();
        services.AddSingleton<DisclosureReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<DisclosureReminderService>());
        services.AddOutputCache(o => o.AddPolicy(PublicDisclosureCache.Policy, new PublicDisclosureCache()));
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var d = routes.Secured.MapGroup("/disclosure").WithTags("村务公开");
        DisclosurePolicyHandlers.MapEndpoints<DisclosurePolicyHandlers>(d, "/policy", new(Permissions.DisclosureRead, Permissions.DisclosureSettingsEdit,
            OverviewSummary: "村务公开规则（公开目录与期限）：现行版本、默认目录、草稿与全部版本（rowVersion 与 ETag 为草稿的数据版本，无草稿时为 0）",
            DraftSummary: "保存公开规则草稿（目录：编号、名称、类别 Party/Village/Finance、频次 Monthly/Quarterly/Immediate、财务往来较多时每月；期满后期限、随时公开期限、临期提醒，均为工作日；须带 rowVersion 或 If-Match）",
            PublishSummary: "发布公开规则草稿：effectiveFrom 须为季度第一天，不早于本季度"));
        d.MapGet("/villages/{code}/postings", Postings).RequireAuthorization(Permissions.DisclosureRead)
            .WithSummary("某村的公开（新到旧；item 筛选；withdrawn=true 含已撤回；分页）");
        d.MapPost("/villages/{code}/postings", Post).DisableAntiforgery().Accepts<IFormCollection>("multipart/form-data").RequireAuthorization(Permissions.DisclosurePost)
            .WithSummary("发布公开（multipart：itemCode；periodStart 为月或季度第一天，随时公开事项为事项发生日期并填 occurrenceKey；title、body；table 为 JSON {headers,rows}；"
                + "files 为 PDF、xlsx、jpg、png，各不超过 10 MB；含图片时须 imagesHaveNoPersonalData=true）。文字、表格和 PDF/Excel 中的完整身份证号、手机号、银行卡号一律拒绝并指出位置");
        d.MapGet("/postings/{id:long}", Posting).WithETag().RequireAuthorization(Permissions.DisclosureRead).WithSummary("某条公开（version 与 ETag）");
        d.MapPost("/postings/{id:long}/withdraw", Withdraw).AddEndpointFilter<Validate<WithdrawDisclosure>>().RequireVersion().RequireAuthorization(Permissions.DisclosurePost)
            .WithSummary("撤回公开（须写理由，须带 version）；撤回后可重新发布该期");
        d.MapGet("/postings/{id:long}/files/{fileId:long}", File).RequireAuthorization(Permissions.DisclosureRead).WithSummary("下载公开的附件");
        d.MapGet("/calendar", Calendar).RequireAuthorization(Permissions.DisclosureRead)
            .WithSummary("公开日历：region（默认本辖区）各村在 from–to（默认上季度与本季度）内应公开事项的待公开、逾期、已公开；state 筛选；分页");
    }

    public static async Task<Results<Ok<Paged<DisclosureView>>, ProblemHttpResult>> Postings(string code, string? item, bool? withdrawn, int? page, int? pageSize,
        DisclosurePostings h, CancellationToken ct) =>
        await h.ListAsync(code, item, withdrawn == true, new PageRequest(page, pageSize), ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound(DisclosurePostings.VillageNotFound);

    public static async Task<Results<Created<DisclosureView>, ProblemHttpResult>> Post(string code, IFormCollection form, DisclosurePostings h, CancellationToken ct) =>
        await h.PostAsync(code, PostDisclosure.FromForm(form), ct) is { } v
            ? TypedResults.Created($"/api/v1/disclosure/postings/{v.Id}", v)
            : CunzhiApi.NotFound(DisclosurePostings.VillageNotFound);

    public static async Task<Results<Ok<DisclosureView>, ProblemHttpResult>> Posting(long id, DisclosurePostings h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DisclosurePostings.NotFound);

    public static async Task<Results<Ok<DisclosureView>, ProblemHttpResult>> Withdraw(long id, WithdrawDisclosure command, DisclosurePostings h, CancellationToken ct) =>
        await h.WithdrawAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DisclosurePostings.NotFound);

    public static async Task<IResult> File(long id, long fileId, DisclosurePostings h, EvidenceStore store, CancellationToken ct) =>
        await h.AttachmentAsync(id, fileId, ct) is { } a && store.Open(a.StoredName) is { } stream
            ? TypedResults.File(stream, a.ContentType, a.FileName)
            : CunzhiApi.NotFound("未找到该附件，或其不在您的管辖范围内");

    public static async Task<Results<Ok<DisclosureCalendarView>, ProblemHttpResult>> Calendar(string? region, DateOnly? from, DateOnly? to, DisclosureState? state,
        int? page, int? pageSize, DisclosureCalendars h, CancellationToken ct) =>
        await h.CalendarAsync(region, InputRange.Date(from, "from"), InputRange.Date(to, "to"), state, new PageRequest(page, pageSize), ct) is { } v
            ? TypedResults.Ok(v)
            : CunzhiApi.NotFound(DisclosureCalendars.RegionNotFound);
}

public sealed class WithdrawDisclosureValidator : AbstractValidator<WithdrawDisclosure>
{
    public WithdrawDisclosureValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写撤回理由").MaximumLength(VillageDisclosure.MaxReason).WithMessage($"撤回理由不能超过 {VillageDisclosure.MaxReason} 个字");
}
