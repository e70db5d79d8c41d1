using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.OutputCaching;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// Output caching of the public portal (/Gongkai…): a page is rendered once and served from memory until the village
/// posts or withdraws (<see cref="DisclosurePostings"/> evicts its tag and its town's; other nodes evict the county's pages
/// within a poll, <see cref="CacheGenerationWatcher"/>), or for at most
/// <see cref="Lifetime"/>. Only anonymous GETs are cached or served from the cache (a signed-in visitor's layout is
/// their own); a response that sets a cookie, is not 200 or was read on a standby (README "A cluster on one machine") is never stored. Varies by the <c>page</c> and <c>item</c> queries and the UI
/// culture.
/// </summary>
public sealed class PublicDisclosureCache : IOutputCachePolicy
{
    /// <summary>The policy's name on the pages.</summary>
    public const string Policy = "gongkai";
    /// <summary>Longest a page is kept without a change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    /// <summary>Tag of every portal page.</summary>
    public const string AllTag = "gongkai";

    /// <summary>Tag of a village's pages.</summary>
    public static string VillageTag(string village) => $"gongkai:{village}";
    /// <summary>Tag of a town's page (its villages' list with their counts).</summary>
    public static string TownTag(string town) => $"gongkai:{town}";
    /// <summary>Tag of every page of a county's villages and towns: what another node's change clears (<see cref="CacheGenerationWatcher"/>).</summary>
    public static string CountyTag(string county) => $"gongkai-county:{county}";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var anonymous = http.User.Identity?.IsAuthenticated != true && string.IsNullOrEmpty(request.Headers.Authorization);
        var get = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = context.AllowCacheStorage = anonymous && get;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = new(["page", "item"]);
        context.CacheVaryByRules.VaryByValues["culture"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
        context.Tags.Add(AllTag);
        foreach (var key in new[] { "code", "village" })
            if (http.GetRouteValue(key) is string code && RegionCodes.LevelOf(code) is not null)
            {
                context.Tags.Add(VillageTag(code)); // a town's code gives its TownTag: the same form
                context.Tags.Add(CountyTag(RegionCodes.CountyOf(code)!));
            }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !string.IsNullOrEmpty(response.Headers.SetCookie)) context.AllowCacheStorage = false;
        // A page read on a standby may predate a posting whose eviction already ran (the standby replays a moment
        // later): kept, it would stay stale for the whole lifetime. Such pages are served, not stored.
        if (response.Headers[Infrastructure.Data.ReadReplica.Header] == "standby") context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
