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
    public const string Editors = CunzhiApi.RegionEditors;
    /// <summary>Who may read and export the reserve pool (region scope narrows it further).</summary>
    public const string Readers = Roles.CountyAdmin + "," + Roles.TownAdmin + "," + Roles.VillageCadre;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ReserveHandlers>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var reserves = secured.MapGroup("/reserves").WithTags("后备干部").RequireAuthorization(p => p.RequireRole(Readers.Split(',')));
        var editors = Editors.Split(',');

        reserves.MapGet("", async (string? code, ReserveStatus? status, ReserveSource? source, string? q, int? page, int? pageSize,
                    ReserveHandlers h, Regions.RegionHandlers regions, CancellationToken ct) =>
                !string.IsNullOrEmpty(code) && await regions.GetAsync(code, ct) is null
                    ? (Results<Ok<Paged<ReserveRow>>, ProblemHttpResult>)CunzhiApi.NotFound(ReserveHandlers.RegionNotFoundMessage)
                    : TypedResults.Ok(await h.ListAsync(new ReserveFilter(code, status, source, q), new PageRequest(page, pageSize), ct)))
            .WithSummary("后备干部名单（分页；可按区划、状态、人员类别筛选，按姓名搜索）");
        reserves.MapGet("/{id:long}", async (long id, ReserveHandlers h, CancellationToken ct) =>
                await h.GetAsync(id, ct) is { } d ? (Results<Ok<ReserveDetail>, ProblemHttpResult>)TypedResults.Ok(d) : CunzhiApi.NotFound(ReserveHandlers.NotFoundMessage))
            .WithETag().WithSummary("后备干部详情及研判记录（身份证号为掩码；version 与 ETag 为数据版本）");
        reserves.MapPost("", async (CreateReserve command, ReserveHandlers h, CancellationToken ct) =>
                await h.CreateAsync(command, ct) is { } d
                    ? (Results<Created<ReserveDetail>, ProblemHttpResult>)TypedResults.Created($"/api/v1/reserves/{d.Reserve.Id}", d)
                    : CunzhiApi.NotFound(ReserveHandlers.RegionNotFoundMessage))
            .AddEndpointFilter<Validate<CreateReserve>>().RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("新增后备干部（入村或乡镇后备干部库）");
        reserves.MapPut("/{id:long}", async (long id, UpdateReserve command, ReserveHandlers h, CancellationToken ct) =>
                await h.UpdateAsync(id, command, ct) is { } d ? (Results<Ok<ReserveDetail>, ProblemHttpResult>)TypedResults.Ok(d) : CunzhiApi.NotFound(ReserveHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<UpdateReserve>>().RequireVersion().RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("修改后备干部信息（培养联系人、定人定岗、跟岗实训；须带 version 或 If-Match，数据已被他人修改时 409，均未提供时 428）");
        reserves.MapPost("/{id:long}/reviews", async (long id, ReviewReserve command, ReserveHandlers h, CancellationToken ct) =>
                await h.ReviewAsync(id, command, ct) is { } d ? (Results<Ok<ReserveDetail>, ProblemHttpResult>)TypedResults.Ok(d) : CunzhiApi.NotFound(ReserveHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<ReviewReserve>>().RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("记录定期分析研判（优进绌退：继续培养、优进、绌退）");
        reserves.MapPost("/{id:long}/appoint", async (long id, AppointReserve command, ReserveHandlers h, CancellationToken ct) =>
                await h.AppointAsync(id, command, ct) is { } d ? (Results<Ok<ReserveDetail>, ProblemHttpResult>)TypedResults.Ok(d) : CunzhiApi.NotFound(ReserveHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<AppointReserve>>().RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("动态补缺：任用后备干部，建立村干部档案（13 级起，带上后备干部的身份证号；未登记的须在 nationalId 中填写）并将其移出后备库");

        secured.MapGroup("/regions").WithTags("后备干部").RequireAuthorization(p => p.RequireRole(Readers.Split(',')))
            .MapGet("/{code}/vacancies", async (string code, ReserveHandlers h, CancellationToken ct) =>
                await h.VacanciesAsync(code, ct) is { } v ? (Results<Ok<VacancyReport>, ProblemHttpResult>)TypedResults.Ok(v) : CunzhiApi.NotFound(ReserveHandlers.RegionNotFoundMessage))
            .WithSummary("区划内书记、主任空缺的村；对村另列可补缺的后备干部（本村及本乡镇）");
    }
}
