using System.Security.Claims;
using Cunzhi.Domain.Cadres;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Cadres.Import;
using Cunzhi.Web.Features.Households;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Features.Reserves;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Imports;

/// <summary>Excel import and export: the importers, the job queue, and their <c>/api/v1</c> endpoints.</summary>
public sealed class ImportsModule : IFeatureModule
{
    private const string ImportSummary = "上传 .xlsx（multipart 字段 file）开始导入，返回 202 和任务；任务在后台校验全部行，全部正确才在一个事务中写入，有错误则一条不写";

    public void AddServices(IServiceCollection services)
    {
        services.AddImportJobs();
        services.AddImporter<CadreImporter, CadreImportRow>(CadreImporter.Kind, CadreImporter.Title, CadreImporter.Columns);
        services.AddImporter<HouseholdImporter, HouseholdImportRow>(HouseholdImporter.Kind, HouseholdImporter.Title, HouseholdImporter.Columns);
        services.AddScoped<CadreExport>();
        services.AddImporter<ReserveImporter, ReserveImportRow>(ReserveImporter.Kind, ReserveImporter.Title, ReserveImporter.Columns);
        services.AddScoped<HouseholdExport>();
        services.AddScoped<ReserveExport>();
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;

        var cadres = secured.MapGroup("/cadres").WithTags("村干部档案");
        cadres.MapGet("/export", ExportCadres)
            .RequireAuthorization(Permissions.CadresRead)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("导出干部名册 .xlsx（筛选同名册；证件号和手机号为掩码，full=true 需授权且记入操作日志；按身份证号筛选请用 POST）");
        cadres.MapPost("/export", ExportCadresByPost)
            .RequireAuthorization(Permissions.CadresRead)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("导出干部名册 .xlsx（同 GET；q 可为完整身份证号，号码不进网址）");
        cadres.MapGet("/import/template", CadreTemplate)
            .RequireAuthorization(Permissions.CadresEdit)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("村干部导入模板（含填写说明）");
        cadres.MapPost("/import", ImportCadres)
            .RequireAuthorization(Permissions.CadresEdit)
            .Accepts<IFormFile>("multipart/form-data").Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .WithSummary("导入村干部：" + ImportSummary);

        var households = secured.MapGroup("/households").WithTags("农户");
        households.MapGet("/import/template", HouseholdTemplate)
            .RequireAuthorization(Permissions.RegionsEdit)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("农户导入模板（含填写说明）");
        households.MapPost("/import", ImportHouseholds)
            .RequireAuthorization(Permissions.RegionsEdit)
            .Accepts<IFormFile>("multipart/form-data").Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .WithSummary("导入农户：" + ImportSummary);
        secured.MapGet("/regions/{code}/households/export", ExportHouseholds)
            .WithTags("农户").RequireAuthorization(Permissions.HouseholdsRead)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("导出村内农户 .xlsx（列同导入模板）");

        var reserves = secured.MapGroup("/reserves").WithTags("后备干部");
        reserves.MapGet("/import/template", ReserveTemplate)
            .RequireAuthorization(Permissions.ReservesEdit)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("后备干部导入模板（含填写说明）");
        reserves.MapPost("/import", ImportReserves)
            .RequireAuthorization(Permissions.ReservesEdit)
            .Accepts<IFormFile>("multipart/form-data").Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .WithSummary("导入后备干部（入村或乡镇后备干部库）：" + ImportSummary);
        reserves.MapGet("/export", ExportReserves)
            .RequireAuthorization(Permissions.ReservesRead)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("导出后备干部名册 .xlsx（筛选同名单；列同导入模板，另加状态）");

        var imports = secured.MapGroup("/imports").WithTags("导入任务");
        imports.MapGet("/{id}", Job)
            .WithSummary("导入任务的状态、进度和错误（只有发起导入的账号可见；错误多于 1000 处时只列前 1000 处，完整清单见 errorsUrl）");
        imports.MapGet("/{id}/errors", JobErrors)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("导入任务的完整错误清单 .xlsx（行号、列、问题）");
    }

    private static ImportKind KindOf(IEnumerable<ImportKind> kinds, string name) => kinds.Single(k => k.Name == name);

    private static XlsxDownload TemplateOf(IEnumerable<ImportKind> kinds, string name)
    {
        var kind = KindOf(kinds, name);
        return new XlsxDownload(kind.TemplateFileName, kind.WriteTemplateAsync);
    }

    public static Task<IResult> ExportCadres(string? region, CadreStatus? status, string? post, string? q, bool? full, CadreExport export, RegionHandlers regions,
        IAuthorizationService authorization, ClaimsPrincipal user, CancellationToken ct) =>
        CadreSearch.LooksLikeNationalId(q)
            ? Task.FromResult<IResult>(TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求有误", detail: CadreSearch.UsePostMessage))
            : ExportCadresAsync(region, status, post, q, full, export, regions, authorization, user, ct);

    public static Task<IResult> ExportCadresByPost(CadreExportRequest r, CadreExport export, RegionHandlers regions, IAuthorizationService authorization, ClaimsPrincipal user,
        CancellationToken ct) =>
        ExportCadresAsync(r.Region, r.Status, r.Post, r.Q, r.Full, export, regions, authorization, user, ct);

    private static async Task<IResult> ExportCadresAsync(string? region, CadreStatus? status, string? post, string? q, bool? full, CadreExport export, RegionHandlers regions,
        IAuthorizationService authorization, ClaimsPrincipal user, CancellationToken ct)
    {
        if (full == true && !(await authorization.AuthorizeAsync(user, PersonalDataGrant.RevealPolicy)).Succeeded)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问", detail: "导出完整证件号需要查看个人信息的授权");
        var scope = string.IsNullOrWhiteSpace(region) ? await regions.RootAsync(ct) : await regions.GetAsync(region, ct);
        if (scope is null)
            return CunzhiApi.NotFound(RegionHandlers.NotFoundMessage);
        return (IResult)await export.ExportAsync(new CadreFilter(scope.Code, status, post, q), scope, full == true, ct);
    }

    public static XlsxDownload CadreTemplate(IEnumerable<ImportKind> kinds) => TemplateOf(kinds, CadreImporter.Kind);

    public static Task<IResult> ImportCadres(HttpRequest request, IEnumerable<ImportKind> kinds, ImportJobs jobs, CancellationToken ct) =>
        ImportUploads.AcceptAsync(request, KindOf(kinds, CadreImporter.Kind), jobs, ct);

    public static XlsxDownload HouseholdTemplate(IEnumerable<ImportKind> kinds) => TemplateOf(kinds, HouseholdImporter.Kind);

    public static Task<IResult> ImportHouseholds(HttpRequest request, IEnumerable<ImportKind> kinds, ImportJobs jobs, CancellationToken ct) =>
        ImportUploads.AcceptAsync(request, KindOf(kinds, HouseholdImporter.Kind), jobs, ct);

    public static async Task<IResult> ExportHouseholds(string code, HouseholdExport export, CancellationToken ct) =>
        await export.ExportAsync(code, ct) is { } file ? file : CunzhiApi.NotFound(RegionHandlers.NotFoundMessage);

    public static XlsxDownload ReserveTemplate(IEnumerable<ImportKind> kinds) => TemplateOf(kinds, ReserveImporter.Kind);

    public static Task<IResult> ImportReserves(HttpRequest request, IEnumerable<ImportKind> kinds, ImportJobs jobs, CancellationToken ct) =>
        ImportUploads.AcceptAsync(request, KindOf(kinds, ReserveImporter.Kind), jobs, ct);

    public static async Task<IResult> ExportReserves(string? code, ReserveStatus? status, ReserveSource? source, string? q, ReserveExport export, RegionHandlers regions,
        CancellationToken ct)
    {
        var scope = string.IsNullOrWhiteSpace(code) ? await regions.RootAsync(ct) : await regions.GetAsync(code, ct);
        if (scope is null)
            return CunzhiApi.NotFound(ReserveHandlers.RegionNotFoundMessage);
        return await export.ExportAsync(new ReserveFilter(scope.Code, status, source, q), scope, ct);
    }

    public static Results<Ok<ImportJobView>, ProblemHttpResult> Job(string id, ImportJobs jobs, IEnumerable<ImportKind> kinds, ClaimsPrincipal user) =>
        jobs.Find(id, user.FindFirstValue(ClaimTypes.NameIdentifier))?.Snapshot() is { } s
            ? TypedResults.Ok(ImportJobView.Of(s, KindOf(kinds, s.Kind).Title, $"/api/v1/imports/{s.Id}/errors"))
            : CunzhiApi.NotFound(NotFoundMessage);

    public static IResult JobErrors(string id, ImportJobs jobs, ClaimsPrincipal user) =>
        jobs.Find(id, user.FindFirstValue(ClaimTypes.NameIdentifier))?.Snapshot() is { Errors.Count: > 0 } s
            ? ImportJobView.ErrorList(s)
            : CunzhiApi.NotFound(NotFoundMessage);

    public const string NotFoundMessage = "未找到该导入任务，或它不是由您发起的";
}
