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
        services.AddScoped<StoreItems>();
        services.AddScoped<StoreRedemptions>();
        services.AddScoped<LinkedPoints>();
        services.AddScoped<PointsCapRows>();
        services.AddScoped<PointsProposerCheck>();
        services.AddScoped<PointsVillages>();
        services.AddScoped<PointsRankings>();
        services.AddScoped<PointsEvidence>();
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

        var store = g.MapGroup("/store").RequireAuthorization(Permissions.PointsStoreRead);
        store.MapGet("/items", StoreItemList).WithSummary("积分超市商品：村看本村和本镇共享的，乡镇看本镇和各村的，县看全县（在架的在前；includeRetired 含已下架；分页）");
        store.MapGet("/items/{id:long}", StoreItem).WithSummary("某件商品（version 为数据版本）");
        store.MapPost("/items", AddStoreItem).AddEndpointFilter<Validate<AddStoreItem>>().RequireAuthorization(Permissions.PointsStoreManage)
            .WithSummary("上架商品（村级账号为本村商品，乡镇账号为全镇共享商品；兑换积分为正整数；初始库存记为一条入库）");
        store.MapPost("/items/{id:long}/price", RepriceStoreItem).AddEndpointFilter<Validate<RepriceStoreItem>>().RequireAuthorization(Permissions.PointsStoreManage)
            .WithSummary("调整兑换积分（已兑换的按当时积分不变；带 version 时过期的修改得 409）");
        store.MapPost("/items/{id:long}/retire", RetireStoreItem).RequireAuthorization(Permissions.PointsStoreManage).WithSummary("下架商品（不删除；兑换记录不变）");
        store.MapPost("/items/{id:long}/restock", Restock).AddEndpointFilter<Validate<MoveStock>>().RequireAuthorization(Permissions.PointsStoreManage)
            .WithSummary("入库（数量为正整数）");
        store.MapPost("/items/{id:long}/write-off", WriteOff).AddEndpointFilter<Validate<MoveStock>>().RequireAuthorization(Permissions.PointsStoreManage)
            .WithSummary("报损（破损、过期等，须填原因；不超过库存）");
        store.MapGet("/movements", StockMovements).WithSummary("库存台账（新到旧；itemId 筛选；分页）：入库、报损、兑换，库存等于各笔之和");
        store.MapGet("/households", StoreHouseholds).RequireAuthorization(Permissions.PointsRedeem).WithSummary("兑换时查找本村农户（按户主姓名或户号；含当前积分余额；分页）");
        store.MapPost("/redemptions", Redeem).AddEndpointFilter<Validate<RedeemItem>>().RequireAuthorization(Permissions.PointsRedeem)
            .WithSummary("兑换：一次事务内核对余额和库存，记入积分台账（立即生效）、扣减余额和库存，返回兑换单");
        store.MapGet("/redemptions", Redemptions).WithSummary("兑换记录（新到旧；householdId 筛选；分页）");
        store.MapGet("/redemptions/{id:long}", Receipt).WithSummary("兑换单");
        var rankings = g.MapGroup("/rankings").RequireAuthorization(Permissions.PointsLedgerRead);
        rankings.MapGet("/households", HouseholdRanking).WithSummary("村内农户年度积分排名（须本村已发布该年度排名；region 为村代码，村级账号可不填；分页）");
        rankings.MapGet("/members", MemberRanking).WithSummary("村内党员年度积分排名（按县积分细则的积分联奖惩方式计入联系农户积分；须已发布；分页）");
        rankings.MapPost("/publish", PublishRanking).RequireAuthorization(Permissions.PointsRankingsPublish)
            .WithSummary("发布本村某年度积分排名（按县里的排名发布间隔，过频发布被拒绝）");
    }

    private static ProblemHttpResult EntryNotFound => CunzhiApi.NotFound(PointsLedger.NotFoundMessage);
    private static ProblemHttpResult VillageNotFound => CunzhiApi.NotFound("未找到该村（或不在您的管辖范围内）");

    public static async Task<Results<Ok<PointsRankingPage<HouseholdScoreView>>, ProblemHttpResult>> HouseholdRanking(string? region, int? year, int? page, int? pageSize,
        PointsVillages villages, PointsRankings h, CancellationToken ct) =>
        await villages.ChosenAsync(region, ct) is { } v ? TypedResults.Ok(await h.HouseholdsAsync(v, year, new PageRequest(page, pageSize), ct)) : VillageNotFound;

    public static async Task<Results<Ok<PointsRankingPage<MemberScoreView>>, ProblemHttpResult>> MemberRanking(string? region, int? year, int? page, int? pageSize,
        PointsVillages villages, PointsRankings h, CancellationToken ct) =>
        await villages.ChosenAsync(region, ct) is { } v ? TypedResults.Ok(await h.MembersAsync(v, year, new PageRequest(page, pageSize), ct)) : VillageNotFound;

    public static async Task<Ok<PointsRankingPage<HouseholdScoreView>>> PublishRanking(PublishPointsRanking command, PointsRankings h, CancellationToken ct) =>
        TypedResults.Ok(await h.PublishAsync(command, ct));

    public sealed record EntryDetail(PointsEntryView Entry, IReadOnlyList<ObjectionView> Objections);

    private static ProblemHttpResult StoreItemNotFound => CunzhiApi.NotFound(StoreItems.NotFoundMessage);

    public static async Task<Ok<Paged<StoreItemView>>> StoreItemList(bool? includeRetired, int? page, int? pageSize, StoreItems h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(includeRetired ?? false, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<StoreItemView>, ProblemHttpResult>> StoreItem(long id, StoreItems h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : StoreItemNotFound;

    public static async Task<Created<StoreItemView>> AddStoreItem(AddStoreItem command, StoreItems h, CancellationToken ct)
    {
        var v = await h.AddAsync(command, ct);
        return TypedResults.Created($"/api/v1/points/store/items/{v.Id}", v);
    }

    public static async Task<Results<Ok<StoreItemView>, ProblemHttpResult>> RepriceStoreItem(long id, RepriceStoreItem command, StoreItems h, CancellationToken ct) =>
        await h.RepriceAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : StoreItemNotFound;

    public static async Task<Results<Ok<StoreItemView>, ProblemHttpResult>> RetireStoreItem(long id, StoreItems h, CancellationToken ct) =>
        await h.RetireAsync(id, ct) is { } v ? TypedResults.Ok(v) : StoreItemNotFound;

    public static async Task<Results<Created<StockMovementView>, ProblemHttpResult>> Restock(long id, MoveStock command, StoreItems h, CancellationToken ct) =>
        await h.MoveAsync(id, StockMovementKind.Restock, command, ct) is { } v ? TypedResults.Created($"/api/v1/points/store/movements?itemId={id}", v) : StoreItemNotFound;

    public static async Task<Results<Created<StockMovementView>, ProblemHttpResult>> WriteOff(long id, MoveStock command, StoreItems h, CancellationToken ct) =>
        await h.MoveAsync(id, StockMovementKind.WriteOff, command, ct) is { } v ? TypedResults.Created($"/api/v1/points/store/movements?itemId={id}", v) : StoreItemNotFound;

    public static async Task<Ok<Paged<StockMovementView>>> StockMovements(long? itemId, int? page, int? pageSize, StoreItems h, CancellationToken ct) =>
        TypedResults.Ok(await h.MovementsAsync(itemId, new PageRequest(page, pageSize), ct));

    public static async Task<Ok<Paged<StoreHousehold>>> StoreHouseholds(string? q, int? page, int? pageSize, StoreRedemptions h, CancellationToken ct) =>
        TypedResults.Ok(await h.HouseholdsAsync(q, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<StoreReceipt>, ProblemHttpResult>> Redeem(RedeemItem command, StoreRedemptions h, CancellationToken ct) =>
        await h.RedeemAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/points/store/redemptions/{v.Id}", v) : CunzhiApi.NotFound(StoreRedemptions.HouseholdNotFound);

    public static async Task<Ok<Paged<StoreReceipt>>> Redemptions(long? householdId, int? page, int? pageSize, StoreRedemptions h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(householdId, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<StoreReceipt>, ProblemHttpResult>> Receipt(long id, StoreRedemptions h, CancellationToken ct) =>
        await h.ReceiptAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(StoreRedemptions.NotFoundMessage);

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
