using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Cadres;

public sealed class CadresModule : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<CadreHandlers>();

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var cadres = secured.MapGroup("/cadres").WithTags("村干部档案").RequireAuthorization(Permissions.CadresRead);

        cadres.MapGet("", List)
            .WithSummary("干部名册（分页；按区划、状态、职务筛选；q 为姓名。按身份证号查询请用 POST /search，GET 带证件号答 400）");
        cadres.MapPost("/search", Search)
            .WithSummary("干部名册查询（同 GET 名册；q 可为完整身份证号，按其密钥散列匹配，号码不进网址和日志）");
        cadres.MapGet("/{id:long}", Get)
            .WithETag().WithSummary("干部档案（含任职经历，证件号和手机号为掩码；version 与 ETag 为数据版本）");
        cadres.MapPost("", Create)
            .AddEndpointFilter<Validate<CreateCadre>>().RequireAuthorization(Permissions.CadresEdit)
            .WithSummary("登记村干部（出生日期和性别取自身份证号）");
        cadres.MapPut("/{id:long}", Update)
            .AddEndpointFilter<Validate<UpdateCadre>>().RequireVersion().RequireAuthorization(Permissions.CadresEdit)
            .WithSummary("修改干部基本信息（须带读取时的 version 或 If-Match；数据已被他人修改时 409，两者都未提供时 428）");
        cadres.MapPost("/{id:long}/posts", ChangePost)
            .AddEndpointFilter<Validate<ChangeCadrePost>>().RequireAuthorization(Permissions.CadresEdit)
            .WithSummary("调整职务（原职务于前一日结束）");
        cadres.MapPost("/{id:long}/departure", Depart)
            .AddEndpointFilter<Validate<CadreDeparture>>().RequireAuthorization(Permissions.CadresEdit)
            .WithSummary("离任（正常离任或罢免/免职）");
        cadres.MapPost("/{id:long}/reveal", Reveal)
            .RequireAuthorization(PersonalDataGrant.RevealPolicy)
            .WithSummary("查看完整身份证号和手机号（需授权，记入操作日志）");
    }

    private static ProblemHttpResult CadreNotFound => CunzhiApi.NotFound(CadreHandlers.NotFoundMessage);

    private static Results<Ok<T>, ProblemHttpResult> OkOrNotFound<T>(T? value) where T : class => value is null ? CadreNotFound : TypedResults.Ok(value);

    public static async Task<Results<Ok<Paged<CadreRow>>, ProblemHttpResult>> List(string? region, CadreStatus? status, string? post, string? q, int? page, int? pageSize,
        CadreHandlers h, CancellationToken ct) =>
        CadreSearch.LooksLikeNationalId(q)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求有误", detail: CadreSearch.UsePostMessage)
            : TypedResults.Ok(await h.ListAsync(new CadreFilter(region, status, post, q), new PageRequest(page, pageSize), ct));

    public static async Task<Ok<Paged<CadreRow>>> Search(CadreSearchRequest r, CadreHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(new CadreFilter(r.Region, r.Status, r.Post, r.Q), new PageRequest(r.Page, r.PageSize), ct));

    public static async Task<Results<Ok<CadreDetail>, ProblemHttpResult>> Get(long id, CadreHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.GetAsync(id, ct));

    public static async Task<Results<Created<CadreDetail>, ProblemHttpResult>> Create(CreateCadre command, CadreHandlers h, CancellationToken ct) =>
        await h.CreateAsync(command, ct) is { } d
            ? TypedResults.Created($"/api/v1/cadres/{d.Cadre.Id}", d)
            : CunzhiApi.NotFound("未找到该村(社区)，或其不在您的管辖范围内");

    public static async Task<Results<Ok<CadreDetail>, ProblemHttpResult>> Update(long id, UpdateCadre command, CadreHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.UpdateAsync(id, command, ct));

    public static async Task<Results<Ok<CadreDetail>, ProblemHttpResult>> ChangePost(long id, ChangeCadrePost command, CadreHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.ChangePostAsync(id, command, ct));

    public static async Task<Results<Ok<CadreDetail>, ProblemHttpResult>> Depart(long id, CadreDeparture command, CadreHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.DepartAsync(id, command, ct));

    public static async Task<Results<Ok<RevealedNumbers>, ProblemHttpResult>> Reveal(long id, CadreHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.RevealAsync(id, ct));
}
