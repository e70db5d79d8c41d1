using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// Registration and <c>/api/v1/matters</c> endpoints (诉求, 上门问事、下沉议事、一线办事): registering with the resident's
/// receipt code, the lists, each step by the matter's current level, escalation and sending down, 下沉议事 meetings, the
/// county's settings, and the resident's anonymous receipt (progress, confirm, reopen).
/// </summary>
public sealed class MattersModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<MatterDesk>();
        services.AddScoped<MatterLinks>();
        services.AddScoped<MatterReceipts>();
        services.AddScoped<MatterMeetings>();
        services.AddScoped<MatterSettingsHandlers>();
        services.AddScoped<MatterSla>();
        services.AddScoped<SlaPolicyHandlers>();
        services.AddScoped<MatterDueReminders>();
        services.AddSingleton<MatterReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<MatterReminderService>());
        services.AddScoped<MatterStats>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var g = routes.Secured.MapGroup("/matters").WithTags("诉求");
        g.MapGet("", List).RequireAuthorization(Permissions.MattersRead)
            .WithSummary("诉求列表（新到旧；state、kind、level、village 筛选；mine=true 只列本层级待处理的；due=Overdue 逾期、DueSoon 临期；分页）");
        g.MapPost("", Register).AddEndpointFilter<Validate<RegisterMatter>>().RequireAuthorization(Permissions.MattersRegister)
            .WithSummary("登记诉求（村级账号可不填 village）。应答中的 receiptCode 只出现这一次，请打印给群众，库中只存其密钥哈希");
        g.MapGet("/households", Households).RequireAuthorization(Permissions.MattersRegister)
            .WithSummary("登记诉求时选择农户：某村的农户（按户号开头或户主姓名查找，姓名脱敏；分页）");
        g.MapGet("/{id:long}", Get).WithETag().RequireAuthorization(Permissions.MattersRead).WithSummary("某件诉求及其全部办理记录");
        g.MapPost("/{id:long}/accept", Accept).AddEndpointFilter<Validate<AcceptMatter>>().RequireVersion().RequireAuthorization(Permissions.MattersHandle)
            .WithSummary("受理并指定承办人（本层级账号；不填为本人）；dueOn 为办理期限（不填按办理时限；改动的须为县工作日历中的工作日且不早于今天）");
        g.MapPost("/{id:long}/start", Start).RequireVersion().RequireAuthorization(Permissions.MattersHandle).WithSummary("开始办理");
        g.MapPost("/{id:long}/finish", Finish).AddEndpointFilter<Validate<FinishMatter>>().RequireVersion().RequireAuthorization(Permissions.MattersHandle)
            .WithSummary("办结（须填写办理结果）");
        g.MapPost("/{id:long}/escalate", Escalate).AddEndpointFilter<Validate<EscalateMatter>>().RequireVersion().RequireAuthorization(Permissions.MattersHandle)
            .WithSummary("提级：村 → 乡镇 → 县（须填写理由；县级不能再提级）");
        g.MapPost("/{id:long}/send-down", SendDown).AddEndpointFilter<Validate<SendDownMatter>>().RequireVersion().RequireAuthorization(Permissions.MattersHandle)
            .WithSummary("退回下级（须填写决定）");
        g.MapPost("/{id:long}/due", SetDue).AddEndpointFilter<Validate<SetMatterDue>>().RequireVersion().RequireAuthorization(Permissions.MattersHandle)
            .WithSummary("调整期限（本层级；须为县工作日历中的工作日且不早于今天；须填写理由；记入办理记录）");
        g.MapPost("/{id:long}/reopen", Reopen).AddEndpointFilter<Validate<ReopenMatter>>().RequireVersion().RequireAuthorization(Permissions.MattersHandle)
            .WithSummary("村或乡镇要求重新办理（须填写理由；已确认的只在县定期限内）");

        g.MapGet("/reminders", Reminders).RequireAuthorization(Permissions.MattersHandle)
            .WithSummary("本单位的诉求期限提醒（临期、逾期；未读在前；unread=true 只列未读；分页）");
        g.MapGet("/stats", Stats).RequireAuthorization(Permissions.MatterStatsRead)
            .WithSummary("诉求统计：走访村数、走访户数、微实事办结、问题解决、项目指导、规划完善，按下级区划分行（分页），办结用时，逾期率（region 默认本辖区；from、to 或 preset=month|quarter|year，默认本年；期间不超过 5 年）");
        g.MapGet("/stats/export", StatsExport).RequireAuthorization(Permissions.MatterStatsRead)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType)
            .WithSummary("导出诉求统计 .xlsx（与统计页相同的数字：统计、办结用时、口径）");
        g.MapGet("/settings", GetSettings).WithETag().RequireAuthorization(Permissions.MattersRead).WithSummary("诉求设置（确认后可要求重新办理的天数；version 0 为默认值）");
        g.MapPut("/settings", SaveSettings).AddEndpointFilter<Validate<SaveMatterSettings>>().RequireVersion().RequireAuthorization(Permissions.MatterSettingsEdit)
            .WithSummary("修改诉求设置（县级；须带 version 或 If-Match）");

        SlaPolicyHandlers.MapEndpoints<SlaPolicyHandlers>(g, "/sla", new(Permissions.MattersRead, Permissions.MatterSettingsEdit,
            OverviewSummary: "办理时限（工作日）：现行版本、默认值、草稿与全部版本（rowVersion 与 ETag 为草稿的数据版本，无草稿时为 0）",
            DraftSummary: "保存办理时限草稿（各类别×层级的工作日数、临期提醒天数、生效日期；须带 rowVersion 或 If-Match，无草稿时为 0）",
            PublishSummary: "发布办理时限草稿（自生效日期起，新登记、提级、退回和重新办理的诉求按此计算期限）"));

        var meetings = g.MapGroup("/meetings").RequireAuthorization(Permissions.MattersRead);
        meetings.MapGet("", Meetings).WithSummary("下沉议事（新到旧；village 筛选；分页）");
        meetings.MapGet("/{id:long}", Meeting).WithSummary("某次下沉议事及其议程和决定");
        meetings.MapPost("", Hold).AddEndpointFilter<Validate<HoldMeeting>>().RequireAuthorization(Permissions.MatterMeetingsHold)
            .WithSummary("乡镇到村召开下沉议事（日期、村、议题、参会人员）");
        meetings.MapPost("/{id:long}/items", AddItem).RequireAuthorization(Permissions.MatterMeetingsHold)
            .WithSummary("把本村提级到乡镇的诉求列入议程");
        meetings.MapPost("/{id:long}/items/{itemId:long}/decision", Decide).AddEndpointFilter<Validate<DecideItem>>().RequireVersion()
            .RequireAuthorization(Permissions.MatterMeetingsHold).WithSummary("记录议事决定（同时记入该诉求的办理记录；version 为诉求的版本）");

        // The resident's receipt: no account, rate-limited by the ballot's guard, no cookie involved.
        var receipt = g.MapGroup("/receipt").AllowAnonymous();
        receipt.MapPost("/open", OpenReceipt).WithSummary("凭回执码查看诉求办理进度（无需登录）");
        receipt.MapPost("/confirm", ConfirmReceipt).WithSummary("群众确认已办结的诉求（无需登录；每个回执码只能确认或要求重新办理一次）");
        receipt.MapPost("/reopen", ReopenReceipt).AddEndpointFilter<Validate<ReceiptReopen>>()
            .WithSummary("群众要求重新办理（无需登录；须填写理由；每个回执码一次）");
    }

    private static ProblemHttpResult NotFound => CunzhiApi.NotFound(MatterDesk.NotFoundMessage);

    private static Results<Ok<T>, ProblemHttpResult> OkOrNotFound<T>(T? value) where T : class => value is null ? NotFound : TypedResults.Ok(value);

    public static async Task<Ok<Paged<MatterView>>> List(MatterState? state, MatterKind? kind, MatterLevel? level, string? village, bool? mine,
        MatterDueFlag? due, int? page, int? pageSize, MatterDesk h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new MatterFilter(state, kind, level, village, mine == true, due), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<MatterRegistered>, ProblemHttpResult>> Register(RegisterMatter command, MatterDesk h, CancellationToken ct) =>
        await h.RegisterAsync(command, ct) is { } r
            ? TypedResults.Created($"/api/v1/matters/{r.Matter.Id}", r)
            : CunzhiApi.NotFound("未找到该村或农户（或不在您的管辖范围内）");

    public static async Task<Ok<Paged<HouseholdOption>>> Households(string? village, string? q, int? page, int? pageSize, MatterLinks h, CancellationToken ct) =>
        TypedResults.Ok(await h.HouseholdsAsync(village, q, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> Get(long id, MatterDesk h, CancellationToken ct) => OkOrNotFound(await h.GetAsync(id, ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> Accept(long id, AcceptMatter command, MatterDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.AcceptAsync(id, command, ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> Start(long id, StartMatter command, MatterDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.StartAsync(id, command, ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> Finish(long id, FinishMatter command, MatterDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.FinishAsync(id, command, ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> Escalate(long id, EscalateMatter command, MatterDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.EscalateAsync(id, command, ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> SendDown(long id, SendDownMatter command, MatterDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.SendDownAsync(id, command, ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> SetDue(long id, SetMatterDue command, MatterDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.SetDueAsync(id, command, ct));

    public static async Task<Results<Ok<MatterDetail>, ProblemHttpResult>> Reopen(long id, ReopenMatter command, MatterDesk h, CancellationToken ct) =>
        OkOrNotFound(await h.ReopenAsync(id, command, ct));

    public static async Task<Ok<Paged<MatterReminderView>>> Reminders(bool? unread, int? page, int? pageSize, MatterDueReminders h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(unread == true, new PageRequest(page, pageSize), ct));
    public static async Task<Ok<MatterStatsReport>> Stats(string? region, DateOnly? from, DateOnly? to, string? preset, int? page, int? pageSize,
        MatterStats h, CancellationToken ct) =>
        TypedResults.Ok(await h.ReportAsync(new MatterStatsQuery(region, from, to, preset), new PageRequest(page, pageSize), ct));

    public static async Task<IResult> StatsExport(string? region, DateOnly? from, DateOnly? to, string? preset, MatterStats h, CancellationToken ct) =>
        await h.ExportAsync(new MatterStatsQuery(region, from, to, preset), ct);

    public static async Task<Ok<MatterSettingsView>> GetSettings(MatterSettingsHandlers h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(ct));

    public static async Task<Ok<MatterSettingsView>> SaveSettings(SaveMatterSettings command, MatterSettingsHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.SaveAsync(command, ct));

    public static async Task<Ok<Paged<MeetingView>>> Meetings(string? village, int? page, int? pageSize, MatterMeetings h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(village, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> Meeting(long id, MatterMeetings h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(MatterMeetings.NotFoundMessage);

    public static async Task<Results<Created<MeetingDetail>, ProblemHttpResult>> Hold(HoldMeeting command, MatterMeetings h, CancellationToken ct) =>
        await h.HoldAsync(command, ct) is { } v
            ? TypedResults.Created($"/api/v1/matters/meetings/{v.Meeting.Id}", v)
            : CunzhiApi.NotFound("未找到该村（或不在您的管辖范围内）");

    public static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> AddItem(long id, AddAgendaItem command, MatterMeetings h, CancellationToken ct) =>
        await h.AddItemAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(MatterMeetings.NotFoundMessage);

    public static async Task<Results<Ok<MeetingDetail>, ProblemHttpResult>> Decide(long id, long itemId, DecideItem command, MatterMeetings h, CancellationToken ct) =>
        await h.DecideAsync(id, itemId, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(MatterMeetings.NotFoundMessage);

    public static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> OpenReceipt(ReceiptCode command, HttpContext http, MatterReceipts h, CancellationToken ct)
    {
        try { return TypedResults.Ok(await h.OpenAsync(command.Code, BallotGuard.ClientOf(http), ct)); }
        catch (ReceiptRefusedException e) { return Refused(e); }
    }

    public static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> ConfirmReceipt(ReceiptCode command, HttpContext http, MatterReceipts h, CancellationToken ct)
    {
        try { return TypedResults.Ok(await h.ConfirmAsync(command.Code, BallotGuard.ClientOf(http), ct)); }
        catch (ReceiptRefusedException e) { return Refused(e); }
    }

    public static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> ReopenReceipt(ReceiptReopen command, HttpContext http, MatterReceipts h, CancellationToken ct)
    {
        try { return TypedResults.Ok(await h.ReopenAsync(command.Code, command.Reason, BallotGuard.ClientOf(http), ct)); }
        catch (ReceiptRefusedException e) { return Refused(e); }
    }

    private static ProblemHttpResult Refused(ReceiptRefusedException e) => TypedResults.Problem(
        statusCode: e.Reason switch
        {
            ReceiptRefusal.TooManyAttempts => StatusCodes.Status429TooManyRequests,
            ReceiptRefusal.Unknown => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        },
        title: "回执码不能使用", detail: e.Message);
}
