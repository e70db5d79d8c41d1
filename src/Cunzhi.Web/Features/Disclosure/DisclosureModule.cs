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
        services.AddScoped<FinanceSpells>();
        services.AddScoped<Occurrences>();
        services.AddScoped<PublicDisclosureQuery>();
        services.AddScoped<DisclosureReminders>();
        services.AddSingleton<DisclosureReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<DisclosureReminderService>());
        services.AddOutputCache(o => o.AddPolicy(PublicDisclosureCache.Policy, new PublicDisclosureCache()));
        services.AddHostedService<CacheGenerationWatcher>();
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

        var spells = d.MapGroup("/finance-spells");
        spells.MapGet("", Spells).RequireAuthorization(Permissions.DisclosureRead).WithSummary("本辖区各村集体财务往来较多的时段（village 筛选；新到旧；分页）");
        spells.MapGet("/{id:long}", Spell).WithETag().RequireAuthorization(Permissions.DisclosureRead).WithSummary("某个时段（version 与 ETag）");
        spells.MapPost("", DeclareSpell).RequireAuthorization(Permissions.DisclosureSpellsEdit)
            .WithSummary("认定某村集体财务往来较多的时段（village；from 为季度第一天；until 为季度最后一天，可空表示持续；最长 5 年；不得与该村已有时段重叠），其间财务事项每月公开");
        spells.MapPut("/{id:long}", ChangeSpell).RequireVersion().RequireAuthorization(Permissions.DisclosureSpellsEdit)
            .WithSummary("修改时段的起止日期（如给持续中的时段定截止日期；须带 version 或 If-Match）");
        spells.MapDelete("/{id:long}", RemoveSpell).RequireVersion().RequireAuthorization(Permissions.DisclosureSpellsEdit)
            .WithSummary("删除认定有误的时段（须带 version 查询参数或 If-Match）");

        d.MapGet("/villages/{code}/occurrences", VillageOccurrences).RequireAuthorization(Permissions.DisclosureRead)
            .WithSummary("某村登记的需随时公开的事项（新到旧；unposted=true 只看未公开的；分页），postedOn 为公开日期");
        d.MapPost("/occurrences", RecordOccurrence).RequireAuthorization(Permissions.DisclosureOccurrencesRecord)
            .WithSummary("登记需随时公开的事项（village、itemCode 为随时公开事项、on 为发生日期、title 为事项名称或文号）；公开日历据此在期限内提示待公开、逾期；发布时 occurrenceKey 填 title、periodStart 填 on");
        d.MapDelete("/occurrences/{id:long}", RemoveOccurrence).RequireAuthorization(Permissions.DisclosureOccurrencesRecord)
            .WithSummary("删除登记有误、尚未公开的事项");
    }

    public static async Task<Ok<Paged<FinanceSpellView>>> Spells(string? village, int? page, int? pageSize, FinanceSpells h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(village, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<FinanceSpellView>, ProblemHttpResult>> Spell(long id, FinanceSpells h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(FinanceSpells.NotFound);

    public static async Task<Results<Created<FinanceSpellView>, ProblemHttpResult>> DeclareSpell(DeclareFinanceSpell command, FinanceSpells h, CancellationToken ct) =>
        await h.DeclareAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/disclosure/finance-spells/{v.Id}", v) : CunzhiApi.NotFound(FinanceSpells.VillageNotFound);

    public static async Task<Results<Ok<FinanceSpellView>, ProblemHttpResult>> ChangeSpell(long id, ChangeFinanceSpell command, FinanceSpells h, CancellationToken ct) =>
        await h.ChangeAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(FinanceSpells.NotFound);

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveSpell(long id, [AsParameters] RemoveFinanceSpell command, FinanceSpells h, CancellationToken ct) =>
        await h.RemoveAsync(id, command.Version, ct) ? TypedResults.NoContent() : CunzhiApi.NotFound(FinanceSpells.NotFound);

    public static async Task<Results<Ok<Paged<OccurrenceView>>, ProblemHttpResult>> VillageOccurrences(string code, bool? unposted, int? page, int? pageSize, Occurrences h,
        CancellationToken ct) =>
        await h.ListAsync(code, unposted == true, new PageRequest(page, pageSize), ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound(Occurrences.VillageNotFound);

    public static async Task<Results<Created<OccurrenceView>, ProblemHttpResult>> RecordOccurrence(RecordOccurrence command, Occurrences h, CancellationToken ct) =>
        await h.RecordAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/disclosure/villages/{v.Village}/occurrences", v) : CunzhiApi.NotFound(Occurrences.VillageNotFound);

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveOccurrence(long id, Occurrences h, CancellationToken ct) =>
        await h.RemoveAsync(id, ct) ? TypedResults.NoContent() : CunzhiApi.NotFound(Occurrences.NotFound);

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
