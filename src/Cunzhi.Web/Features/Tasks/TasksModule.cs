using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>Registration and <c>/api/v1/tasks</c> endpoints of burden reduction: the list, the admission gate, statistics, village tasks.</summary>
public sealed class TasksModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ResponsibilityLists>();
        services.AddScoped<TaskRequestViews>();
        services.AddScoped<TaskAdmission>();
        services.AddScoped<NearestItems>();
        services.AddScoped<TaskStats>();
        services.AddScoped<VillageTaskViews>();
        services.AddScoped<WeeklyHandlers>();
        services.AddScoped<BoardExport>();
        services.AddSingleton<EvidenceStore>();
        services.AddImporter<TaskRequestImporter, TaskRequestImportRow>(TaskRequestImporter.Kind, TaskRequestImporter.Title, TaskRequestImporter.Columns);
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var tasks = secured.MapGroup("/tasks").WithTags("减负与准入");

        var list = tasks.MapGroup("/list").RequireAuthorization(Permissions.TaskListRead);
        list.MapGet("", ListVersion)
            .WithSummary("工作事务清单（默认为现行版本；可按类别、关键字筛选，分页）");
        list.MapGet("/versions", ListVersions)
            .WithSummary("清单版本历史");
        list.MapGet("/draft", Draft)
            .RequireAuthorization(Permissions.TaskListEdit).WithSummary("正在编辑的草稿");
        list.MapPost("/draft", StartDraft)
            .RequireAuthorization(Permissions.TaskListEdit).WithSummary("新建草稿（复制现行版本；已有草稿则返回它）");
        list.MapPut("/draft/items", SaveItem)
            .AddEndpointFilter<Validate<SaveListItem>>().RequireAuthorization(Permissions.TaskListEdit).WithSummary("在草稿中新增或修改事项（按编号）");
        list.MapDelete("/draft/items/{code}", RemoveItem)
            .RequireAuthorization(Permissions.TaskListEdit).WithSummary("从草稿中删除事项");
        list.MapPost("/draft/publish", Publish)
            .RequireAuthorization(Permissions.TaskListEdit).WithSummary("发布草稿（原现行版本转为历史版本）");

        var requests = tasks.MapGroup("/requests").RequireAuthorization(Permissions.TaskRequestsRead);
        requests.MapGet("", Requests)
            .WithSummary("任务准入申请（县直部门只看本部门的）");
        requests.MapGet("/{id:long}", GetRequest)
            .WithSummary("申请详情");
        requests.MapPost("", FileRequest)
            .AddEndpointFilter<Validate<FileTaskRequest>>().RequireAuthorization(Permissions.TaskRequestsFile)
            .WithSummary("提交任务准入申请：属清单事项即准入，属负面清单即拒绝，其余报县减负协调办审批");
        requests.MapPost("/import", Import)
            .RequireAuthorization(Permissions.TaskRequestsFile)
            .WithSummary("批量导入任务准入申请（JSON 数组；逐条经过同一准入判定；有一条有误则全部不导入）");
        requests.MapGet("/import/template", ImportTemplate)
            .RequireAuthorization(Permissions.TaskRequestsFile)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("任务准入申请导入模板（.xlsx，含填写说明）");
        requests.MapPost("/import/xlsx", ImportXlsx)
            .RequireAuthorization(Permissions.TaskRequestsFile)
            .Accepts<IFormFile>("multipart/form-data").Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .WithSummary("从 .xlsx 批量导入任务准入申请（multipart 字段 file）：返回 202 和导入任务；全部行校验无误才写入，每行经过同一准入判定（即时准入、即时拒绝或报协调办审批），有错误则一条不写");

        tasks.MapGet("/queue", Queue)
            .RequireAuthorization(Permissions.TaskQueueRead).WithSummary("待审批的准入申请");
        requests.MapGet("/{id:long}/nearest", Nearest)
            .RequireAuthorization(Permissions.TaskQueueRead)
            .WithSummary("与申请最接近的清单事项和负面清单事项（最多 3 项），并说明为何相近（识别词、同义词、名称相近）");
        requests.MapPost("/{id:long}/approve", Approve)
            .AddEndpointFilter<Validate<ApproveTaskRequest>>().RequireAuthorization(Permissions.TaskRequestsDecide)
            .WithSummary("县减负协调办批准（任务随即下达到村）");
        requests.MapPost("/{id:long}/reject", Reject)
            .AddEndpointFilter<Validate<RejectTaskRequest>>().RequireAuthorization(Permissions.TaskRequestsDecide)
            .WithSummary("县减负协调办驳回（须填写理由）");

        tasks.MapGet("/stats", Stats)
            .RequireAuthorization(Permissions.TaskStatsRead).WithSummary("各部门准入统计：申请、准入、拒绝、驳回、待审批");
        tasks.MapGet("/village", VillageTasks)
            .RequireAuthorization(Permissions.VillageTasksRead).WithSummary("已准入、下达到村的任务（村看本村，乡镇看所辖各村）");
        tasks.MapGet("/weekly", MondayList)
            .RequireAuthorization(Permissions.WeeklyRead).WithSummary("周一清单：某周各村已准入的任务及本周汇报情况");
        tasks.MapPut("/weekly", Report)
            .AddEndpointFilter<Validate<SaveWeeklyReport>>().RequireAuthorization(Permissions.WeeklyReport)
            .WithSummary("周五汇报：逐项填报已完成、推进中或受阻（受阻须说明），整单一次保存");
        tasks.MapGet("/board", Board)
            .RequireAuthorization(Permissions.WeeklyBoardRead)
            .WithSummary("周报看板：各村 × 各任务的本周汇报情况（可按乡镇、村名筛选，只看有未报或受阻事项的村；按村分页）");
        tasks.MapGet("/board/export", ExportBoard)
            .RequireAuthorization(Permissions.WeeklyBoardRead)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("导出周报看板 Excel：每村每项一行，含推进中、受阻事项的情况说明及填报人姓名、岗位（筛选同看板，不分页）");
        tasks.MapPost("/weekly/{villageTaskId:long}/evidence", UploadEvidence)
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .RequireAuthorization(Permissions.WeeklyReport)
            .WithSummary("上传佐证材料（仅限要求佐证的任务；jpg、png、pdf，不超过 5 MB；multipart 字段 file）");
        tasks.MapGet("/evidence", Evidence)
            .RequireAuthorization(Permissions.EvidenceRead).WithSummary("佐证材料列表（县直部门只看本部门任务的）");
        tasks.MapGet("/evidence/{id:long}", EvidenceFile)
            .RequireAuthorization(Permissions.EvidenceRead).WithSummary("下载佐证材料");
    }

    private static ProblemHttpResult RequestNotFound => CunzhiApi.NotFound(TaskAccess.NotFoundMessage);
    private static ProblemHttpResult VillageTaskNotFound => CunzhiApi.NotFound("未找到该任务，或其不属于本村");

    private static async Task<Results<Ok<ListPage>, ProblemHttpResult>> PageOf(ListVersionView? v, ItemCategory? category, string? q, int? page, int? pageSize,
        ResponsibilityLists h, string notFound, CancellationToken ct) =>
        v is not null
            ? TypedResults.Ok(new ListPage(v, await h.ItemsAsync(v.Id, new ItemFilter(category, q), new PageRequest(page, pageSize), ct)))
            : CunzhiApi.NotFound(notFound);

    public static async Task<Results<Ok<ListPage>, ProblemHttpResult>> ListVersion(ItemCategory? category, string? q, int? version, int? page, int? pageSize,
        ResponsibilityLists h, CancellationToken ct) =>
        await PageOf(await h.VersionAsync(version, ct), category, q, page, pageSize, h, "本县尚无该版本的工作事务清单", ct);

    public static async Task<Ok<IReadOnlyList<ListVersionView>>> ListVersions(ResponsibilityLists h, CancellationToken ct) => TypedResults.Ok(await h.VersionsAsync(ct));

    public static async Task<Results<Ok<ListPage>, ProblemHttpResult>> Draft(ItemCategory? category, string? q, int? page, int? pageSize, ResponsibilityLists h, CancellationToken ct) =>
        await PageOf(await h.DraftAsync(ct), category, q, page, pageSize, h, "没有正在编辑的草稿", ct);

    public static async Task<Ok<ListVersionView>> StartDraft(ResponsibilityLists h, CancellationToken ct) => TypedResults.Ok(await h.StartDraftAsync(ct));

    public static async Task<Ok<ListItemView>> SaveItem(SaveListItem command, ResponsibilityLists h, CancellationToken ct) => TypedResults.Ok(await h.SaveItemAsync(command, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveItem(string code, ResponsibilityLists h, CancellationToken ct) =>
        await h.RemoveItemAsync(code, ct) ? TypedResults.NoContent() : CunzhiApi.NotFound("草稿中没有该事项");

    public static async Task<Ok<ListVersionView>> Publish(ResponsibilityLists h, CancellationToken ct) => TypedResults.Ok(await h.PublishAsync(ct));

    public static async Task<Ok<Paged<TaskRequestView>>> Requests(TaskRequestStatus? status, string? q, TaskChannel? channel, int? page, int? pageSize,
        TaskRequestViews h, CancellationToken ct) =>
        TypedResults.Ok(await h.RequestsAsync(new RequestFilter(status, q, channel), new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<TaskRequestView>, ProblemHttpResult>> GetRequest(long id, TaskRequestViews h, CancellationToken ct) =>
        await h.GetRequestAsync(id, ct) is { } r ? TypedResults.Ok(r) : RequestNotFound;

    public static async Task<Results<Ok<IReadOnlyList<NearItemView>>, ProblemHttpResult>> Nearest(long id, NearestItems h, CancellationToken ct) =>
        await h.ForRequestAsync(id, ct) is { } r ? TypedResults.Ok(r) : RequestNotFound;

    public static async Task<Created<TaskRequestView>> FileRequest(FileTaskRequest command, TaskAdmission h, CancellationToken ct)
    {
        var r = await h.FileAsync(command, TaskChannel.Api, ct);
        return TypedResults.Created($"/api/v1/tasks/requests/{r.Id}", r);
    }

    public static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(List<FileTaskRequest> commands, TaskAdmission h,
        FluentValidation.IValidator<FileTaskRequest> validator, CancellationToken ct)
    {
        if (commands.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = ["没有要导入的申请"] }, title: "提交的数据有误");
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < commands.Count; i++)
            if (await validator.ErrorsAsync(commands[i], ct) is { } e)
                foreach (var (key, messages) in e)
                    errors[$"[{i}].{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(key)}"] = messages.Select(m => $"第 {i + 1} 条：{m}").ToArray();
        // All or none: a batch with any bad row files nothing, so the department fixes and resends it whole.
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "提交的数据有误");
        return TypedResults.Ok(await h.ImportAsync(commands, ct));
    }

    private static ImportKind RequestKind(IEnumerable<ImportKind> kinds) => kinds.Single(k => k.Name == TaskRequestImporter.Kind);

    public static XlsxDownload ImportTemplate(IEnumerable<ImportKind> kinds)
    {
        var kind = RequestKind(kinds);
        return new XlsxDownload(kind.TemplateFileName, kind.WriteTemplateAsync);
    }

    public static Task<IResult> ImportXlsx(HttpRequest request, IEnumerable<ImportKind> kinds, ImportJobs jobs, CancellationToken ct) =>
        ImportUploads.AcceptAsync(request, RequestKind(kinds), jobs, ct);

    public static async Task<Ok<Paged<TaskRequestView>>> Queue(int? page, int? pageSize, TaskRequestViews h, CancellationToken ct) =>
        TypedResults.Ok(await h.QueueAsync(new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<TaskRequestView>, ProblemHttpResult>> Approve(long id, ApproveTaskRequest command, TaskAdmission h, CancellationToken ct) =>
        await h.ApproveAsync(id, command, ct) is { } r ? TypedResults.Ok(r) : RequestNotFound;

    public static async Task<Results<Ok<TaskRequestView>, ProblemHttpResult>> Reject(long id, RejectTaskRequest command, TaskAdmission h, CancellationToken ct) =>
        await h.RejectAsync(id, command, ct) is { } r ? TypedResults.Ok(r) : RequestNotFound;

    public static async Task<Ok<IReadOnlyList<DepartmentStats>>> Stats(TaskStats h, CancellationToken ct) => TypedResults.Ok(await h.StatsAsync(ct));

    public static async Task<Ok<Paged<VillageTaskView>>> VillageTasks(string? region, int? page, int? pageSize, VillageTaskViews h, CancellationToken ct) =>
        TypedResults.Ok(await h.VillageTasksAsync(region, new PageRequest(page, pageSize), ct));

    public static async Task<Ok<WeeklyList>> MondayList(string? village, DateOnly? week, int? page, int? pageSize, WeeklyHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.MondayListAsync(village, week, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<WeeklyList>, ProblemHttpResult>> Report(SaveWeeklyReport command, WeeklyHandlers h, CancellationToken ct) =>
        await h.ReportAsync(command, null, ct) is { } r ? TypedResults.Ok(r) : VillageTaskNotFound;

    public static Task<XlsxDownload> ExportBoard(string? town, DateOnly? week, string? q, BoardShow? show, BoardExport export, CancellationToken ct) =>
        export.ExportAsync(town, week, q, show ?? BoardShow.All, ct);

    public static async Task<Ok<WeeklyBoard>> Board(string? town, DateOnly? week, string? q, BoardShow? show, int? page, int? pageSize, WeeklyHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.BoardAsync(town, week, new PageRequest(page, pageSize), ct, q, show ?? BoardShow.All));

    public static async Task<Results<Created<EvidenceView>, ProblemHttpResult>> UploadEvidence(long villageTaskId, DateOnly? week, IFormFile file, WeeklyHandlers h, CancellationToken ct) =>
        await h.UploadEvidenceAsync(villageTaskId, week, file, ct) is { } e
            ? TypedResults.Created($"/api/v1/tasks/evidence/{e.Id}", e)
            : VillageTaskNotFound;

    public static async Task<Ok<Paged<EvidenceView>>> Evidence(long? request, long? villageTask, int? page, int? pageSize, WeeklyHandlers h, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await h.EvidenceAsync(request, villageTask, new PageRequest(page, pageSize), !http.User.Can(Permissions.EvidenceReadAll), ct));

    public static async Task<IResult> EvidenceFile(long id, WeeklyHandlers h, EvidenceStore store, HttpContext http, CancellationToken ct) =>
        await h.EvidenceFileAsync(id, !http.User.Can(Permissions.EvidenceReadAll), ct) is { } e && store.Open(e.StoredName) is { } stream
            ? TypedResults.File(stream, e.ContentType, e.FileName)
            : CunzhiApi.NotFound("未找到该佐证材料，或其不在您的管辖范围内");
}

/// <summary>One version of the list with a page of its items.</summary>
public sealed record ListPage(ListVersionView Version, Paged<ListItemView> Items);
