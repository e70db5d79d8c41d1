using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Forms;

/// <summary>Registration and <c>/api/v1/forms</c> endpoints of 一表通.</summary>
public sealed class FormsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<FormSources>();
        services.AddScoped<FormHandlers>();
    }

    private static string[] R(string roles) => roles.Split(',');

    private static ProblemHttpResult NotFound() => CunzhiApi.NotFound(FormHandlers.NotFoundMessage);

    private static Results<Ok<FormDetail>, ProblemHttpResult> OkOr404(FormDetail? d) => d is null ? NotFound() : TypedResults.Ok(d);

    /// <summary>Field errors keyed <c>values.{fieldId}</c>, as the page and the API both show them.</summary>
    public static Dictionary<string, string[]> ErrorMap(IReadOnlyList<EntryError> errors) =>
        errors.GroupBy(e => $"values.{e.FieldId}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var forms = secured.MapGroup("/forms").WithTags("一表通");
        var designers = R(FormHandlers.Designers);

        forms.MapGet("/sources", () => TypedResults.Ok(BindableSources.All))
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.RegistryReaders))).WithSummary("可绑定的平台数据来源（自动填写的指标）及其口径");
        forms.MapGet("", async (FormStatus? status, string? q, int? page, int? pageSize, FormHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(new FormFilter(status, q), new PageRequest(page, pageSize), ct)))
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.RegistryReaders)))
            .WithSummary("报表登记（县直部门看本部门的全部报表和其他部门已报送的报表；协调办、组织部看全部）");
        forms.MapPost("", async (CreateForm command, FormHandlers h, CancellationToken ct) =>
            {
                var d = await h.CreateAsync(command, ct);
                return TypedResults.Created($"/api/v1/forms/{d.Summary.Id}", d);
            })
            .AddEndpointFilter<Validate<CreateForm>>().RequireAuthorization(p => p.RequireRole(designers)).WithSummary("新建报表（草稿）");
        forms.MapGet("/{id:long}", async (long id, FormHandlers h, CancellationToken ct) => OkOr404(await h.GetAsync(id, ct)))
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.RegistryReaders))).WithSummary("报表详情：指标、准入情况、重复指标提示");
        forms.MapPut("/{id:long}", async (long id, UpdateForm command, FormHandlers h, CancellationToken ct) => OkOr404(await h.UpdateAsync(id, command, ct)))
            .AddEndpointFilter<Validate<UpdateForm>>().RequireAuthorization(p => p.RequireRole(designers)).WithSummary("修改报表名称和填报说明（仅草稿）");
        forms.MapDelete("/{id:long}", async (long id, FormHandlers h, CancellationToken ct) =>
                await h.DeleteAsync(id, ct) ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent() : NotFound())
            .RequireAuthorization(p => p.RequireRole(designers)).WithSummary("删除报表草稿");
        forms.MapPost("/{id:long}/fields", async (long id, SaveField command, FormHandlers h, CancellationToken ct) => OkOr404(await h.SaveFieldAsync(id, null, command, ct)))
            .AddEndpointFilter<Validate<SaveField>>().RequireAuthorization(p => p.RequireRole(designers)).WithSummary("添加指标（返回的详情含重复指标提示）");
        forms.MapPut("/{id:long}/fields/{fieldId:long}", async (long id, long fieldId, SaveField command, FormHandlers h, CancellationToken ct) =>
                OkOr404(await h.SaveFieldAsync(id, fieldId, command, ct)))
            .AddEndpointFilter<Validate<SaveField>>().RequireAuthorization(p => p.RequireRole(designers)).WithSummary("修改指标");
        forms.MapDelete("/{id:long}/fields/{fieldId:long}", async (long id, long fieldId, FormHandlers h, CancellationToken ct) => OkOr404(await h.RemoveFieldAsync(id, fieldId, ct)))
            .RequireAuthorization(p => p.RequireRole(designers)).WithSummary("删除指标");
        forms.MapPost("/{id:long}/fields/{fieldId:long}/move", async (long id, long fieldId, int step, FormHandlers h, CancellationToken ct) =>
                OkOr404(await h.MoveFieldAsync(id, fieldId, step, ct)))
            .RequireAuthorization(p => p.RequireRole(designers)).WithSummary("调整指标顺序（step=-1 上移，1 下移）");
        forms.MapPost("/{id:long}/publish", async (long id, PublishForm command, FormHandlers h, CancellationToken ct) => OkOr404(await h.PublishAsync(id, command, TaskChannel.Api, ct)))
            .AddEndpointFilter<Validate<PublishForm>>().RequireAuthorization(p => p.RequireRole(designers))
            .WithSummary("下发报表：作为任务报送准入（属清单事项即准入下发，属负面清单即拒绝，其余报县减负协调办审批）；准入后各村才收到报表");
        forms.MapGet("/requests/{requestId:long}", async (long requestId, FormHandlers h, CancellationToken ct) => OkOr404(await h.ForRequestAsync(requestId, ct)))
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.RegistryReaders))).WithSummary("某准入申请对应的报表及重复指标提示（准入审批时查看）");

        forms.MapGet("/{id:long}/submissions", async (long id, SubmissionStatus? status, bool? unfilled, int? page, int? pageSize, FormHandlers h, CancellationToken ct) =>
                await h.SubmissionsAsync(id, new SubmissionFilter(status, unfilled), new PageRequest(page, pageSize), ct) is { } p
                    ? (Results<Ok<SubmissionPage>, ProblemHttpResult>)TypedResults.Ok(p) : NotFound())
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.SubmissionReaders))).WithSummary("各村填报情况（乡镇看所辖各村）");
        forms.MapGet("/{id:long}/export", async (long id, FormHandlers h, TimeProvider clock, CancellationToken ct) =>
                await h.ExportDataAsync(id, ct) is { } d ? (Results<XlsxDownload, ProblemHttpResult>)FormExport.Build(d, clock) : NotFound())
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.SubmissionReaders))).WithSummary("导出 Excel：每村一行，按报表指标顺序分列，表头含单位");

        forms.MapGet("/inbox", async (SubmissionStatus? status, bool? unfilled, int? page, int? pageSize, FormHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.InboxAsync(status, unfilled == true, new PageRequest(page, pageSize), ct)))
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.InboxReaders))).WithSummary("下发到本村（乡镇：所辖各村）的报表");
        forms.MapGet("/{id:long}/villages/{village}", async (long id, string village, FormHandlers h, CancellationToken ct) =>
                await h.FillAsync(id, village, ct) is { } v ? (Results<Ok<FillView>, ProblemHttpResult>)TypedResults.Ok(v) : CunzhiApi.NotFound(FormHandlers.VillageNotFoundMessage))
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.FillReaders))).WithSummary("某村的报表：自动填写的指标（注明来源）与手工填写的指标");
        forms.MapPut("/{id:long}/villages/{village}", async (long id, string village, SaveEntries command, FormHandlers h, CancellationToken ct) =>
                await h.SaveAsync(id, village, command, ct) switch
                {
                    null => (Results<Ok<FillView>, ValidationProblem, ProblemHttpResult>)CunzhiApi.NotFound(FormHandlers.VillageNotFoundMessage),
                    { View: { } v } => TypedResults.Ok(v),
                    var r => TypedResults.ValidationProblem(ErrorMap(r.Errors), title: "提交的数据有误"),
                })
            .AddEndpointFilter<Validate<SaveEntries>>().RequireAuthorization(p => p.RequireRole(R(FormHandlers.Fillers)))
            .WithSummary("村里填报：暂存（submit=false）或提交（submit=true，自动填写的数值按提交时刻保存）");
        forms.MapGet("/counts", async (string village, DateOnly? month, FormHandlers h, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await h.FieldCountsAsync(village.Trim(), month ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct)))
            .RequireAuthorization(p => p.RequireRole(R(FormHandlers.CountReaders))).WithSummary("某村某月收到的报表数、手工填写与自动填写的指标数（负担监测）");
    }
}
