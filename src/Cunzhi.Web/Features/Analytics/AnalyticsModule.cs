using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Analytics;

/// <summary>Registration and <c>/api/v1/analytics</c> endpoints of structure analytics (班子结构分析).</summary>
public sealed class AnalyticsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        // The report is "as of today"; tests and jobs may replace the clock.
        services.AddScoped<StructureHandlers>();
    }

    /// <summary>Maps the endpoints on the signed-in API group; every role may read its own region's structure.</summary>
    public void MapEndpoints(ApiRoutes routes)
    {
        var secured = routes.Secured;
        var analytics = secured.MapGroup("/analytics").WithTags("班子结构");
        analytics.MapGet("/structure", Structure)
            .WithSummary("班子结构分析：年龄、学历、党员、女性、一肩挑、职级分布和空缺岗位，及各下级区划对比（不带 code 时为本账号的管辖区划）");
    }

    public static async Task<Results<Ok<StructureReport>, ProblemHttpResult>> Structure(string? code, StructureHandlers h, CancellationToken ct) =>
        await h.GetAsync(code, ct) is { } report ? TypedResults.Ok(report) : CunzhiApi.NotFound(StructureHandlers.NotFoundMessage);
}
