using Cunzhi.Domain.Common;
using Cunzhi.Web.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>What differs between two policies' endpoints: who reads and who edits, and the OpenAPI summaries.</summary>
/// <param name="Read">Capability to read (<see cref="Cunzhi.Domain.Accounts.Permissions"/>).</param>
/// <param name="Edit">Capability to save, publish and discard.</param>
/// <param name="OverviewSummary">Summary of <c>GET</c>.</param>
/// <param name="DraftSummary">Summary of <c>PUT /draft</c>.</param>
/// <param name="PublishSummary">Summary of <c>POST /publish</c>.</param>
public sealed record PolicyRoutes(string Read, string Edit, string OverviewSummary, string DraftSummary, string PublishSummary);

/// <summary>
/// The one route table of a versioned policy (<see cref="VersionedPolicyHandlers{TPolicy, TView, TOverview, TSave, TPublish}"/>),
/// mapped by the area's module into its own group (so the endpoints carry the module's tag):
/// <c>GET</c> (overview; ETag = the draft's data version), <c>GET /versions/{version}</c>, <c>PUT /draft</c> (428 without
/// a version, 409 when stale), <c>POST /publish</c> (404 without a draft) and <c>DELETE /draft</c> (204, or 404).
/// </summary>
public static class PolicyEndpoints<THandlers, TPolicy, TView, TOverview, TSave, TPublish>
    where THandlers : VersionedPolicyHandlers<TPolicy, TView, TOverview, TSave, TPublish>
    where TPolicy : VersionedPolicy<TPolicy>
    where TView : class
    where TOverview : notnull
    where TSave : class, IVersionedCommand
    where TPublish : class
{
    public const string NoDraft = "没有正在编辑的草稿";
    public const string NoVersion = "未找到该版本";

    /// <summary>Maps the policy's endpoints under <paramref name="parent"/> at <paramref name="path"/>; returns the policy's group.</summary>
    public static RouteGroupBuilder Map(RouteGroupBuilder parent, string path, PolicyRoutes routes)
    {
        // The commands are constrained to classes: a body of an unconstrained generic type has unknown nullability and
        // would count as optional (an empty body or JSON null reaching the handler as null); a class is required (400).
        // The handlers go to Map* as Delegate values, not method groups: .NET 10's RouteHandlerAnalyzer crashes (AD0001)
        // on a handler parameter whose type is a generic type parameter (dotnet/aspnetcore#56831, fixed in .NET 11).
        Delegate overview = GetOverview, version = GetVersion, save = SaveDraft, publish = Publish, publishDraft = PublishDraft, discard = DiscardDraft;
        var policy = parent.MapGroup(path).RequireAuthorization(routes.Read);
        policy.MapGet("", overview).WithETag().WithSummary(routes.OverviewSummary);
        policy.MapGet("/versions/{version:int}", version).WithSummary("某一版本");
        policy.MapPut("/draft", save).AddEndpointFilter<Validate<TSave>>().RequireVersion()
            .RequireAuthorization(routes.Edit).WithSummary(routes.DraftSummary);
        var publishing = typeof(TPublish) == typeof(NoCommand)
            ? policy.MapPost("/publish", publishDraft)
            : policy.MapPost("/publish", publish).AddEndpointFilter<Validate<TPublish>>();
        publishing.RequireAuthorization(routes.Edit).WithSummary(routes.PublishSummary);
        policy.MapDelete("/draft", discard).RequireAuthorization(routes.Edit).WithSummary("放弃草稿");
        return policy;
    }

    public static async Task<Ok<TOverview>> GetOverview(THandlers h, CancellationToken ct) => TypedResults.Ok(await h.OverviewAsync(ct));

    public static async Task<Results<Ok<TView>, ProblemHttpResult>> GetVersion(int version, THandlers h, CancellationToken ct) =>
        await h.GetAsync(version, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(NoVersion);

    public static async Task<Ok<TView>> SaveDraft(TSave command, THandlers h, CancellationToken ct) => TypedResults.Ok(await h.SaveDraftAsync(command, ct));

    public static async Task<Results<Ok<TView>, ProblemHttpResult>> Publish(TPublish command, THandlers h, CancellationToken ct) =>
        await h.PublishAsync(command, ct) is { } v ? TypedResults.Ok(v) : CunzhiApi.NotFound(NoDraft);

    /// <summary>Publishing that takes no input (<see cref="NoCommand"/>): the endpoint reads no body.</summary>
    public static Task<Results<Ok<TView>, ProblemHttpResult>> PublishDraft(THandlers h, CancellationToken ct) =>
        Publish((TPublish)(object)NoCommand.Instance, h, ct);

    public static async Task<Results<NoContent, ProblemHttpResult>> DiscardDraft(THandlers h, CancellationToken ct) =>
        await h.DiscardDraftAsync(ct) ? TypedResults.NoContent() : CunzhiApi.NotFound(NoDraft);
}
