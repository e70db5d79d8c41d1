using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Accounts;

public sealed class AccountsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<AccountAdminHandlers>();

    public const string Managers = Domain.Accounts.Roles.CountyAdmin + "," + Domain.Accounts.Roles.TownAdmin;

    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var accounts = secured.MapGroup("/accounts").WithTags("账号管理").RequireAuthorization(p => p.RequireRole(Managers.Split(',')));
        accounts.MapGet("", async (string? q, string? role, int? page, int? pageSize, AccountAdminHandlers h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(q, role, new PageRequest(page, pageSize), ct)))
            .WithSummary("本辖区的账号（分页，可按账号、名称、角色筛选）");
        accounts.MapGet("/{id}", async (string id, AccountAdminHandlers h, CancellationToken ct) =>
                await h.GetAsync(id, ct) is { } a ? (Results<Ok<AccountRow>, ProblemHttpResult>)TypedResults.Ok(a) : CunzhiApi.NotFound(AccountAdminHandlers.NotFoundMessage))
            .WithETag().WithSummary("账号详情（version 与 ETag 为数据版本）");
        accounts.MapPost("", async (CreateAccount command, AccountAdminHandlers h, CancellationToken ct) =>
            {
                var a = await h.CreateAsync(command, ct);
                return TypedResults.Created($"/api/v1/accounts/{a.Id}", a);
            })
            .AddEndpointFilter<Validate<CreateAccount>>().WithSummary("新建账号（县管理员可建各角色，乡镇组织委员可建本镇村干部账号）");
        accounts.MapPut("/{id}", async (string id, UpdateAccount command, AccountAdminHandlers h, CancellationToken ct) =>
                await h.UpdateAsync(id, command, ct) is { } a ? (Results<Ok<AccountRow>, ProblemHttpResult>)TypedResults.Ok(a) : CunzhiApi.NotFound(AccountAdminHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<UpdateAccount>>().RequireVersion()
            .WithSummary("修改名称、停用或启用账号（不传 locked 则停用状态不变；停用即令该账号所有登录和令牌失效；须带读取时的 version 或 If-Match，数据已被他人修改时 409，两者都未提供时 428）");
        accounts.MapPut("/{id}/password", async (string id, ResetPassword command, AccountAdminHandlers h, CancellationToken ct) =>
                await h.ResetPasswordAsync(id, command, ct) is { } a ? (Results<Ok<AccountRow>, ProblemHttpResult>)TypedResults.Ok(a) : CunzhiApi.NotFound(AccountAdminHandlers.NotFoundMessage))
            .AddEndpointFilter<Validate<ResetPassword>>().WithSummary("重置密码");
    }
}
