using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// Registration and <c>/api/v1/points</c> endpoints (积分, 一网三联): the county catalogue (versioned), village items, the
/// ledger (propose, approve, refuse, object, review, reverse), statements; and the sweep that brings posted entries into force.
/// </summary>
public sealed class PointsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PointsRulesHandlers>();
        services.AddScoped<PointsBalances>();
        services.AddScoped<PointsLedger>();
        services.AddScoped<PointsApproval>();
        services.AddScoped<PointsObjections>();
        services.AddScoped<VillagePointsItems>();
        services.AddSingleton<PointsBoardCache>();
        services.AddScoped<PointsBoardQuery>();
        services.AddScoped<PointsBoardObjections>();
        services.AddSingleton<BoardObjectionGuard>();
        services.AddSingleton<PointsSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<PointsSweep>());
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var g = routes.Secured.MapGroup("/points").WithTags("积分");

        PointsRulesHandlers.MapEndpoints<PointsRulesHandlers>(g, "/rules", new(Permissions.PointsRulesRead, Permissions.PointsRulesEdit,
            OverviewSummary: "积分细则：今日施行的版本、草稿和全部版本（新到旧；rowVersion 与 ETag 为草稿的数据版本，无草稿时为 0）",
            DraftSummary: "保存草稿（条目与设置整体保存；无草稿时复制最新版本或默认细则新建；已发布版本不可修改；须带 rowVersion 或 If-Match）",
            PublishSummary: "发布草稿并指定生效日期（不早于今天，且晚于已发布版本的生效日期：已记录的积分不被改写）"));

        var items = g.MapGroup("/village-items").RequireAuthorization(Permissions.PointsRulesRead);
        items.MapGet("", VillageItems).WithSummary("村级自定条目（启用的在前；分页）");
        items.MapPost("", AddVillageItem).AddEndpointFilter<Validate<AddVillageItem>>().RequireAuthorization(Permissions.PointsVillageItemsEdit)
            .WithSummary("本村增加自定条目（分值、年度上限和条目数不超过县级细则的限额）");
        items.MapPost("/{id:long}/retire", RetireVillageItem).RequireAuthorization(Permissions.PointsVillageItemsEdit)
            .WithSummary("停用本村自定条目（已记录的积分不变）");

        var entries = g.MapGroup("/entries").RequireAuthorization(Permissions.PointsLedgerRead);
        entries.MapGet("", Entries).WithSummary("积分台账（新到旧；state、holderKind、holderId、year、region 筛选；分页）");
        entries.MapGet("/{id:long}", Entry).WithSummary("某条积分记录及其异议");
        entries.MapPost("", Propose).AddEndpointFilter<Validate<ProposePoints>>().RequireAuthorization(Permissions.PointsPropose)
            .WithSummary("提出积分记录（本村农户或党员；分值由条目决定，可不填）");
        entries.MapPost("/{id:long}/approve", Approve).RequireAuthorization(Permissions.PointsApprove)
            .WithSummary("审核通过（不能审核自己提出的），开始公示");
        entries.MapPost("/{id:long}/reject", Reject).AddEndpointFilter<Validate<RejectPoints>>().RequireAuthorization(Permissions.PointsApprove)
            .WithSummary("审核不通过（须填写理由）");
        entries.MapPost("/{id:long}/objections", Object).AddEndpointFilter<Validate<ObjectPoints>>().RequireAuthorization(Permissions.PointsApprove)
            .WithSummary("登记村民在公示期内提出的异议（公示结束后不再受理）");
        entries.MapPost("/{id:long}/reverse", Reverse).AddEndpointFilter<Validate<ReversePoints>>().RequireAuthorization(Permissions.PointsApprove)
            .WithSummary("冲销已生效的积分记录（新增一条反向记录并注明理由；每条只能冲销一次）");

        var objections = g.MapGroup("/objections").RequireAuthorization(Permissions.PointsLedgerRead);
        objections.MapGet("", PendingObjections).WithSummary("待复核的异议（分页）");
        objections.MapPost("/{id:long}/review", Review).AddEndpointFilter<Validate<ReviewObjection>>().RequireAuthorization(Permissions.PointsApprove)
            .WithSummary("复核异议：成立则该记录作废，不成立则继续（公示已满即生效）");

        g.MapGet("/holders", Holders).RequireAuthorization(Permissions.PointsLedgerRead).WithSummary("可记积分的农户和党员（按姓名查找；分页）");
        g.MapGet("/statement", Statement).RequireAuthorization(Permissions.PointsLedgerRead)
            .WithSummary("农户或党员的积分明细：各年度余额（含结转）、当前余额和积分记录（分页）");
    }

    private static ProblemHttpResult EntryNotFound => CunzhiApi.NotFound(PointsLedger.NotFoundMessage);

    public sealed record EntryDetail(PointsEntryView Entry, IReadOnlyList<ObjectionView> Objections);

    public static async Task<Ok<Paged<VillageItemView>>> VillageItems(int? page, int? pageSize, VillagePointsItems h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new PageRequest(page, pageSize), ct));

    public static async Task<Created<VillageItemView>> AddVillageItem(AddVillageItem command, VillagePointsItems h, CancellationToken ct)
    {
        var v = await h.AddAsync(command, ct);
        return TypedResults.Created($"/api/v1/points/village-items/{v.Id}", v);
    }

    public static async Task<Results<Ok<VillageItemView>, ProblemHttpResult>> RetireVillageItem(long id, VillagePointsItems h, CancellationToken ct) =>
        await h.RetireAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(VillagePointsItems.NotFoundMessage);

    public static async Task<Ok<Paged<PointsEntryView>>> Entries(PointsEntryState? state, PointsHolderKind? holderKind, long? holderId, int? year, string? region,
        int? page, int? pageSize, PointsLedger h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new PointsFilter(state, holderKind, holderId, year, region), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<EntryDetail>, ProblemHttpResult>> Entry(long id, PointsLedger h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(new EntryDetail(v, await h.ObjectionsAsync(id, ct))) : EntryNotFound;

    public static async Task<Results<Created<PointsEntryView>, ProblemHttpResult>> Propose(ProposePoints command, PointsLedger h, CancellationToken ct) =>
        await h.ProposeAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/points/entries/{v.Id}", v) : CunzhiApi.NotFound(PointsLedger.HolderNotFound);

    public static async Task<Results<Ok<PointsEntryView>, ProblemHttpResult>> Approve(long id, PointsApproval h, CancellationToken ct) =>
        await h.ApproveAsync(id, ct) is { } v ? TypedResults.Ok(v) : EntryNotFound;

    public static async Task<Results<Ok<PointsEntryView>, ProblemHttpResult>> Reject(long id, RejectPoints command, PointsApproval h, CancellationToken ct) =>
        await h.RejectAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : EntryNotFound;

    public static async Task<Results<Created<ObjectionView>, ProblemHttpResult>> Object(long id, ObjectPoints command, PointsObjections h, CancellationToken ct) =>
        await h.RaiseAsync(id, command, ct) is { } v ? TypedResults.Created($"/api/v1/points/entries/{id}", v) : EntryNotFound;

    public static async Task<Results<Created<PointsEntryView>, ProblemHttpResult>> Reverse(long id, ReversePoints command, PointsApproval h, CancellationToken ct) =>
        await h.ReverseAsync(id, command, ct) is { } v ? TypedResults.Created($"/api/v1/points/entries/{v.Id}", v) : EntryNotFound;

    public static async Task<Ok<Paged<ObjectionView>>> PendingObjections(int? page, int? pageSize, PointsLedger h, CancellationToken ct) =>
        TypedResults.Ok(await h.PendingObjectionsAsync(new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<ObjectionView>, ProblemHttpResult>> Review(long id, ReviewObjection command, PointsObjections h, CancellationToken ct) =>
        await h.ReviewAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(PointsObjections.NotFoundMessage);

    public static async Task<Ok<Paged<PointsHolder>>> Holders(string? q, int? page, int? pageSize, PointsLedger h, CancellationToken ct) =>
        TypedResults.Ok(await h.HoldersAsync(q, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<PointsStatement>, ProblemHttpResult>> Statement(PointsHolderKind holderKind, long holderId, int? page, int? pageSize,
        PointsLedger h, CancellationToken ct) =>
        await h.StatementAsync(holderKind, holderId, new PageRequest(page, pageSize), ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(PointsLedger.HolderNotFound);
}
