using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Forms;

/// <summary>Registration and <c>/api/v1/forms</c> endpoints of 一表通.</summary>
public sealed class FormsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<FormSources>();
        services.AddScoped<FormReads>();
        services.AddScoped<FormDuplicateCheck>();
        services.AddScoped<FormDesign>();
        services.AddScoped<FormGate>();
        services.AddScoped<FormFilling>();
        services.AddScoped<FormSubmissions>();
    }

    private static ProblemHttpResult NotFound() => CunzhiApi.NotFound(FormAccess.NotFoundMessage);

    private static Results<Ok<FormDetail>, ProblemHttpResult> OkOr404(FormDetail? d) => d is null ? NotFound() : TypedResults.Ok(d);

    /// <summary>Field errors keyed <c>values.{fieldId}</c>, as the page and the API both show them.</summary>
    public static Dictionary<string, string[]> ErrorMap(IReadOnlyList<EntryError> errors) =>
        errors.GroupBy(e => $"values.{e.FieldId}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var forms = secured.MapGroup("/forms").WithTags("一表通");

        forms.MapGet("/sources", Sources)
            .RequireAuthorization(Permissions.FormsRegistryRead).WithSummary("可绑定的平台数据来源（自动填写的指标）及其口径");
        forms.MapGet("", List)
            .RequireAuthorization(Permissions.FormsRegistryRead)
            .WithSummary("报表登记（县直部门看本部门的全部报表和其他部门已报送的报表；协调办、组织部看全部）");
        forms.MapPost("", Create)
            .AddEndpointFilter<Validate<CreateForm>>().RequireAuthorization(Permissions.FormsDesign).WithSummary("新建报表（草稿）");
        forms.MapGet("/{id:long}", Get)
            .RequireAuthorization(Permissions.FormsRegistryRead).WithSummary("报表详情：指标、准入情况、重复指标提示");
        forms.MapPut("/{id:long}", Update)
            .AddEndpointFilter<Validate<UpdateForm>>().RequireAuthorization(Permissions.FormsDesign).WithSummary("修改报表名称和填报说明（仅草稿）");
        forms.MapDelete("/{id:long}", Delete)
            .RequireAuthorization(Permissions.FormsDesign).WithSummary("删除报表草稿");
        forms.MapPost("/{id:long}/fields", AddField)
            .AddEndpointFilter<Validate<SaveField>>().RequireAuthorization(Permissions.FormsDesign).WithSummary("添加指标（返回的详情含重复指标提示）");
        forms.MapPut("/{id:long}/fields/{fieldId:long}", UpdateField)
            .AddEndpointFilter<Validate<SaveField>>().RequireAuthorization(Permissions.FormsDesign).WithSummary("修改指标");
        forms.MapDelete("/{id:long}/fields/{fieldId:long}", RemoveField)
            .RequireAuthorization(Permissions.FormsDesign).WithSummary("删除指标");
        forms.MapPost("/{id:long}/fields/{fieldId:long}/move", MoveField)
            .RequireAuthorization(Permissions.FormsDesign).WithSummary("调整指标顺序（step=-1 上移，1 下移）");
        forms.MapPost("/{id:long}/publish", Publish)
            .AddEndpointFilter<Validate<PublishForm>>().RequireAuthorization(Permissions.FormsDesign)
            .WithSummary("下发报表：作为任务报送准入（属清单事项即准入下发，属负面清单即拒绝，其余报县减负协调办审批）；准入后各村才收到报表");
        forms.MapGet("/requests/{requestId:long}", ForRequest)
            .RequireAuthorization(Permissions.FormsRegistryRead).WithSummary("某准入申请对应的报表及重复指标提示（准入审批时查看）");
        forms.MapPost("/requests/{requestId:long}/refuse-duplicate", RefuseDuplicate)
            .AddEndpointFilter<Validate<RefuseDuplicateForm>>().RequireAuthorization(Permissions.TaskRequestsDecide)
            .WithSummary("县减负协调办以与另一报表重复为由驳回待审批的报表（理由写明重复的报表和指标）");

        forms.MapGet("/{id:long}/submissions", Submissions)
            .RequireAuthorization(Permissions.FormsSubmissionsRead).WithSummary("各村填报情况（乡镇看所辖各村）");
        forms.MapGet("/{id:long}/export", Export)
            .RequireAuthorization(Permissions.FormsSubmissionsRead).WithSummary("导出 Excel：每村一行，按报表指标顺序分列，表头含单位");

        forms.MapGet("/inbox", Inbox)
            .RequireAuthorization(Permissions.FormsInboxRead).WithSummary("下发到本村（乡镇：所辖各村）的报表");
        forms.MapGet("/{id:long}/villages/{village}", Fill)
            .RequireAuthorization(Permissions.FormsSubmissionRead).WithSummary("某村的报表：自动填写的指标（注明来源）与手工填写的指标");
        forms.MapPut("/{id:long}/villages/{village}", SaveEntries)
            .AddEndpointFilter<Validate<SaveEntries>>().RequireAuthorization(Permissions.FormsFill)
            .WithSummary("村里填报：暂存（submit=false）或提交（submit=true，自动填写的数值按提交时刻保存）");
        forms.MapGet("/counts", Counts)
            .RequireAuthorization(Permissions.FormsCountsRead).WithSummary("某村某月收到的报表数、手工填写与自动填写的指标数（负担监测）");
    }

    private static ProblemHttpResult VillageNotFound => CunzhiApi.NotFound(FormAccess.VillageNotFoundMessage);

    public static Ok<IReadOnlyList<BindableSource>> Sources() => TypedResults.Ok(BindableSources.All);

    public static async Task<Ok<Paged<FormSummary>>> List(FormStatus? status, string? q, int? page, int? pageSize, FormReads h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new FormFilter(status, q), new PageRequest(page, pageSize), ct));

    public static async Task<Created<FormDetail>> Create(CreateForm command, FormDesign h, CancellationToken ct)
    {
        var d = await h.CreateAsync(command, ct);
        return TypedResults.Created($"/api/v1/forms/{d.Summary.Id}", d);
    }

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> Get(long id, FormReads h, CancellationToken ct) => OkOr404(await h.GetAsync(id, ct));

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> Update(long id, UpdateForm command, FormDesign h, CancellationToken ct) =>
        OkOr404(await h.UpdateAsync(id, command, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, FormDesign h, CancellationToken ct) =>
        await h.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound();

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> AddField(long id, SaveField command, FormDesign h, CancellationToken ct) =>
        OkOr404(await h.SaveFieldAsync(id, null, command, ct));

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> UpdateField(long id, long fieldId, SaveField command, FormDesign h, CancellationToken ct) =>
        OkOr404(await h.SaveFieldAsync(id, fieldId, command, ct));

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> RemoveField(long id, long fieldId, FormDesign h, CancellationToken ct) =>
        OkOr404(await h.RemoveFieldAsync(id, fieldId, ct));

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> MoveField(long id, long fieldId, int step, FormDesign h, CancellationToken ct) =>
        OkOr404(await h.MoveFieldAsync(id, fieldId, step, ct));

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> Publish(long id, PublishForm command, FormDesign h, CancellationToken ct) =>
        OkOr404(await h.PublishAsync(id, command, TaskChannel.Api, ct));

    public static async Task<Results<Ok<FormDetail>, ProblemHttpResult>> ForRequest(long requestId, FormReads h, CancellationToken ct) =>
        OkOr404(await h.ForRequestAsync(requestId, ct));

    public static async Task<Results<Ok<TaskRequestView>, ProblemHttpResult>> RefuseDuplicate(long requestId, RefuseDuplicateForm command, FormGate h,
        CancellationToken ct) =>
        await h.RefuseDuplicateAsync(requestId, command, ct) is { } r ? TypedResults.Ok(r) : CunzhiApi.NotFound("未找到该申请对应的报表");

    public static async Task<Results<Ok<SubmissionPage>, ProblemHttpResult>> Submissions(long id, SubmissionStatus? status, bool? unfilled, int? page, int? pageSize,
        FormSubmissions h, CancellationToken ct) =>
        await h.SubmissionsAsync(id, new SubmissionFilter(status, unfilled), new PageRequest(page, pageSize), ct) is { } p ? TypedResults.Ok(p) : NotFound();

    public static async Task<Results<XlsxDownload, ProblemHttpResult>> Export(long id, FormSubmissions h, TimeProvider clock, CancellationToken ct) =>
        await h.ExportDataAsync(id, ct) is { } d ? FormExport.Build(d, clock) : NotFound();

    public static async Task<Ok<Paged<InboxRow>>> Inbox(SubmissionStatus? status, bool? unfilled, int? page, int? pageSize, FormFilling h, CancellationToken ct) =>
        TypedResults.Ok(await h.InboxAsync(status, unfilled == true, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<FillView>, ProblemHttpResult>> Fill(long id, string village, FormFilling h, CancellationToken ct) =>
        await h.FillAsync(id, village, ct) is { } v ? TypedResults.Ok(v) : VillageNotFound;

    public static async Task<Results<Ok<FillView>, ValidationProblem, ProblemHttpResult>> SaveEntries(long id, string village, SaveEntries command, FormFilling h,
        CancellationToken ct) =>
        await h.SaveAsync(id, village, command, ct) switch
        {
            null => VillageNotFound,
            { View: { } v } => TypedResults.Ok(v),
            var r => TypedResults.ValidationProblem(ErrorMap(r.Errors), title: "提交的数据有误"),
        };

    public static async Task<Ok<FormFieldCounts>> Counts(string village, DateOnly? month, FormSubmissions h, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await h.FieldCountsAsync(village.Trim(), month ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct));
}
