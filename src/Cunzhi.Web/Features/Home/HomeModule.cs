using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Home;

/// <summary>Registration and <c>/api/v1/me/todos</c>: the signed-in account's 待办, the same list its home page shows.</summary>
public sealed class HomeModule : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<HomeTodos>();

    /// <summary>Open to every signed-in account: each item is chosen by the account's own capabilities and counted within its region.</summary>
    public void MapEndpoints(ApiRoutes routes)
    {
        routes.Secured.MapGroup("/me").WithTags("待办").MapGet("/todos", Todos)
            .WithSummary("本账号的待办（与首页相同）：每项的标题、数量和办理页面地址，周次与周五汇报期限按北京时间");
    }

    public static async Task<Ok<TodoList>> Todos(HomeTodos h, CancellationToken ct) => TypedResults.Ok(await h.ForCurrentUserAsync(ct));
}
