using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Training;

/// <summary>
/// 培训 and 1+1 帮带 under <c>/api/v1/training</c>: sessions, enrolment, attendance, required hours, the gap list, a
/// cadre's record, the yearly plan, coverage with its export, and mentoring pairs with their monthly notes.
/// </summary>
public sealed class TrainingModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<TrainingSessions>();
        services.AddScoped<TrainingRecords>();
        services.AddScoped<Mentoring>();
        services.AddScoped<TrainingAttendanceSheets>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var t = routes.Secured.MapGroup("/training").WithTags("培训");
        t.MapGet("/sessions", Sessions).RequireAuthorization(Permissions.TrainingRead)
            .WithSummary("培训列表（本级及上级组织的；year、kind、organiser 筛选；最新在前；分页）");
        t.MapPost("/sessions", Create).AddEndpointFilter<Validate<SaveSession>>().RequireAuthorization(Permissions.TrainingOrganise)
            .WithSummary("新建本级培训：类别、名称、主题、起止日期、学时（每天最多 8 学时）、地点");
        t.MapGet("/sessions/{id:long}", Session).RequireAuthorization(Permissions.TrainingRead).WithSummary("某次培训");
        t.MapPut("/sessions/{id:long}", Edit).AddEndpointFilter<Validate<EditSession>>().RequireVersion().RequireAuthorization(Permissions.TrainingOrganise)
            .WithSummary("修改本级培训（须带 version 或 If-Match）");
        t.MapPost("/sessions/{id:long}/cancel", Cancel).RequireVersion().RequireAuthorization(Permissions.TrainingOrganise)
            .WithSummary("取消本级培训（保留记录；已登记出勤的不能取消；须带 version 或 If-Match）");
        t.MapGet("/sessions/{id:long}/enrolments", Enrolments).RequireAuthorization(Permissions.TrainingRead)
            .WithSummary("某次培训的报名干部及出勤（本辖区内的；分页）");
        t.MapPost("/sessions/{id:long}/enrolments", Enrol).AddEndpointFilter<Validate<EnrolCadres>>().RequireAuthorization(Permissions.TrainingOrganise)
            .WithSummary("报名：列出干部编号，或按职务和区划（本级区划内）报名全部在任干部；已报名的跳过");
        t.MapPost("/enrolments/{id:long}/remove", Unenrol).RequireAuthorization(Permissions.TrainingOrganise)
            .WithSummary("取消一名干部的报名（已登记出勤的不能取消）");
        t.MapPost("/sessions/{id:long}/attendance", Mark).AddEndpointFilter<Validate<MarkAttendance>>().RequireAuthorization(Permissions.TrainingOrganise)
            .WithSummary("登记出勤：培训结束后，每名报名干部出勤或缺勤及学时（不填为本次学时）；有一行有误则全部不登记");
        t.MapGet("/sessions/{id:long}/attendance/sheet", Sheet).RequireAuthorization(Permissions.TrainingOrganise)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType).WithSummary("下载出勤登记表 .xlsx（每名报名干部一行：干部编号、姓名、村、职务、出勤、学时）");
        t.MapPost("/sessions/{id:long}/attendance/import", ImportSheet).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .RequireAuthorization(Permissions.TrainingOrganise)
            .WithSummary("上传填好的出勤登记表（multipart 字段 file）；逐行检查，有一行有误则全部不登记");
        t.MapGet("/requirements", Requirements).RequireAuthorization(Permissions.TrainingRead).WithSummary("本县各职务每年应完成的学时（按起始年度）");
        t.MapPost("/requirements", SetRequirement).AddEndpointFilter<Validate<SetRequirement>>().RequireAuthorization(Permissions.TrainingRequirementsEdit)
            .WithSummary("设置某职务自某年起每年应完成的学时（修改已有年度的须带 version）");
        t.MapGet("/gaps", Gaps).RequireAuthorization(Permissions.TrainingRead)
            .WithSummary("学时缺口：某年（默认今年）学时不足的在任干部、未参加集中轮训的书记和主任（only=hours|rotation；region；分页）");
        t.MapGet("/cadres/{id:long}", CadreRecord).RequireAuthorization(Permissions.TrainingRead)
            .WithSummary("某干部的培训记录：某年已完成与应完成学时，参加过的培训（分页）");
        t.MapGet("/plan", Plan).RequireAuthorization(Permissions.TrainingRead)
            .WithSummary("年度培训计划：按月列出培训；每两个月一次的大讲堂缺位的时段");
        t.MapGet("/coverage", Coverage).RequireAuthorization(Permissions.TrainingRead)
            .WithSummary("培训覆盖逐级下钻：县按乡镇，乡镇按村；学时达标率、书记主任集中轮训覆盖率");
        t.MapGet("/coverage/export", Export).RequireAuthorization(Permissions.TrainingRead)
            .Produces(StatusCodes.Status200OK, contentType: Imports.XlsxDownload.ContentType).WithSummary("导出培训覆盖 .xlsx（按区划、学时缺口）");

        t.MapGet("/mentoring/new-cadres", NewCadres).RequireAuthorization(Permissions.MentoringRead)
            .WithSummary("近 12 个月内首次任职的在任干部及其帮带结对（unpaired=true 只看未结对；分页）");
        t.MapGet("/mentoring/pairs", Pairs).RequireAuthorization(Permissions.MentoringRead)
            .WithSummary("帮带结对（silent=true 只看上月未记录的；分页）");
        t.MapGet("/mentoring/pairs/{id:long}", Pair).RequireAuthorization(Permissions.MentoringRead).WithSummary("某帮带结对及每月记录（分页）");
        t.MapPost("/mentoring/pairs", CreatePair).AddEndpointFilter<Validate<CreatePair>>().RequireAuthorization(Permissions.MentoringManage)
            .WithSummary("为本乡镇新任干部结对一名乡镇领导（姓名、职务），期限默认 12 个月");
        t.MapPost("/mentoring/pairs/{id:long}/change", ChangeMentor).AddEndpointFilter<Validate<ChangeMentor>>().RequireAuthorization(Permissions.MentoringManage)
            .WithSummary("更换帮带领导：原结对于更换日结束（须填原因），新结对同日开始，期限默认为原帮带期剩余月数；须带原结对版本号");
        t.MapPost("/mentoring/pairs/{id:long}/logs", WriteLog).AddEndpointFilter<Validate<WriteMentorLog>>().RequireAuthorization(Permissions.MentoringManage)
            .WithSummary("填写某月的帮带记录（每月一条；须在帮带期内，不能是以后的月份）");
    }

    private static Results<Ok<T>, ProblemHttpResult> OkOr404<T>(T? value, string message) where T : class =>
        value is null ? CunzhiApi.NotFound(message) : TypedResults.Ok(value);

    private static int YearOr(int? year, TimeProvider clock) => year is { } y ? InputRange.Year(y) : clock.Today().Year;

    public static async Task<Ok<Paged<SessionView>>> Sessions(int? year, TrainingKind? kind, string? organiser, int? page, int? pageSize, TrainingSessions h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(year is { } y ? InputRange.Year(y) : null, kind, organiser, new PageRequest(page, pageSize), ct));

    public static async Task<Created<SessionView>> Create(SaveSession command, TrainingSessions h, CancellationToken ct)
    {
        var s = await h.CreateAsync(command, ct);
        return TypedResults.Created($"/api/v1/training/sessions/{s.Id}", s);
    }

    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> Session(long id, TrainingSessions h, CancellationToken ct) =>
        OkOr404(await h.GetAsync(id, ct), TrainingSessions.NotFound);

    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> Edit(long id, EditSession command, TrainingSessions h, CancellationToken ct) =>
        OkOr404(await h.EditAsync(id, command, ct), TrainingSessions.NotFound);

    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> Cancel(long id, CancelSession command, TrainingSessions h, CancellationToken ct) =>
        OkOr404(await h.CancelAsync(id, command, ct), TrainingSessions.NotFound);

    public static async Task<Results<Ok<Paged<EnrolmentView>>, ProblemHttpResult>> Enrolments(long id, int? page, int? pageSize, TrainingSessions h, CancellationToken ct) =>
        OkOr404(await h.EnrolmentsAsync(id, new PageRequest(page, pageSize), ct), TrainingSessions.NotFound);

    public static async Task<Results<Ok<EnrolResult>, ProblemHttpResult>> Enrol(long id, EnrolCadres command, TrainingSessions h, CancellationToken ct) =>
        OkOr404(await h.EnrolAsync(id, command, ct), TrainingSessions.NotFound);

    public static async Task<Results<Ok<EnrolmentView>, ProblemHttpResult>> Unenrol(long id, TrainingSessions h, CancellationToken ct) =>
        OkOr404(await h.UnenrolAsync(id, ct), TrainingSessions.EnrolmentNotFound);

    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> Mark(long id, MarkAttendance command, TrainingSessions h, CancellationToken ct) =>
        OkOr404(await h.MarkAsync(id, command, ct), TrainingSessions.NotFound);

    public static async Task<IResult> Sheet(long id, TrainingAttendanceSheets h, CancellationToken ct) =>
        await h.SheetAsync(id, ct) is { } file ? file : CunzhiApi.NotFound(TrainingSessions.NotFound);

    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> ImportSheet(long id, IFormFile file, TrainingAttendanceSheets h, CancellationToken ct) =>
        OkOr404(await h.ImportAsync(id, file, ct), TrainingSessions.NotFound);

    public static async Task<Ok<IReadOnlyList<RequirementView>>> Requirements(TrainingRecords h, CancellationToken ct) => TypedResults.Ok(await h.RequirementsAsync(ct));

    public static async Task<Ok<RequirementView>> SetRequirement(SetRequirement command, TrainingRecords h, CancellationToken ct) =>
        TypedResults.Ok(await h.SetRequirementAsync(command, ct));

    public static async Task<Results<Ok<GapList>, ProblemHttpResult>> Gaps(string? region, int? year, string? only, int? page, int? pageSize, TrainingRecords h, TimeProvider clock,
        CancellationToken ct) =>
        OkOr404(await h.GapsAsync(region, YearOr(year, clock), only, new PageRequest(page, pageSize), ct), TrainingRecords.RegionNotFound);

    public static async Task<Results<Ok<CadreTrainingRecord>, ProblemHttpResult>> CadreRecord(long id, int? year, int? page, int? pageSize, TrainingRecords h, TimeProvider clock,
        CancellationToken ct) =>
        OkOr404(await h.CadreAsync(id, YearOr(year, clock), new PageRequest(page, pageSize), ct), TrainingRecords.CadreNotFound);

    public static async Task<Ok<YearPlan>> Plan(int? year, string? organiser, TrainingRecords h, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await h.PlanAsync(YearOr(year, clock), organiser, ct));

    public static async Task<Results<Ok<TrainingCoverage>, ProblemHttpResult>> Coverage(string? region, int? year, int? page, int? pageSize, TrainingRecords h, TimeProvider clock,
        CancellationToken ct) =>
        OkOr404(await h.CoverageAsync(region, YearOr(year, clock), new PageRequest(page, pageSize), ct), TrainingRecords.RegionNotFound);

    public static async Task<IResult> Export(string? region, int? year, TrainingRecords h, TimeProvider clock, CancellationToken ct) =>
        await h.ExportAsync(region, YearOr(year, clock), ct) is { } file ? file : CunzhiApi.NotFound(TrainingRecords.RegionNotFound);

    public static async Task<Ok<Paged<NewCadreView>>> NewCadres(string? region, bool? unpaired, int? page, int? pageSize, Mentoring h, CancellationToken ct) =>
        TypedResults.Ok(await h.NewCadresAsync(region, unpaired == true, new PageRequest(page, pageSize), ct));

    public static async Task<Ok<Paged<PairView>>> Pairs(string? region, bool? silent, int? page, int? pageSize, Mentoring h, CancellationToken ct) =>
        TypedResults.Ok(await h.PairsAsync(region, silent == true, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<PairDetail>, ProblemHttpResult>> Pair(long id, int? page, int? pageSize, Mentoring h, CancellationToken ct) =>
        OkOr404(await h.PairAsync(id, new PageRequest(page, pageSize), ct), Mentoring.PairNotFound);

    public static async Task<Created<PairView>> CreatePair(CreatePair command, Mentoring h, CancellationToken ct)
    {
        var p = await h.CreateAsync(command, ct);
        return TypedResults.Created($"/api/v1/training/mentoring/pairs/{p.Id}", p);
    }

    public static async Task<Results<Created<PairView>, ProblemHttpResult>> ChangeMentor(long id, ChangeMentor command, Mentoring h, CancellationToken ct) =>
        await h.ChangeMentorAsync(id, command, ct) is { } p ? TypedResults.Created($"/api/v1/training/mentoring/pairs/{p.Id}", p) : CunzhiApi.NotFound(Mentoring.PairNotFound);

    public static async Task<Results<Created<MentorLogView>, ProblemHttpResult>> WriteLog(long id, WriteMentorLog command, Mentoring h, CancellationToken ct) =>
        await h.WriteLogAsync(id, command, ct) is { } log ? TypedResults.Created($"/api/v1/training/mentoring/pairs/{id}", log) : CunzhiApi.NotFound(Mentoring.PairNotFound);
}
