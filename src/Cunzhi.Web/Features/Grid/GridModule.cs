using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Grid;

/// <summary>
/// 一网三联 — the net: grids and their members, 干部联村组, 党员联农户, coverage and the county's range setting, with Excel
/// import and export of the links; <c>/api/v1/grid</c>.
/// </summary>
public sealed class GridModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GridSettings>();
        services.AddScoped<NetLinking>();
        services.AddScoped<CoverageQueries>();
        services.AddScoped<VillageNet>();
        services.AddScoped<NetHistory>();
        services.AddScoped<NetLinkExport>();
        services.AddImporter<NetLinkImporter, NetLinkImportRow>(NetLinkImporter.Kind, NetLinkImporter.Title, NetLinkImporter.Columns);
    }

    public void MapEndpoints(ApiRoutes routes)
    {
        var g = routes.Secured.MapGroup("/grid").WithTags("一网三联");

        g.MapGet("/settings", Settings)
            .WithETag().RequireAuthorization(Permissions.GridRead)
            .WithSummary("本县一网三联设置：每名党员联系户数范围（默认 5–15；version 与 ETag 为数据版本，未保存过时为 0）");
        g.MapPut("/settings", SaveSettings)
            .AddEndpointFilter<Validate<SaveGridPolicy>>().RequireVersion().RequireAuthorization(Permissions.GridSettingsEdit)
            .WithSummary("修改本县一网三联设置（须带读取时的 version 或 If-Match，未保存过时为 0）");

        g.MapGet("/coverage", Coverage)
            .RequireAuthorization(Permissions.GridRead)
            .WithSummary("覆盖情况：无联系干部的村民小组、无联户党员的农户、联系户数超出或不足范围的党员；县、乡镇按下级逐行列出，村列出明细");

        var villages = g.MapGroup("/villages/{code}").RequireAuthorization(Permissions.GridRead);
        villages.MapGet("/net", Net)
            .WithSummary("村的网格树：网格（网格员）→ 村民小组（联系干部、已联户数）");
        villages.MapGet("/households", Households)
            .WithSummary("村内某村民小组（group，空为未分组）的农户及其联户党员，分页");
        villages.MapGet("/cadre-links", CadreLinks)
            .WithSummary("干部联村组记录（current=true 只看现行；否则含历史）");
        villages.MapGet("/member-links", MemberLinks)
            .WithSummary("党员联农户记录（current=true 只看现行；否则含历史）");

        var manage = g.MapGroup("").RequireAuthorization(Permissions.GridManage);
        manage.MapPost("/cadre-links", LinkCadre)
            .AddEndpointFilter<Validate<LinkCadre>>().WithSummary("安排村民小组的联系干部（同村在任干部；每组现行只能有一名）");
        manage.MapPut("/cadre-links/{id:long}", EndCadreLink)
            .AddEndpointFilter<Validate<EndLink>>().RequireVersion().WithSummary("结束干部联村组（填写结束日期；保留历史）");
        manage.MapPost("/member-links", LinkMember)
            .AddEndpointFilter<Validate<LinkMember>>().WithSummary("安排农户的联户党员（同村党员；每户现行只能有一名；不超过县定上限）");
        manage.MapPut("/member-links/{id:long}", EndMemberLink)
            .AddEndpointFilter<Validate<EndLink>>().RequireVersion().WithSummary("结束党员联农户（填写结束日期；保留历史）");
        manage.MapPost("/grid-members", AssignGridMember)
            .AddEndpointFilter<Validate<AssignGridMember>>().WithSummary("任命网格员（本村在任干部或村民，二者选一；每个网格现行只能有一名）");
        manage.MapPut("/grid-members/{id:long}", EndGridMember)
            .AddEndpointFilter<Validate<EndLink>>().RequireVersion().WithSummary("结束网格员任职");
        manage.MapPut("/groups/{code}/grid", PlaceGroup)
            .AddEndpointFilter<Validate<PlaceGroup>>().RequireVersion().WithSummary("把村民小组划入本村某网格（未划入时 version 为 0）");

        manage.MapGet("/links/export", Export)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("导出村或乡镇现行的干部联村组、党员联农户 .xlsx（列同导入模板）");
        manage.MapGet("/links/import/template", Template)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary("联系名单导入模板（含填写说明）");
        manage.MapPost("/links/import", Import)
            .Accepts<IFormFile>("multipart/form-data").Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .WithSummary("导入干部联村组、党员联农户：任何一行有误则一条不写，列出每行的错误");
    }

    private const string RegionNotFound = "未找到该区划，或其不在您的管辖范围内";

    private static Results<Ok<T>, ProblemHttpResult> OkOr404<T>(T? value, string message) where T : class =>
        value is null ? CunzhiApi.NotFound(message) : TypedResults.Ok(value);

    public static async Task<Ok<GridPolicyView>> Settings(GridSettings h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(ct));

    public static async Task<Ok<GridPolicyView>> SaveSettings(SaveGridPolicy command, GridSettings h, CancellationToken ct) => TypedResults.Ok(await h.SaveAsync(command, ct));

    public static async Task<Results<Ok<CoverageReport>, ProblemHttpResult>> Coverage(string? region, int? page, int? pageSize, CoverageQueries h, CancellationToken ct) =>
        OkOr404(await h.ReportAsync(region, new PageRequest(page, pageSize), ct), RegionNotFound);

    public static async Task<Results<Ok<VillageNetView>, ProblemHttpResult>> Net(string code, VillageNet h, CancellationToken ct) =>
        OkOr404(await h.GetAsync(code, ct), RegionNotFound);

    public static async Task<Results<Ok<Paged<HouseholdNode>>, ProblemHttpResult>> Households(string code, string? group, int? page, int? pageSize, VillageNet h,
        CancellationToken ct) =>
        OkOr404(await h.HouseholdsAsync(code, group, new PageRequest(page, pageSize), ct), RegionNotFound);

    public static async Task<Results<Ok<Paged<CadreLinkView>>, ProblemHttpResult>> CadreLinks(string code, bool? current, int? page, int? pageSize, NetLinking h,
        CancellationToken ct) =>
        OkOr404(await h.CadreLinksOfAsync(code, current == true, new PageRequest(page, pageSize), ct), RegionNotFound);

    public static async Task<Results<Ok<Paged<MemberLinkView>>, ProblemHttpResult>> MemberLinks(string code, bool? current, int? page, int? pageSize, NetLinking h,
        CancellationToken ct) =>
        OkOr404(await h.MemberLinksOfAsync(code, current == true, new PageRequest(page, pageSize), ct), RegionNotFound);

    public static async Task<Results<Created<CadreLinkView>, ProblemHttpResult>> LinkCadre(LinkCadre command, NetLinking h, CancellationToken ct) =>
        await h.LinkCadreAsync(command, ct) is { } l ? TypedResults.Created($"/api/v1/grid/cadre-links/{l.Id}", l) : CunzhiApi.NotFound(NetLinking.GroupNotFound);

    public static async Task<Results<Ok<CadreLinkView>, ProblemHttpResult>> EndCadreLink(long id, EndLink command, NetLinking h, CancellationToken ct) =>
        OkOr404(await h.EndCadreLinkAsync(id, command, ct), NetLinking.LinkNotFound);

    public static async Task<Results<Created<MemberLinkView>, ProblemHttpResult>> LinkMember(LinkMember command, NetLinking h, CancellationToken ct) =>
        await h.LinkMemberAsync(command, ct) is { } l ? TypedResults.Created($"/api/v1/grid/member-links/{l.Id}", l) : CunzhiApi.NotFound(NetLinking.HouseholdNotFound);

    public static async Task<Results<Ok<MemberLinkView>, ProblemHttpResult>> EndMemberLink(long id, EndLink command, NetLinking h, CancellationToken ct) =>
        OkOr404(await h.EndMemberLinkAsync(id, command, ct), NetLinking.LinkNotFound);

    public static async Task<Results<Created<GridMemberView>, ProblemHttpResult>> AssignGridMember(AssignGridMember command, NetLinking h, CancellationToken ct) =>
        await h.AssignGridMemberAsync(command, ct) is { } m ? TypedResults.Created($"/api/v1/grid/grid-members/{m.Id}", m) : CunzhiApi.NotFound(NetLinking.GridNotFound);

    public static async Task<Results<Ok<GridMemberView>, ProblemHttpResult>> EndGridMember(long id, EndLink command, NetLinking h, CancellationToken ct) =>
        OkOr404(await h.EndGridMemberAsync(id, command, ct), NetLinking.LinkNotFound);

    public static async Task<Results<Ok<GridGroupView>, ProblemHttpResult>> PlaceGroup(string code, PlaceGroup command, NetLinking h, CancellationToken ct) =>
        OkOr404(await h.PlaceGroupAsync(code, command, ct), NetLinking.GroupNotFound);

    public static async Task<IResult> Export(string? region, NetLinkExport export, CancellationToken ct) =>
        await export.ExportAsync(region, ct) is { } file ? file : CunzhiApi.NotFound(RegionNotFound);

    public static XlsxDownload Template(IEnumerable<ImportKind> kinds)
    {
        var kind = kinds.Single(k => k.Name == NetLinkImporter.Kind);
        return new XlsxDownload(kind.TemplateFileName, kind.WriteTemplateAsync);
    }

    public static Task<IResult> Import(HttpRequest request, IEnumerable<ImportKind> kinds, ImportJobs jobs, CancellationToken ct) =>
        ImportUploads.AcceptAsync(request, kinds.Single(k => k.Name == NetLinkImporter.Kind), jobs, ct);
}
