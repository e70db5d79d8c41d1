using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Powers;

/// <summary>小微权力清单 (the county's versioned list) and 小微权力运行 (exercises step by step) under <c>/api/v1/powers</c>.</summary>
public sealed class PowersModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PowerListHandlers>();
        services.AddScoped<PowerExerciseHandlers>();
        services.AddScoped<PublicPowersQuery>();
        services.AddScoped<PowerStepFiles>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var p = routes.Secured.MapGroup("/powers").WithTags("小微权力");
        p.MapGet("", Exercises).RequireAuthorization(Permissions.PowersRead)
            .WithSummary("权力运行记录（开始日期新到旧；state（InProgress/Done/Rejected）、overdue=true（下一步已超过时限）、village 筛选；分页）");
        p.MapPost("", Start).AddEndpointFilter<Validate<StartPowerExercise>>().RequireAuthorization(Permissions.PowersRecord)
            .WithSummary("村登记一次权力运行：现行清单中的事项编号、事项标题、申请人或对象（可空）、开始日期（不晚于今天）");
        p.MapGet("/{id:long}", Exercise).WithETag().RequireAuthorization(Permissions.PowersRead)
            .WithSummary("某次权力运行：逐步的办理情况、时限和逾期（version 与 ETag）");
        p.MapPost("/{id:long}/steps", RecordStep).AddEndpointFilter<Validate<RecordPowerStep>>().RequireVersion().RequireAuthorization(Permissions.PowersRecord)
            .WithSummary("记录下一步：步骤号、办理日期、办理人（默认为清单的办理主体）、办理结果、是否未通过（未通过则终止）、附件说明；须按顺序、每步一次；清单规定由乡镇办理的步骤由乡镇记录，其余由村记录；须带 version");
        p.MapPost("/{id:long}/steps/{step:int}/files", AttachFiles).DisableAntiforgery().Accepts<IFormCollection>("multipart/form-data")
            .RequireAuthorization(Permissions.PowersRecord)
            .WithSummary("为已记录的一步上传附件（multipart：files 为 PDF、xlsx、jpg、png，各不超过 10 MB，每步最多 10 个；含图片时须 imagesHaveNoPersonalData=true）。"
                + "PDF/Excel 中的完整身份证号、手机号、银行卡号一律拒绝并指出位置；由记录该步的一级（村或乡镇）上传；附件不在公开网站上显示");
        p.MapGet("/{id:long}/files/{fileId:long}", File).RequireAuthorization(Permissions.PowersRead).WithSummary("下载权力运行的附件");
        PowerListHandlers.MapEndpoints<PowerListHandlers>(p, "/list", new(Permissions.PowersRead, Permissions.PowersSettingsEdit,
            OverviewSummary: "小微权力清单：现行版本（未发布时为默认清单）、默认清单、草稿与全部版本（rowVersion 与 ETag 为草稿的数据版本，无草稿时为 0）",
            DraftSummary: "保存清单草稿（全部事项及其按顺序的步骤、办理主体、时限（工作日）和生效日期；须带 rowVersion 或 If-Match，无草稿时为 0）",
            PublishSummary: "发布清单草稿（自生效日期起登记的权力运行按此清单办理，已开始的仍按原版本）"));
    }

    public static async Task<Ok<Paged<PowerExerciseRow>>> Exercises(PowerExerciseState? state, bool? overdue, string? village, int? page, int? pageSize,
        PowerExerciseHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(state, overdue ?? false, village, new PageRequest(page, pageSize), ct));

    public static async Task<Created<PowerExerciseView>> Start(StartPowerExercise command, PowerExerciseHandlers h, CancellationToken ct)
    {
        var e = await h.StartAsync(command, ct);
        return TypedResults.Created($"/api/v1/powers/{e.Id}", e);
    }

    public static async Task<Results<Ok<PowerExerciseView>, ProblemHttpResult>> Exercise(long id, PowerExerciseHandlers h, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } e ? TypedResults.Ok(e) : CunzhiApi.NotFound(PowerExerciseHandlers.NotFound);

    public static async Task<Results<Ok<PowerExerciseView>, ProblemHttpResult>> AttachFiles(long id, int step, IFormCollection form, PowerStepFiles h, CancellationToken ct) =>
        await h.AttachAsync(id, step, AttachPowerStepFiles.FromForm(form), ct) is { } e ? TypedResults.Ok(e) : CunzhiApi.NotFound(PowerExerciseHandlers.NotFound);

    public static async Task<IResult> File(long id, long fileId, PowerStepFiles h, EvidenceStore store, CancellationToken ct) =>
        await h.FileAsync(id, fileId, ct) is { } a && store.Open(a.StoredName) is { } stream
            ? TypedResults.File(stream, a.ContentType, a.FileName)
            : CunzhiApi.NotFound(PowerStepFiles.FileNotFound);

    public static async Task<Results<Ok<PowerExerciseView>, ProblemHttpResult>> RecordStep(long id, RecordPowerStep command, PowerExerciseHandlers h, CancellationToken ct) =>
        await h.RecordAsync(id, command, ct) is { } e ? TypedResults.Ok(e) : CunzhiApi.NotFound(PowerExerciseHandlers.NotFound);
}
