using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Duty;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Duty;

/// <summary>坐班值班 and 休假 under <c>/api/v1/duty</c>.</summary>
public sealed class DutyModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<DutyRosters>();
        services.AddScoped<DutyLeaves>();
        services.AddScoped<VillageOffices>();
        services.AddSingleton<DutyBoardCache>();
        services.AddScoped<DutyBoardQuery>();
        services.AddScoped<DutyCoverageReports>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var d = routes.Secured.MapGroup("/duty").WithTags("坐班值班");
        d.MapGet("/villages/{code}/roster", Roster).WithETag().RequireAuthorization(Permissions.DutyRead)
            .WithSummary("某村某月（year、month，默认本月）的值班表：每个工作日的值班干部、空缺日、可排班干部；version 为该月版本（未排班为 0）");
        d.MapPut("/villages/{code}/days/{date}", SetDay).AddEndpointFilter<Validate<SetDutyDay>>().RequireVersion().RequireAuthorization(Permissions.DutyEdit)
            .WithSummary("设置某工作日的值班干部（本村在任干部，含驻村干部；不能为空；须带该月 version 或 If-Match）");
        d.MapPost("/villages/{code}/generate", Generate).AddEndpointFilter<Validate<GenerateDutyMonth>>().RequireVersion().RequireAuthorization(Permissions.DutyEdit)
            .WithSummary("按轮换自动排某村某月的值班（均衡各人次数，计入上月，跳过已批准的休假；该月已有安排时须 replace=true 才覆盖，否则拒绝；须带该月 version）");
        d.MapPost("/generate", GenerateAll).AddEndpointFilter<Validate<GenerateDutyMonths>>().RequireAuthorization(Permissions.DutyEdit)
            .WithSummary("为本县（乡镇）尚未排班的各村自动排某月的值班（region 默认本辖区）");
        d.MapGet("/villages/{code}/office", Office).WithETag().RequireAuthorization(Permissions.DutyRead).WithSummary("村委会办公电话（值班公示上显示的号码）");
        d.MapPut("/villages/{code}/office", SetOffice).AddEndpointFilter<Validate<SetOfficePhone>>().RequireVersion().RequireAuthorization(Permissions.DutyEdit)
            .WithSummary("设置村委会办公电话（座机或办公室手机，不要填个人手机；须带 version，未设置过为 0）");
        d.MapGet("/coverage", Coverage).RequireAuthorization(Permissions.DutyRead)
            .WithSummary("值班覆盖（region 默认本辖区，year、month 默认本月）：各乡镇（村）的工作日、有人值班天数、空缺、休假天数；分页");
        d.MapGet("/coverage/export", Export).RequireAuthorization(Permissions.DutyRead).WithSummary("值班覆盖导出为 Excel（.xlsx）");
        d.MapGet("/leaves", Leaves).RequireAuthorization(Permissions.DutyRead).WithSummary("休假申请（region、state 筛选；最新在前；分页）");
        d.MapGet("/leaves/{id:long}", Leave).WithETag().RequireAuthorization(Permissions.DutyRead).WithSummary("某条休假申请");
        d.MapPost("/leaves", Request).AddEndpointFilter<Validate<RequestLeave>>().RequireAuthorization(Permissions.DutyLeaveRequest)
            .WithSummary("为本村在任干部申请休假（起止日期、类别、事由）；与其已批准的休假重叠则拒绝");
        d.MapPost("/leaves/{id:long}/decision", Decide).AddEndpointFilter<Validate<DecideLeave>>().RequireVersion().RequireAuthorization(Permissions.DutyLeaveDecide)
            .WithSummary("乡镇审批休假：批准（休假期间移出值班表；若某天因此无人值班须指定顶班人 replacementCadreId）或不批准；须带 version");
    }

    public static async Task<Results<Ok<DutyMonthView>, ProblemHttpResult>> Roster(string code, int? year, int? month, DutyRosters h, TimeProvider clock, CancellationToken ct)
    {
        var today = Infrastructure.Time.ChinaTime.Today(clock);
        var y = year is { } yy ? InputRange.Year(yy) : today.Year;
        var m = month is { } mm ? InputRange.Period(mm, 12, "month") : today.Month;
        return await h.GetAsync(code, y, m, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyRosters.VillageNotFound);
    }

    public static async Task<Results<Ok<DutyCoverageReport>, ProblemHttpResult>> Coverage(string? region, int? year, int? month, int? page, int? pageSize,
        DutyCoverageReports h, TimeProvider clock, CancellationToken ct)
    {
        var (y, m) = Month(year, month, clock);
        return await h.RegionAsync(region, y, m, new PageRequest(page, pageSize), ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound(RegionNotFound);
    }

    public static async Task<IResult> Export(string? region, int? year, int? month, DutyCoverageReports h, TimeProvider clock, CancellationToken ct)
    {
        var (y, m) = Month(year, month, clock);
        return await h.ExportAsync(region, y, m, ct) is { } file ? file : CunzhiApi.NotFound(RegionNotFound);
    }

    /// <summary>The asked month (this month by default); a year or month out of range is a 400 in Chinese.</summary>
    private static (int Year, int Month) Month(int? year, int? month, TimeProvider clock)
    {
        var today = Infrastructure.Time.ChinaTime.Today(clock);
        return (year is { } yy ? InputRange.Year(yy) : today.Year, month is { } mm ? InputRange.Period(mm, 12, "month") : today.Month);
    }

    public const string RegionNotFound = "未找到该地区，或其不在您的管辖范围内";

    public static async Task<Results<Ok<DutyMonthView>, ProblemHttpResult>> SetDay(string code, DateOnly date, SetDutyDay command, DutyRosters h, CancellationToken ct) =>
        await h.SetDayAsync(code, InputRange.Date(date, "date"), command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyRosters.VillageNotFound);

    public static async Task<Results<Ok<DutyMonthView>, ProblemHttpResult>> Generate(string code, GenerateDutyMonth command, DutyRosters h, CancellationToken ct) =>
        await h.GenerateAsync(code, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyRosters.VillageNotFound);

    public static async Task<Results<Ok<GeneratedMonths>, ProblemHttpResult>> GenerateAll(GenerateDutyMonths command, DutyRosters h, CancellationToken ct) =>
        await h.GenerateAllAsync(command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyRosters.VillageNotFound);

    public static async Task<Results<Ok<VillageOfficeView>, ProblemHttpResult>> Office(string code, VillageOffices h, CancellationToken ct) =>
        await h.GetAsync(code, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyRosters.VillageNotFound);

    public static async Task<Results<Ok<VillageOfficeView>, ProblemHttpResult>> SetOffice(string code, SetOfficePhone command, VillageOffices h, CancellationToken ct) =>
        await h.SetAsync(code, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyRosters.VillageNotFound);

    public static async Task<Ok<Paged<LeaveView>>> Leaves(string? region, LeaveState? state, int? page, int? pageSize, DutyLeaves h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(region, state, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<LeaveView>, ProblemHttpResult>> Leave(long id, DutyLeaves h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyLeaves.NotFound);

    public static async Task<Created<LeaveView>> Request(RequestLeave command, DutyLeaves h, CancellationToken ct)
    {
        var leave = await h.RequestAsync(command, ct);
        return TypedResults.Created($"/api/v1/duty/leaves/{leave.Id}", leave);
    }

    public static async Task<Results<Ok<LeaveView>, ProblemHttpResult>> Decide(long id, DecideLeave command, DutyLeaves h, CancellationToken ct) =>
        await h.DecideAsync(id, command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(DutyLeaves.NotFound);
}
