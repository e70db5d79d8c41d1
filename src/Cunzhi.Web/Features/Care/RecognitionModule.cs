using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Care;

/// <summary>
/// The route table of 荣誉表彰, 两代表一委员 and 职业发展 under <c>/api/v1/care</c>, mapped by <see cref="CareModule"/> into its
/// group (one module per area); the handlers only turn the use-case classes' results into HTTP answers.
/// </summary>
public static class RecognitionModule
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<Honours>();
        services.AddScoped<Nominations>();
        services.AddScoped<CareerMoves>();
        services.AddScoped<CadreRecognitionSummaries>();
    }

    public static void MapEndpoints(RouteGroupBuilder g)
    {
        g.MapGet("/honours", HonourList).RequireAuthorization(Permissions.CareRead)
            .WithSummary("荣誉表彰（表彰日期最近的在前；region、level、cadreId 筛选；已撤销的也列出；分页）");
        g.MapPost("/honours", RecordHonour).AddEndpointFilter<Validate<RecordHonour>>().RequireAuthorization(Permissions.CareHonoursEdit)
            .WithSummary("登记荣誉：干部、级别（County/City/Province/National）、称号、授予单位、日期、奖金（分，可空）；晋升办法计分的级别同时生成表彰履职记录");
        g.MapPost("/honours/{id:long}/withdraw", WithdrawHonour).AddEndpointFilter<Validate<WithdrawHonour>>().RequireAuthorization(Permissions.CareHonoursEdit)
            .WithSummary("撤销录入错误的荣誉（须填理由）；其生成的表彰履职记录同时撤销，晋升加分随之取消");
        g.MapGet("/nominations", NominationList).RequireAuthorization(Permissions.CareRead)
            .WithSummary("两代表一委员推荐（region、kind、level、status 筛选；分页）");
        g.MapPost("/nominations", RecordNomination).AddEndpointFilter<Validate<RecordNomination>>().RequireAuthorization(Permissions.CareNominationsEdit)
            .WithSummary("登记推荐：干部、类别（PartyCongress/PeoplesCongress/Cppcc）、级别（County/City/Province）、届期起止年份、状态（默认推荐）");
        g.MapPost("/nominations/{id:long}/outcome", DecideNomination).AddEndpointFilter<Validate<DecideNomination>>().RequireVersion()
            .RequireAuthorization(Permissions.CareNominationsEdit)
            .WithSummary("登记推荐结果：Elected（当选）或 NotElected（未当选），只登记一次；须带 version，过期 409");
        g.MapGet("/careers", CareerList).RequireAuthorization(Permissions.CareRead)
            .WithSummary("职业发展去向（region、kind 筛选；分页）");
        g.MapPost("/careers", RecordCareer).AddEndpointFilter<Validate<RecordCareerMove>>().RequireAuthorization(Permissions.CareCareersEdit)
            .WithSummary("登记职业发展：干部、类别、日期、去向；乡镇公务员、乡镇事业编、事业单位（及注明离任的其他）同时办理正常离任，结束现任职务");
    }

    public static async Task<Ok<Paged<HonourView>>> HonourList(string? region, CommendationLevel? level, long? cadreId, int? page, int? pageSize, Honours h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new HonourFilter(region, level, cadreId), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<HonourView>, ProblemHttpResult>> RecordHonour(RecordHonour command, Honours h, CancellationToken ct) =>
        await h.RecordAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/care/honours?cadreId={v.CadreId}", v) : CunzhiApi.NotFound(Honours.NotFound);

    public static async Task<Results<Ok<HonourView>, ProblemHttpResult>> WithdrawHonour(long id, WithdrawHonour command, Honours h, CancellationToken ct) =>
        await h.WithdrawAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(Honours.NotFound);

    public static async Task<Ok<Paged<NominationView>>> NominationList(string? region, NominationKind? kind, NominationLevel? level, NominationStatus? status, long? cadreId,
        int? page, int? pageSize, Nominations h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new NominationFilter(region, kind, level, status, cadreId), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<NominationView>, ProblemHttpResult>> RecordNomination(RecordNomination command, Nominations h, CancellationToken ct) =>
        await h.RecordAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/care/nominations?cadreId={v.CadreId}", v) : CunzhiApi.NotFound(Nominations.NotFound);

    public static async Task<Results<Ok<NominationView>, ProblemHttpResult>> DecideNomination(long id, DecideNomination command, Nominations h, CancellationToken ct) =>
        await h.DecideAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(Nominations.NotFound);

    public static async Task<Ok<Paged<CareerMoveView>>> CareerList(string? region, CareerMoveKind? kind, long? cadreId, int? page, int? pageSize, CareerMoves h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new CareerMoveFilter(region, kind, cadreId), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Created<CareerMoveView>, ProblemHttpResult>> RecordCareer(RecordCareerMove command, CareerMoves h, CancellationToken ct) =>
        await h.RecordAsync(command, ct) is { } v ? TypedResults.Created($"/api/v1/care/careers?cadreId={v.CadreId}", v) : CunzhiApi.NotFound(CareerMoves.NotFound);
}
