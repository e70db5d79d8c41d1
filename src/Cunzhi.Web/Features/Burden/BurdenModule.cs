using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Burden;

/// <summary>Registration and <c>/api/v1/burden</c> endpoints: reminders, meetings and inspections, the burden meter, the ranking guard.</summary>
public sealed class BurdenModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<BurdenHandlers>();
        services.AddScoped<MeterHandlers>();
        services.AddScoped<TownLoads>();
        services.AddScoped<ReminderHandlers>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddScoped<WebhookHandlers>();
        services.AddSingleton<IReminderChannel, RobotReminderChannel>();
        services.AddHttpClient(RobotSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<RobotSender>();
        services.AddHostedService(sp => sp.GetRequiredService<RobotSender>());
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var g = secured.MapGroup("/burden").WithTags("减负监测与排名管控");

        var hooks = g.MapGroup("/webhooks").RequireAuthorization(Permissions.WebhooksEdit);
        hooks.MapGet("", Webhooks)
            .WithSummary("本级（县或乡镇）的钉钉、企业微信群机器人（地址和密钥不回显，只显示主机名）");
        hooks.MapPut("", SaveWebhook)
            .AddEndpointFilter<Validate<SaveWebhook>>().WithSummary("设置本级某类群机器人（地址、钉钉加签密钥加密保存；再次设置即替换）");
        hooks.MapDelete("/{kind}", DeleteWebhook)
            .WithSummary("删除本级某类群机器人");

        var reminders = g.MapGroup("/reminders").RequireAuthorization(Permissions.RemindersRead);
        reminders.MapGet("", Reminders)
            .WithSummary("本村的提醒（本周清单已下发、周五汇报），未读在前");
        reminders.MapGet("/unread", UnreadReminders)
            .WithSummary("未读提醒数");
        reminders.MapPost("/{id:long}/read", MarkRead)
            .WithSummary("标为已读");
        reminders.MapPost("/read-all", MarkAllRead)
            .WithSummary("全部标为已读（返回标记的条数）");

        g.MapGet("/policy", Policy)
            .WithETag().RequireAuthorization(Permissions.BurdenPolicyRead)
            .WithSummary("本县减负设置：排名发布间隔、乡镇考核事项上限、负担基线（version 与 ETag 为数据版本，未保存过时为 0）");
        g.MapPut("/policy", SavePolicy)
            .AddEndpointFilter<Validate<SavePolicy>>().RequireVersion().RequireAuthorization(Permissions.BurdenPolicyEdit)
            .WithSummary("修改本县减负设置（须带读取时的 version 或 If-Match，未保存过时为 0）");

        var events = g.MapGroup("/events").RequireAuthorization(Permissions.BurdenEventsRead);
        events.MapGet("", Events)
            .WithSummary("会议、检查登记（乡镇看本镇，县看全县）");
        events.MapPost("", LogEvent)
            .AddEndpointFilter<Validate<LogBurdenEvent>>().RequireAuthorization(Permissions.BurdenEventsLog)
            .WithSummary("乡镇登记一次会议或检查（日期、组织单位、名称、涉及的村）");
        events.MapDelete("/{id:long}", DeleteEvent)
            .RequireAuthorization(Permissions.BurdenEventsLog).WithSummary("删除登记有误的会议或检查");

        g.MapGet("/meter/town-load", TownLoad).RequireAuthorization(Permissions.BurdenMeterRead)
            .WithSummary("乡镇工作量：某乡镇截至某月的 12 个月，每月走访户次和提级到乡镇的诉求件数（乡镇自身的工作，不计入村的负担）");
        g.MapGet("/meter", Meter)
            .RequireAuthorization(Permissions.BurdenMeterRead)
            .WithSummary("负担监测：某月各乡镇/各村的报表、会议、检查、任务事项、佐证上传、周报条目，与基线比较；各部门压下的负担");

        var rankings = g.MapGroup("/rankings").RequireAuthorization(Permissions.RankingsRead);
        rankings.MapGet("", Rankings)
            .WithSummary("拟定与已发布的排名");
        rankings.MapGet("/status", RankingStatus)
            .RequireAuthorization(Permissions.RankingsPublish).WithSummary("本级今天能否发布各类排名，何时可以");
        rankings.MapPost("", PrepareRanking)
            .AddEndpointFilter<Validate<PrepareRanking>>().RequireAuthorization(Permissions.RankingsPublish).WithSummary("拟定排名（尚未发布）");
        rankings.MapPost("/{id:long}/publish", PublishRanking)
            .RequireAuthorization(Permissions.RankingsPublish)
            .WithSummary("发布排名：超过县里规定的频次（默认每年一次）则拒绝，并说明何时可再发布");

        var items = g.MapGroup("/assessment-items").RequireAuthorization(Permissions.AssessmentItemsRead);
        items.MapGet("", TownAssessmentItems)
            .WithSummary("乡镇对村考核事项（按年度）");
        items.MapPost("", RegisterTownAssessmentItem)
            .AddEndpointFilter<Validate<RegisterTownAssessmentItem>>().RequireAuthorization(Permissions.AssessmentItemsRegister)
            .WithSummary("乡镇登记考核事项（超过县里规定的上限，默认 10 项，则拒绝）");
        items.MapDelete("/{id:long}", WithdrawTownAssessmentItem)
            .RequireAuthorization(Permissions.AssessmentItemsRegister).WithSummary("撤销考核事项");
    }

    private static Results<NoContent, ProblemHttpResult> NoContentOr404(bool done, string notFound) =>
        done ? TypedResults.NoContent() : CunzhiApi.NotFound(notFound);

    public static async Task<Ok<IReadOnlyList<WebhookView>>> Webhooks(WebhookHandlers h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct));

    public static async Task<Ok<WebhookView>> SaveWebhook(SaveWebhook command, WebhookHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveAsync(command, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhook(RobotKind kind, WebhookHandlers h, CancellationToken ct) =>
        NoContentOr404(await h.DeleteAsync(kind, ct), "本级没有该类群机器人");

    public static async Task<Ok<Paged<ReminderView>>> Reminders(bool? unread, int? page, int? pageSize, ReminderHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(unread == true, new PageRequest(page, pageSize), ct));

    public static async Task<Ok<UnreadCount>> UnreadReminders(ReminderHandlers h, CancellationToken ct) => TypedResults.Ok(new UnreadCount(await h.UnreadAsync(ct)));

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(long id, ReminderHandlers h, CancellationToken ct) =>
        NoContentOr404(await h.MarkReadAsync(id, ct), "未找到该提醒");

    public static async Task<Ok<UnreadCount>> MarkAllRead(ReminderHandlers h, CancellationToken ct) => TypedResults.Ok(new UnreadCount(await h.MarkAllReadAsync(ct)));

    public static async Task<Ok<PolicyView>> Policy(BurdenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PolicyAsync(ct));

    public static async Task<Ok<PolicyView>> SavePolicy(SavePolicy command, BurdenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.SavePolicyAsync(command, ct));

    public static async Task<Ok<Paged<BurdenEventView>>> Events(BurdenEventKind? kind, DateOnly? from, DateOnly? to, string? q, int? page, int? pageSize,
        BurdenHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.EventsAsync(new EventFilter(kind, from, to, q), new PageRequest(page, pageSize), ct));

    public static async Task<Created<BurdenEventView>> LogEvent(LogBurdenEvent command, BurdenHandlers h, CancellationToken ct)
    {
        var e = await h.LogEventAsync(command, ct);
        return TypedResults.Created($"/api/v1/burden/events/{e.Id}", e);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteEvent(long id, BurdenHandlers h, CancellationToken ct) =>
        NoContentOr404(await h.DeleteEventAsync(id, ct), BurdenHandlers.EventNotFound);

    public static async Task<Results<Ok<IReadOnlyList<TownLoadMonth>>, ProblemHttpResult>> TownLoad(string? region, DateOnly? month, TownLoads h, TimeProvider clock, CancellationToken ct) =>
        RegionCodes.LevelOf(region?.Trim()) == RegionLevel.Town
            ? TypedResults.Ok(await h.MonthsAsync(region!.Trim(), Infrastructure.Web.InputRange.Month(month ?? clock.Today()), ct))
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "提交的数据有误", detail: "请指定乡镇（region 为乡镇代码）");

    public static async Task<Results<Ok<MeterReport>, ProblemHttpResult>> Meter(string? region, DateOnly? month, int? page, int? pageSize, MeterHandlers h, CancellationToken ct) =>
        await h.ReportAsync(region, month, new PageRequest(page, pageSize), ct) is { } r
            ? TypedResults.Ok(r) : CunzhiApi.NotFound("未找到该区划，或其不在您的管辖范围内");

    public static async Task<Ok<Paged<RankingView>>> Rankings(int? page, int? pageSize, BurdenHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.RankingsAsync(new PageRequest(page, pageSize), ct));

    public static async Task<Ok<IReadOnlyList<RankingStatus>>> RankingStatus(BurdenHandlers h, CancellationToken ct) => TypedResults.Ok(await h.RankingStatusAsync(ct));

    public static async Task<Created<RankingView>> PrepareRanking(PrepareRanking command, BurdenHandlers h, CancellationToken ct)
    {
        var r = await h.PrepareRankingAsync(command, ct);
        return TypedResults.Created($"/api/v1/burden/rankings/{r.Id}", r);
    }

    public static async Task<Results<Ok<RankingView>, ProblemHttpResult>> PublishRanking(long id, BurdenHandlers h, CancellationToken ct) =>
        await h.PublishRankingAsync(id, ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound("未找到该排名");

    public static async Task<Ok<TownAssessmentItems>> TownAssessmentItems(int? year, int? page, int? pageSize, BurdenHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.TownAssessmentItemsAsync(year, new PageRequest(page, pageSize), ct));

    public static async Task<Created<TownAssessmentItemView>> RegisterTownAssessmentItem(RegisterTownAssessmentItem command, BurdenHandlers h, CancellationToken ct)
    {
        var i = await h.RegisterTownAssessmentItemAsync(command, ct);
        return TypedResults.Created($"/api/v1/burden/assessment-items/{i.Id}", i);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawTownAssessmentItem(long id, BurdenHandlers h, CancellationToken ct) =>
        NoContentOr404(await h.WithdrawTownAssessmentItemAsync(id, ct), "未找到该考核事项");
}

public sealed record UnreadCount(int Count);
