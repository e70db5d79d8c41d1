using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Visits;

/// <summary>
/// 走访 (上门问事): visit rounds, assignments, an official's phone list, visit records and coverage under
/// <c>/api/v1/visits</c>; the county's working-day calendar under <c>/api/v1/calendar</c>.
/// </summary>
public sealed class VisitsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<WorkingCalendars>();
        services.AddScoped<VisitPlanning>();
        services.AddScoped<VisitRecording>();
        services.AddScoped<VisitCoverageReports>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var v = routes.Secured.MapGroup("/visits").WithTags("走访");
        v.MapGet("/rounds", Rounds).RequireAuthorization(Permissions.VisitsRead)
            .WithSummary("走访轮次（最新在前；region 为县或乡镇代码时只看其下；村只看涉及本村的轮次；分页）");
        v.MapPost("/rounds", Plan).AddEndpointFilter<Validate<PlanRound>>().RequireAuthorization(Permissions.VisitsPlan)
            .WithSummary("安排一轮走访：名称、起止日期、本乡镇的村、走访干部（不填为本乡镇全部干部账号）；按户籍登记的农户均衡分给各干部");
        v.MapGet("/rounds/{id:long}", Round).RequireAuthorization(Permissions.VisitsRead).WithSummary("某轮走访及其计划、已走访户数");
        v.MapGet("/officials", Officials).RequireAuthorization(Permissions.VisitsPlan).WithSummary("本乡镇可安排走访的干部账号");
        v.MapGet("/rounds/{id:long}/assignments", Assignments).RequireAuthorization(Permissions.VisitsRead)
            .WithSummary("某轮走访的农户及走访干部（village、official 筛选；分页）");
        v.MapPut("/assignments/{id:long}", Reassign).AddEndpointFilter<Validate<Reassign>>().RequireVersion().RequireAuthorization(Permissions.VisitsPlan)
            .WithSummary("把某户改由本乡镇另一名干部走访（须带 version 或 If-Match）");
        v.MapGet("/rounds/{id:long}/mine", Mine).RequireAuthorization(Permissions.VisitsRecord)
            .WithSummary("我的走访名单：本轮分给我的农户，按村、村民小组（village、group 筛选，group=none 为未分组），已走访的标明；分页");
        v.MapGet("/mine/rounds", MyRounds).RequireAuthorization(Permissions.VisitsRecord).WithSummary("我有走访任务的轮次（进行中的在前）");
        v.MapPost("/rounds/{id:long}/visits", Record).AddEndpointFilter<Validate<RecordVisit>>().RequireAuthorization(Permissions.VisitsRecord)
            .WithSummary("填写走访记录：农户、日期（默认今天，须在本轮期间）、走访人（默认本人）、同行人员、情况、反映诉求（可无）；不在本轮的农户拒绝");
        v.MapGet("/rounds/{id:long}/visits", Visits).RequireAuthorization(Permissions.VisitsRead)
            .WithSummary("某轮的走访记录（household 筛选；最新在前；分页）");
        v.MapGet("/rounds/{id:long}/coverage", RoundCoverage).RequireAuthorization(Permissions.VisitsRead)
            .WithSummary("某轮走访覆盖：已走访户数 / 计划户数，按村、按干部（同一户多次走访只计一次）");
        v.MapGet("/rounds/{id:long}/coverage/export", Export).RequireAuthorization(Permissions.VisitsRead)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType)
            .WithSummary("导出某轮走访覆盖 .xlsx（按村、按干部、农户明细）");
        v.MapGet("/coverage", RegionCoverage).RequireAuthorization(Permissions.VisitsRead)
            .WithSummary("走访覆盖逐级下钻：县按乡镇，乡镇按轮次，村按涉及本村的轮次（year 为轮次开始年份，默认今年）");

        var c = routes.Secured.MapGroup("/calendar").WithTags("工作日历");
        c.MapGet("", Calendar).RequireAuthorization(Permissions.CalendarRead)
            .WithSummary("本县工作日历某年（默认今年）的放假日和调休上班日，全年工作日数，是否有国家安排可导入");
        c.MapGet("/working-day", WorkingDay).RequireAuthorization(Permissions.CalendarRead)
            .WithSummary("某天是否工作日；n：其后第 n 个工作日（负数向前）；to：其后至 to（含）的工作日数");
        c.MapPost("/days", AddDay).AddEndpointFilter<Validate<AddCalendarDay>>().RequireAuthorization(Permissions.CalendarEdit)
            .WithSummary("增加一天：放假（如本地假日）或调休上班（须为周六或周日）");
        c.MapPut("/days/{id:long}", ChangeDay).AddEndpointFilter<Validate<ChangeCalendarDay>>().RequireVersion().RequireAuthorization(Permissions.CalendarEdit)
            .WithSummary("修改某天的类别或名称（须带 version 或 If-Match）");
        c.MapPost("/days/{id:long}/remove", RemoveDay).RequireVersion().RequireAuthorization(Permissions.CalendarEdit)
            .WithSummary("删除某天（恢复为按周一至周五上班；须带 version 或 If-Match）");
        c.MapPost("/import-national", ImportNational).AddEndpointFilter<Validate<ImportNationalCalendar>>().RequireAuthorization(Permissions.CalendarEdit)
            .WithSummary("导入国家某年的节假日安排（2025、2026 年）；本县已有的日期保持不变");
    }

    private static Results<Ok<T>, ProblemHttpResult> OkOr404<T>(T? value, string message) where T : class =>
        value is null ? CunzhiApi.NotFound(message) : TypedResults.Ok(value);

    private const string RegionNotFound = "未找到该区划，或其不在您的管辖范围内";

    public static async Task<Ok<Paged<RoundView>>> Rounds(string? region, int? page, int? pageSize, VisitPlanning h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(region, new PageRequest(page, pageSize), ct));

    public static async Task<Created<RoundView>> Plan(PlanRound command, VisitPlanning h, CancellationToken ct)
    {
        var round = await h.PlanAsync(command, ct);
        return TypedResults.Created($"/api/v1/visits/rounds/{round.Id}", round);
    }

    public static async Task<Results<Ok<RoundView>, ProblemHttpResult>> Round(long id, VisitPlanning h, CancellationToken ct) =>
        OkOr404(await h.GetAsync(id, ct), VisitPlanning.RoundNotFound);

    public static async Task<Ok<IReadOnlyList<OfficialView>>> Officials(VisitPlanning h, CancellationToken ct) => TypedResults.Ok(await h.OfficialsAsync(null, ct));

    public static async Task<Results<Ok<Paged<AssignmentView>>, ProblemHttpResult>> Assignments(long id, string? village, string? official, int? page, int? pageSize,
        VisitPlanning h, CancellationToken ct) =>
        OkOr404(await h.AssignmentsAsync(id, village, official, new PageRequest(page, pageSize), ct), VisitPlanning.RoundNotFound);

    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> Reassign(long id, Reassign command, VisitPlanning h, CancellationToken ct) =>
        OkOr404(await h.ReassignAsync(id, command, ct), VisitPlanning.AssignmentNotFound);

    public static async Task<Results<Ok<VisitList>, ProblemHttpResult>> Mine(long id, string? village, string? group, int? page, int? pageSize, VisitRecording h,
        CancellationToken ct) =>
        OkOr404(await h.ListAsync(id, null, village, group, new PageRequest(page, pageSize), ct), VisitPlanning.RoundNotFound);

    public static async Task<Ok<IReadOnlyList<RoundView>>> MyRounds(VisitRecording h, CancellationToken ct) => TypedResults.Ok(await h.MyRoundsAsync(ct));

    public static async Task<Results<Created<VisitView>, ProblemHttpResult>> Record(long id, RecordVisit command, VisitRecording h, CancellationToken ct) =>
        await h.RecordAsync(id, command, ct) is { } v ? TypedResults.Created($"/api/v1/visits/rounds/{id}/visits?household={v.HouseholdId}", v)
            : CunzhiApi.NotFound(VisitPlanning.RoundNotFound);

    public static async Task<Results<Ok<Paged<VisitView>>, ProblemHttpResult>> Visits(long id, long? household, int? page, int? pageSize, VisitRecording h,
        CancellationToken ct) =>
        OkOr404(await h.VisitsAsync(id, household, new PageRequest(page, pageSize), ct), VisitPlanning.RoundNotFound);

    public static async Task<Results<Ok<RoundCoverage>, ProblemHttpResult>> RoundCoverage(long id, int? page, int? pageSize, VisitCoverageReports h, CancellationToken ct) =>
        OkOr404(await h.RoundAsync(id, new PageRequest(page, pageSize), ct), VisitPlanning.RoundNotFound);

    public static async Task<IResult> Export(long id, VisitCoverageReports h, CancellationToken ct) =>
        await h.ExportAsync(id, ct) is { } file ? file : CunzhiApi.NotFound(VisitPlanning.RoundNotFound);

    public static async Task<Results<Ok<RegionCoverage>, ProblemHttpResult>> RegionCoverage(string? region, int? year, int? page, int? pageSize, VisitCoverageReports h,
        CancellationToken ct) =>
        OkOr404(await h.RegionAsync(region, year is { } y ? InputRange.Year(y) : null, new PageRequest(page, pageSize), ct), RegionNotFound);

    public static async Task<Ok<CalendarYearView>> Calendar(int? year, WorkingCalendars h, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await h.YearAsync(year is { } y ? InputRange.Year(y) : clock.Today().Year, ct));

    public static async Task<Ok<WorkingDayAnswer>> WorkingDay(DateOnly date, int? n, DateOnly? to, WorkingCalendars h, CancellationToken ct) =>
        TypedResults.Ok(await h.AnswerAsync(date, n, to, ct));

    public static async Task<Created<CalendarDayView>> AddDay(AddCalendarDay command, WorkingCalendars h, CancellationToken ct)
    {
        var day = await h.AddAsync(command, ct);
        return TypedResults.Created($"/api/v1/calendar/days/{day.Id}", day);
    }

    public static async Task<Results<Ok<CalendarDayView>, ProblemHttpResult>> ChangeDay(long id, ChangeCalendarDay command, WorkingCalendars h, CancellationToken ct) =>
        OkOr404(await h.ChangeAsync(id, command, ct), WorkingCalendars.NotFoundMessage);

    public static async Task<Results<Ok<CalendarDayView>, ProblemHttpResult>> RemoveDay(long id, RemoveCalendarDay command, WorkingCalendars h, CancellationToken ct) =>
        OkOr404(await h.RemoveAsync(id, command, ct), WorkingCalendars.NotFoundMessage);

    public static async Task<Ok<CalendarYearView>> ImportNational(ImportNationalCalendar command, WorkingCalendars h, CancellationToken ct) =>
        TypedResults.Ok(await h.ImportNationalAsync(command, ct));
}
