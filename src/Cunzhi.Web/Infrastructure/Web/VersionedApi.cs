using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>A PUT command carrying the version the client read (<c>version</c> in the JSON body, or <c>If-Match</c>).</summary>
public interface IVersionedCommand
{
    /// <summary>The aggregate's version as read; set from <c>If-Match</c> by <see cref="RequireVersion"/> when the body has none.</summary>
    int? Version { get; set; }
}

/// <summary>An answer describing one versioned aggregate: its version goes out as the <c>ETag</c> header too.</summary>
public interface IVersionedView
{
    int Version { get; }
}

/// <summary>
/// Endpoint filters for optimistic concurrency (lost updates). A PUT must say which version it edits: <c>version</c>
/// in the body or <c>If-Match: "3"</c> (also <c>W/"3"</c>). Neither answers 428 Precondition Required, so no client
/// silently overwrites another's change; both must agree. A stale version answers 409 from the handler
/// (<see cref="Data.ConcurrencyVersions"/>). GET and PUT answers carry the version as <c>ETag: "3"</c>.
/// </summary>
public static class VersionedApi
{
    public const string MissingMessage = "请在请求体中提供 version，或用 If-Match 头提供 ETag（先读取该记录取得当前版本），以免覆盖他人的修改";

    /// <summary>Requires a version on this PUT and returns the answer's version as its ETag.</summary>
    public static RouteHandlerBuilder RequireVersion(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<VersionFilter>().WithMetadata(new VersionRequired())
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Returns the answer's version as its ETag (GET).</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<VersionFilter>();

    /// <summary>The entity tag of a version: <c>"3"</c>.</summary>
    public static string ETagOf(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by an If-Match header (<c>"3"</c>, <c>W/"3"</c> or a bare 3); null when absent; false when unreadable.</summary>
    public static (bool Ok, int? Version) ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return (true, null);
        var v = header.Trim();
        if (v.StartsWith("W/", StringComparison.Ordinal)) v = v[2..];
        if (v.Length >= 2 && v[0] == '"' && v[^1] == '"') v = v[1..^1];
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (true, n) : (false, null);
    }

    private sealed class VersionRequired;

    private sealed class VersionFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (http.GetEndpoint()?.Metadata.GetMetadata<VersionRequired>() is not null
                && context.Arguments.OfType<IVersionedCommand>().FirstOrDefault() is { } command)
            {
                var (ok, ifMatch) = ParseIfMatch(http.Request.Headers.IfMatch.ToString());
                if (!ok) return Problem(http, StatusCodes.Status400BadRequest, "If-Match 头的格式应为 \"版本号\"，例如 \"3\"");
                if (command.Version is { } body && ifMatch is { } header && body != header)
                    return Problem(http, StatusCodes.Status400BadRequest, "请求体中的 version 与 If-Match 头不一致");
                command.Version ??= ifMatch;
                if (command.Version is null) return Problem(http, StatusCodes.Status428PreconditionRequired, MissingMessage);
            }
            var result = await next(context);
            // A handler that answers with a larger view than what it edits (a member's PUT answers the household) names the ETag itself.
            if (VersionOf(result) is { } version && string.IsNullOrEmpty(http.Response.Headers.ETag)) http.Response.Headers.ETag = ETagOf(version);
            return result;
        }

        private static int? VersionOf(object? result) => result switch
        {
            IVersionedView v => v.Version,
            INestedHttpResult n => VersionOf(n.Result),
            IValueHttpResult { Value: IVersionedView v } => v.Version,
            _ => null,
        };

        private static ProblemHttpResult Problem(HttpContext http, int status, string detail) =>
            TypedResults.Problem(new ProblemDetails
            {
                Status = status, Detail = detail,
                Title = status == StatusCodes.Status428PreconditionRequired ? "缺少数据版本" : WebSetup.StatusTitle(status),
            });
    }
}
