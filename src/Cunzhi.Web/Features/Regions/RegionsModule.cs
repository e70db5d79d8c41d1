using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Regions;

/// <summary>
/// 区划与农户: the region tree (county → town → village → villager group and grid), the households of a village and their
/// members. Every signed-in account reads its own region; county and town admins edit; households are personal data
/// (<see cref="Permissions.HouseholdsRead"/>).
/// </summary>
public sealed class RegionsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<RegionHandlers>();
        services.AddScoped<HouseholdHandlers>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
                
        var regions = routes.Secured.MapGroup("/regions").WithTags("区划");
        regions.MapGet("", Root).WithETag().WithSummary("本账号的管辖区划（根；version 与 ETag 为数据版本）");
        regions.MapGet("/{code}", Get).WithETag().WithSummary("区划详情（version 与 ETag 为数据版本）");
        regions.MapGet("/{code}/children", Children).WithSummary("下级区划（分页，可按名称或代码搜索）");
        regions.MapGet("/{code}/stats", Stats).WithSummary("区划内的统计数");
        regions.MapPut("/{code}", Rename)
            .AddEndpointFilter<Validate<RenameRegion>>().RequireVersion().RequireAuthorization(Permissions.RegionsEdit)
            .WithSummary("修改区划名称（须带读取时的 version 或 If-Match；数据已被他人修改时 409，两者都未提供时 428）");
        regions.MapPost("/{code}/children", CreateChild)
            .AddEndpointFilter<Validate<CreateChildRegion>>().RequireAuthorization(Permissions.RegionsEdit).WithSummary("新建下级区划（村民小组、网格自动编号）");
        regions.MapGet("/{code}/households", Households)
            .RequireAuthorization(Permissions.HouseholdsRead).WithSummary("村内农户（分页，可按户主、户号、成员姓名搜索）");
        regions.MapPost("/{code}/households", CreateHousehold)
            .AddEndpointFilter<Validate<CreateHousehold>>().RequireAuthorization(Permissions.RegionsEdit).WithSummary("在村内新建农户");

        var households = routes.Secured.MapGroup("/households").WithTags("农户").RequireAuthorization(Permissions.HouseholdsRead);
        households.MapGet("/{id:long}", Household).WithETag().WithSummary("农户及其成员（version 与 ETag 为农户本身的数据版本，每个成员另有自己的 version）");
        households.MapPut("/{id:long}", UpdateHousehold)
            .AddEndpointFilter<Validate<UpdateHousehold>>().RequireVersion().RequireAuthorization(Permissions.RegionsEdit)
            .WithSummary("修改农户信息（须带读取时的 version 或 If-Match；数据已被他人修改时 409，两者都未提供时 428）");
        households.MapPost("/{id:long}/residents", AddResident)
            .AddEndpointFilter<Validate<SaveResident>>().RequireAuthorization(Permissions.RegionsEdit).WithSummary("添加家庭成员");

        var residents = routes.Secured.MapGroup("/residents").WithTags("农户").RequireAuthorization(Permissions.RegionsEdit);
        residents.MapPut("/{id:long}", UpdateResident).AddEndpointFilter<Validate<SaveResident>>().RequireVersion()
            .WithSummary("修改家庭成员（须带该成员读取时的 version 或 If-Match，见农户详情中成员的 version；数据已被他人修改时 409，两者都未提供时 428）");
        residents.MapDelete("/{id:long}", RemoveResident).WithSummary("移除家庭成员");
    }

    private static ProblemHttpResult RegionNotFound => CunzhiApi.NotFound(RegionHandlers.NotFoundMessage);
    private static ProblemHttpResult HouseholdNotFound => CunzhiApi.NotFound(HouseholdHandlers.NotFoundMessage);

    public static async Task<Results<Ok<RegionView>, ProblemHttpResult>> Root(RegionHandlers h, CancellationToken ct) =>
        await h.RootAsync(ct) is { } root ? TypedResults.Ok(root) : RegionNotFound;

    public static async Task<Results<Ok<RegionView>, ProblemHttpResult>> Get(string code, RegionHandlers h, CancellationToken ct) =>
        await h.GetAsync(code, ct) is { } r ? TypedResults.Ok(r) : RegionNotFound;

    public static async Task<Results<Ok<Paged<RegionView>>, ProblemHttpResult>> Children(string code, string? q, int? page, int? pageSize, RegionHandlers h, CancellationToken ct) =>
        await h.GetAsync(code, ct) is null ? RegionNotFound : TypedResults.Ok(await h.ChildrenAsync(code, q, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<RegionStats>, ProblemHttpResult>> Stats(string code, RegionHandlers h, CancellationToken ct) =>
        await h.GetAsync(code, ct) is null ? RegionNotFound : TypedResults.Ok(await h.StatsAsync(code, ct));

    public static async Task<Results<Ok<RegionView>, ProblemHttpResult>> Rename(string code, RenameRegion command, RegionHandlers h, CancellationToken ct) =>
        await h.RenameAsync(code, command, ct) is { } r ? TypedResults.Ok(r) : RegionNotFound;

    public static async Task<Results<Created<RegionView>, ProblemHttpResult>> CreateChild(string code, CreateChildRegion command, RegionHandlers h, CancellationToken ct) =>
        await h.CreateChildAsync(code, command, ct) is { } r ? TypedResults.Created($"/api/v1/regions/{r.Code}", r) : RegionNotFound;

    public static async Task<Results<Ok<Paged<HouseholdRow>>, ProblemHttpResult>> Households(string code, string? q, int? page, int? pageSize,
        HouseholdHandlers h, RegionHandlers r, CancellationToken ct) =>
        await r.GetAsync(code, ct) is null ? RegionNotFound : TypedResults.Ok(await h.ListAsync(code, q, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<HouseholdDetail>, ProblemHttpResult>> CreateHousehold(string code, CreateHousehold command, HouseholdHandlers h, CancellationToken ct) =>
        await h.CreateAsync(code, command, ct) is { } d ? TypedResults.Created($"/api/v1/households/{d.Household.Id}", d) : RegionNotFound;

    public static async Task<Results<Ok<HouseholdDetail>, ProblemHttpResult>> Household(long id, HouseholdHandlers h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } d ? TypedResults.Ok(d) : HouseholdNotFound;

    public static async Task<Results<Ok<HouseholdDetail>, ProblemHttpResult>> UpdateHousehold(long id, UpdateHousehold command, HouseholdHandlers h, CancellationToken ct) =>
        await h.UpdateAsync(id, command, ct) is { } d ? TypedResults.Ok(d) : HouseholdNotFound;

    public static async Task<Results<Ok<HouseholdDetail>, ProblemHttpResult>> AddResident(long id, SaveResident command, HouseholdHandlers h, CancellationToken ct) =>
        await h.AddResidentAsync(id, command, ct) is { } d ? TypedResults.Ok(d) : HouseholdNotFound;

    public static async Task<Results<Ok<HouseholdDetail>, ProblemHttpResult>> UpdateResident(long id, SaveResident command, HouseholdHandlers h, HttpContext http, CancellationToken ct)
    {
        if (await h.UpdateResidentAsync(id, command, ct) is not { } d) return HouseholdNotFound;
        // The answer is the whole household, but the ETag names what this route edits: the member's version.
        http.Response.Headers.ETag = VersionedApi.ETagOf(d.Residents.Single(r => r.Id == id).Version);
        return TypedResults.Ok(d);
    }

    public static async Task<Results<Ok<HouseholdDetail>, ProblemHttpResult>> RemoveResident(long id, HouseholdHandlers h, CancellationToken ct) =>
        await h.RemoveResidentAsync(id, ct) is { } d ? TypedResults.Ok(d) : HouseholdNotFound;
}
