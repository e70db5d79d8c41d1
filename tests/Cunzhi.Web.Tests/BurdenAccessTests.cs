using System.Net;
using System.Net.Http.Json;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>The burden pages beyond who may open them (PermissionTests): read-only roles cannot post their forms.</summary>
public abstract class BurdenAccessTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string County = "county.admin", Coord = "coord.office", Discipline = "discipline", Town = "town.sanxing";

    [Fact]
    public async Task Read_only_roles_cannot_post_the_forms()
    {
        foreach (var (who, url) in new[] { (County, "/Burden/Events"), (Coord, "/Burden/Rankings"), (Discipline, "/Burden/Policy"), (County, "/Burden/TownAssessmentItems"), (Town, "/Tasks/Weekly") })
        {
            var client = await f.PagesAs(who);
            // These roles see no post form on the page: take the token of the sign-out form and post anyway.
            var token = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "x", ["__RequestVerificationToken"] = token }));
            (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true)
                .ShouldBeTrue($"{who} POST {url}: {response.StatusCode}");
        }
    }
}

public sealed class BurdenAccessTests_Sqlite(SqliteFactory f) : BurdenAccessTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class BurdenAccessTests_Postgres(PostgresFactory f) : BurdenAccessTests<PostgresFactory>(f);
