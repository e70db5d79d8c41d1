using System.Net;
using Cunzhi.Domain.Complaints;
using Cunzhi.Web.Features.Complaints;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// /Jubao picks the place in two steps, without script: a town, then one of its villages (or the town itself). The page for
/// a town lists only its villages; a village posted with another town is refused with nothing written.
/// </summary>
public abstract class ComplaintPickerTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private HttpClient Reporter()
    {
        f.Services.GetRequiredService<ComplaintFilingGuard>().Reset();
        f.Services.GetRequiredService<BallotGuard>().Reset();
        return f.Anonymous();
    }

    [Fact]
    public async Task The_first_step_lists_towns_and_no_village()
    {
        var html = await CunzhiFactory.Html(await Reporter().GetAsync("/Jubao"));
        html.QuerySelector($"select[name=Town] option[value='{Demo.Sanxing}']").ShouldNotBeNull();
        html.QuerySelector($"option[value='{Demo.Naoping}']").ShouldBeNull();
    }

    [Fact]
    public async Task The_page_for_a_town_lists_its_villages()
    {
        var html = await CunzhiFactory.Html(await Reporter().GetAsync($"/Jubao?Town={Demo.Sanxing}"));
        html.QuerySelector($"select[name=Region] option[value='{Demo.Naoping}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_page_for_a_town_leaves_out_other_towns_villages()
    {
        var html = await CunzhiFactory.Html(await Reporter().GetAsync($"/Jubao?Town={Demo.Sanxing}"));
        html.QuerySelector($"select[name=Region] option[value='{Demo.Dongxi}']").ShouldBeNull();
    }

    [Fact]
    public async Task A_village_not_in_the_chosen_town_is_refused_with_nothing_written()
    {
        var r = await CunzhiFactory.PostFormAsync(Reporter(), $"/Jubao?Town={Demo.Sanxing}&Region={Demo.Naoping}", new()
        {
            ["Town"] = Demo.Sanxing, ["Region"] = Demo.Dongxi, ["Category"] = "WorkStyle", ["Subject"] = "跨乡镇的村", ["Anonymous"] = "true",
        }, "handler=File");
        (await r.Content.ReadAsStringAsync()).ShouldContain("所选的村不在所选的乡镇");
        (await f.WithSystemDb(db => db.Set<Complaint>().AnyAsync(c => c.Subject == "跨乡镇的村"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_village_of_the_chosen_town_is_filed()
    {
        var r = await CunzhiFactory.PostFormAsync(Reporter(), $"/Jubao?Town={Demo.Sanxing}&Region={Demo.Naoping}", new()
        {
            ["Town"] = Demo.Sanxing, ["Region"] = Demo.Naoping, ["Category"] = "WorkStyle", ["Subject"] = "本乡镇的村", ["Anonymous"] = "true",
        }, "handler=File");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.WithSystemDb(db => db.Set<Complaint>().CountAsync(c => c.Subject == "本乡镇的村" && c.RegionCode == Demo.Naoping))).ShouldBe(1);
    }
}

public sealed class ComplaintPickerTests_Sqlite(SqliteFactory f) : ComplaintPickerTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ComplaintPickerTests_Postgres(PostgresFactory f) : ComplaintPickerTests<PostgresFactory>(f);
