using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Features.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Audit;

/// <summary>操作日志: search the keyed audit chain within one's region, verify it, and read its head to keep outside the database.</summary>
public sealed class AuditModule : IFeatureModule
{

    public void AddServices(IServiceCollection services) => services.AddScoped<AuditHandlers>().AddScoped<AuditExport>().AddSingleton<AuditChainWatch>();

    public void MapEndpoints(ApiRoutes routes)
    {
        var audit = routes.Secured.MapGroup("/audit").WithTags("操作日志").RequireAuthorization(Permissions.AuditRead);
        audit.MapGet("", Search).WithSummary("查询操作日志（本辖区；按人员姓名或账号、对象、操作、区划、日期筛选，分页；每条含中文的人员、对象与变更字段）");
        audit.MapGet("/export", Export)
            .Produces(StatusCodes.Status200OK, contentType: XlsxDownload.ContentType)
            .WithSummary($"导出筛选后的操作日志 Excel（最新的至多 {AuditExport.MaxRows} 条；导出本身记入日志）");
        audit.MapGet("/verify", Verify).WithSummary("校验操作日志哈希链");
        audit.MapGet("/head", Head).WithSummary("操作日志链头（序号与密钥哈希），供在库外留存、日后比对");
    }

    public static async Task<Ok<Paged<AuditRow>>> Search(string? user, string? entity, DateOnly? from, DateOnly? to, string? region, string? kind, int? page, int? pageSize,
        AuditHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.SearchAsync(new AuditFilter(user, entity, from, to, region, kind), new PageRequest(page, pageSize), ct));

    public static Task<XlsxDownload> Export(string? user, string? entity, DateOnly? from, DateOnly? to, string? region, string? kind, AuditExport export,
        CancellationToken ct) => export.ExportAsync(new AuditFilter(user, entity, from, to, region, kind), ct);

    public static async Task<Ok<AuditVerification>> Verify(AuditHandlers h, CancellationToken ct) => TypedResults.Ok(await h.VerifyAsync(ct));

    public static async Task<Ok<AuditHeadView>> Head(AuditHandlers h, CancellationToken ct) => TypedResults.Ok(await h.HeadAsync(ct));
}
