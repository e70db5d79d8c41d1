using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>
/// The reserve pool as a feature: its services and its <c>/api/v1</c> endpoints. Validators are found by
/// the assembly scan in <see cref="CunzhiApi.AddCunzhiFeatures"/>. County and town admins read within their region and
/// write; a village cadre reads its own village's pool. Departments, the coordination office and discipline do not see
/// the pool (names and birth dates; SPEC §1: a department sees its own task requests and what a task needs).
/// </summary>
public sealed class ReservesModule : IFeatureModule
{

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ReserveHandlers>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var reserves = secured.MapGroup("/reserves").WithTags("后备干部").RequireAuthorization(Permissions.ReservesRead);
        
        reserves.MapGet("", List)
            .WithSummary("后备干部名单（分页；可按区划、状态、人员类别筛选，按姓名搜索）");
        reserves.MapGet("/{id:long}", Get)
            .WithETag().WithSummary("后备干部详情及研判记录（身份证号为掩码；version 与 ETag 为数据版本）");
        reserves.MapPost("", Create)
            .AddEndpointFilter<Validate<CreateReserve>>().RequireAuthorization(Permissions.ReservesEdit)
            .WithSummary("新增后备干部（入村或乡镇后备干部库）");
        reserves.MapPut("/{id:long}", Update)
            .AddEndpointFilter<Validate<UpdateReserve>>().RequireVersion().RequireAuthorization(Permissions.ReservesEdit)
            .WithSummary("修改后备干部信息（培养联系人、定人定岗、跟岗实训；须带 version 或 If-Match，数据已被他人修改时 409，均未提供时 428）");
        reserves.MapPost("/{id:long}/reviews", Review)
            .AddEndpointFilter<Validate<ReviewReserve>>().RequireAuthorization(Permissions.ReservesEdit)
            .WithSummary("记录定期分析研判（优进绌退：继续培养、优进、绌退）");
        reserves.MapPost("/{id:long}/appoint", Appoint)
            .AddEndpointFilter<Validate<AppointReserve>>().RequireAuthorization(Permissions.ReservesEdit)
            .WithSummary("动态补缺：任用后备干部，建立村干部档案（13 级起，带上后备干部的身份证号；未登记的须在 nationalId 中填写）并将其移出后备库");

        secured.MapGroup("/regions").WithTags("后备干部").RequireAuthorization(Permissions.ReservesRead)
            .MapGet("/{code}/vacancies", Vacancies)
            .WithSummary("区划内书记、主任空缺的村；对村另列可补缺的后备干部（本村及本乡镇）");
    }

    private static ProblemHttpResult ReserveNotFound => CunzhiApi.NotFound(ReserveHandlers.NotFoundMessage);
    private static ProblemHttpResult RegionNotFound => CunzhiApi.NotFound(ReserveHandlers.RegionNotFoundMessage);

    private static Results<Ok<ReserveDetail>, ProblemHttpResult> OkOrNotFound(ReserveDetail? d) => d is null ? ReserveNotFound : TypedResults.Ok(d);

    public static async Task<Results<Ok<Paged<ReserveRow>>, ProblemHttpResult>> List(string? code, ReserveStatus? status, ReserveSource? source, string? q, int? page, int? pageSize,
        ReserveHandlers h, Regions.RegionHandlers regions, CancellationToken ct) =>
        !string.IsNullOrEmpty(code) && await regions.GetAsync(code, ct) is null
            ? RegionNotFound
            : TypedResults.Ok(await h.ListAsync(new ReserveFilter(code, status, source, q), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<ReserveDetail>, ProblemHttpResult>> Get(long id, ReserveHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.GetAsync(id, ct));

    public static async Task<Results<Created<ReserveDetail>, ProblemHttpResult>> Create(CreateReserve command, ReserveHandlers h, CancellationToken ct) =>
        await h.CreateAsync(command, ct) is { } d ? TypedResults.Created($"/api/v1/reserves/{d.Reserve.Id}", d) : RegionNotFound;

    public static async Task<Results<Ok<ReserveDetail>, ProblemHttpResult>> Update(long id, UpdateReserve command, ReserveHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.UpdateAsync(id, command, ct));

    public static async Task<Results<Ok<ReserveDetail>, ProblemHttpResult>> Review(long id, ReviewReserve command, ReserveHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.ReviewAsync(id, command, ct));

    public static async Task<Results<Ok<ReserveDetail>, ProblemHttpResult>> Appoint(long id, AppointReserve command, ReserveHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.AppointAsync(id, command, ct));

    public static async Task<Results<Ok<VacancyReport>, ProblemHttpResult>> Vacancies(string code, ReserveHandlers h, CancellationToken ct) =>
        await h.VacanciesAsync(code, ct) is { } v ? TypedResults.Ok(v) : RegionNotFound;
}
