using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Audit;

/// <summary>操作日志: search the keyed audit chain within one's region, verify it, and read its head to keep outside the database.</summary>
public sealed class AuditModule : IFeatureModule
{

    public void AddServices(IServiceCollection services) => services.AddScoped<AuditHandlers>();

    public void MapEndpoints(ApiRoutes routes)
    {
        var audit = routes.Secured.MapGroup("/audit").WithTags("操作日志").RequireAuthorization(Permissions.AuditRead);
        audit.MapGet("", Search).WithSummary("查询操作日志（本辖区）");
        audit.MapGet("/verify", Verify).WithSummary("校验操作日志哈希链");
        audit.MapGet("/head", Head).WithSummary("操作日志链头（序号与密钥哈希），供在库外留存、日后比对");
    }

    public static async Task<Ok<Paged<AuditRow>>> Search(string? user, string? entity, DateOnly? from, DateOnly? to, string? region, int? page, int? pageSize,
        AuditHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.SearchAsync(new AuditFilter(user, entity, from, to, region), new PageRequest(page, pageSize), ct));

    public static async Task<Ok<AuditVerification>> Verify(AuditHandlers h, CancellationToken ct) => TypedResults.Ok(await h.VerifyAsync(ct));

    public static async Task<Ok<AuditHeadView>> Head(AuditHandlers h, CancellationToken ct) => TypedResults.Ok(await h.HeadAsync(ct));
}
