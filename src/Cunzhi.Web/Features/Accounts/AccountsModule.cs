using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Accounts;

public sealed class AccountsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<AccountAdminHandlers>();

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var accounts = secured.MapGroup("/accounts").WithTags("账号管理").RequireAuthorization(Permissions.AccountsManage);
        accounts.MapGet("", List)
            .WithSummary("本辖区的账号（分页，可按账号、名称、角色筛选）");
        accounts.MapGet("/{id}", Get)
            .WithETag().WithSummary("账号详情（version 与 ETag 为数据版本）");
        accounts.MapPost("", Create)
            .AddEndpointFilter<Validate<CreateAccount>>().WithSummary("新建账号（县管理员可建各角色，乡镇组织委员可建本镇村干部账号）");
        accounts.MapPut("/{id}", Update)
            .AddEndpointFilter<Validate<UpdateAccount>>().RequireVersion()
            .WithSummary("修改名称、停用或启用账号（不传 locked 则停用状态不变；停用即令该账号所有登录和令牌失效；须带读取时的 version 或 If-Match，数据已被他人修改时 409，两者都未提供时 428）");
        accounts.MapPut("/{id}/password", ResetPassword)
            .AddEndpointFilter<Validate<ResetPassword>>().WithSummary("重置密码");
    }

    private static Results<Ok<AccountRow>, ProblemHttpResult> OkOrNotFound(AccountRow? a) =>
        a is null ? CunzhiApi.NotFound(AccountAdminHandlers.NotFoundMessage) : TypedResults.Ok(a);

    public static async Task<Ok<Paged<AccountRow>>> List(string? q, string? role, int? page, int? pageSize, AccountAdminHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(q, role, new PageRequest(page, pageSize), ct));

    public static async Task<Results<Ok<AccountRow>, ProblemHttpResult>> Get(string id, AccountAdminHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.GetAsync(id, ct));

    public static async Task<Created<AccountRow>> Create(CreateAccount command, AccountAdminHandlers h, CancellationToken ct)
    {
        var a = await h.CreateAsync(command, ct);
        return TypedResults.Created($"/api/v1/accounts/{a.Id}", a);
    }

    public static async Task<Results<Ok<AccountRow>, ProblemHttpResult>> Update(string id, UpdateAccount command, AccountAdminHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.UpdateAsync(id, command, ct));

    public static async Task<Results<Ok<AccountRow>, ProblemHttpResult>> ResetPassword(string id, ResetPassword command, AccountAdminHandlers h, CancellationToken ct) =>
        OkOrNotFound(await h.ResetPasswordAsync(id, command, ct));
}
