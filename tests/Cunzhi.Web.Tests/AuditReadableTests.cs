using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Audit;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 操作日志 an inspector can read: who by display name, post and region (system actors as 系统), when in China time, the
/// entity and fields in Chinese, before → after as a diff, raw JSON only behind 详情; filters by person, kind, region
/// and date with Chinese 400s; an Excel export of the filtered entries that is itself logged; no secret anywhere.
/// </summary>
public abstract class AuditReadableTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    /// <summary>Renames a region through the API as <paramref name="userName"/>; returns the old name and the entry's sequence.</summary>
    private async Task<(string OldName, long Sequence)> Rename(string userName, string code, string name)
    {
        var api = await f.ApiAs(userName);
        var region = (await api.GetFromJsonAsync<Features.Regions.RegionView>($"/api/v1/regions/{code}", CunzhiFactory.Json))!;
        (await api.PutAsJsonAsync($"/api/v1/regions/{code}", new { name, version = region.Version })).EnsureSuccessStatusCode();
        var sequence = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == "Region" && a.EntityKey == code && a.Action == AuditActions.Update)
            .MaxAsync(a => a.Sequence));
        return (region.Name, sequence);
    }

    [Fact]
    public async Task The_page_shows_the_actor_by_display_name_post_and_region()
    {
        var (_, sequence) = await Rename("town.sanxing", Demo.Naoping, "闹坪村（可读）");
        var html = await CunzhiFactory.Html(await (await f.PagesAs("discipline")).GetAsync($"/Audit?entity=Region&region={Demo.Naoping}"));
        var actor = html.QuerySelector($"tr[data-sequence='{sequence}'] [data-testid=audit-actor]")!.TextContent;
        actor.ShouldContain("三兴镇组织委员");
        actor.ShouldContain("乡镇组织委员");
        actor.ShouldContain("三兴镇");
    }

    [Fact]
    public async Task The_page_shows_the_change_as_labelled_before_and_after_in_Chinese()
    {
        var (old, sequence) = await Rename("county.admin", Demo.Sanxingcun, "三兴村（差异）");
        var html = await CunzhiFactory.Html(await (await f.PagesAs("discipline")).GetAsync($"/Audit?entity=行政区划&kind=修改"));
        var row = html.QuerySelector($"tr[data-sequence='{sequence}']")!;
        row.QuerySelector("[data-testid=audit-entity]")!.TextContent.ShouldContain("行政区划");
        var name = row.QuerySelector("[data-testid=audit-changes] li[data-field=Name]")!;
        name.TextContent.ShouldContain("区划名称");
        name.QuerySelector("del")!.TextContent.ShouldBe(old);
        name.QuerySelector("ins")!.TextContent.ShouldBe("三兴村（差异）");
        row.QuerySelectorAll("[data-testid=audit-changes] li").Select(li => li.GetAttribute("data-field")).ShouldNotContain("Code"); // unchanged fields are left out
    }

    /// <summary>Takes the <paramref name="nth"/> serving cadre of 东溪村 out of office (正常离任) through the API; returns the update's sequence.</summary>
    private async Task<long> Depart(int nth)
    {
        var id = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Dongxi && c.Status == Domain.Cadres.CadreStatus.InOffice)
            .OrderBy(c => c.Id).Skip(nth).Select(c => c.Id).FirstAsync());
        var api = await f.ApiAs("town.efeng");
        (await api.PostAsJsonAsync($"/api/v1/cadres/{id}/departure", new { status = "DepartedNormally", date = China.Today.ToString("yyyy-MM-dd"), reason = "换届" }))
            .EnsureSuccessStatusCode();
        return await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == "Cadre" && a.EntityKey == id.ToString() && a.Action == AuditActions.Update)
            .MaxAsync(a => a.Sequence));
    }

    [Fact]
    public async Task The_page_shows_an_enum_change_by_its_Chinese_value_names()
    {
        var sequence = await Depart(0);
        var html = await CunzhiFactory.Html(await (await f.PagesAs("discipline")).GetAsync($"/Audit?entity=Cadre&region={Demo.Dongxi}&kind=修改"));
        var status = html.QuerySelector($"tr[data-sequence='{sequence}'] [data-testid=audit-changes] li[data-field=Status]")!;
        status.QuerySelector("del")!.TextContent.ShouldBe("在任");
        status.QuerySelector("ins")!.TextContent.ShouldBe("正常离任");
    }

    [Fact]
    public async Task The_export_shows_an_enum_change_by_its_Chinese_value_names()
    {
        var sequence = await Depart(1);
        var response = await (await f.PagesAs("discipline")).GetAsync($"/Audit?handler=Export&entity=Cadre&region={Demo.Dongxi}&kind=修改");
        var row = Rows(await response.Content.ReadAsByteArrayAsync()).Skip(1).Single(r => r.GetString(0) == sequence.ToString());
        row.GetString(10)!.ShouldContain("在职状态：在任 → 正常离任");
    }

    [Fact]
    public async Task Raw_json_and_the_login_name_appear_only_behind_the_details_toggle()
    {
        var (_, sequence) = await Rename("town.sanxing", Demo.Naoping, "闹坪村（详情）");
        var html = await CunzhiFactory.Html(await (await f.PagesAs("discipline")).GetAsync($"/Audit?entity=Region&region={Demo.Naoping}"));
        var row = html.QuerySelector($"tr[data-sequence='{sequence}']")!;
        var details = row.QuerySelector("[data-testid=audit-details]")!;
        details.TextContent.ShouldContain("\"Name\":\"闹坪村（详情）\"");
        details.TextContent.ShouldContain("town.sanxing");
        details.Remove();
        row.TextContent.ShouldNotContain("town.sanxing");
        row.TextContent.ShouldNotContain("\"Name\"");
    }

    [Fact]
    public async Task The_time_is_shown_in_China_time()
    {
        var (_, sequence) = await Rename("county.admin", Demo.Dongxi, "东溪村（时间）");
        var atUtc = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Sequence == sequence).Select(a => a.AtUtc).SingleAsync());
        var html = await CunzhiFactory.Html(await (await f.PagesAs("discipline")).GetAsync($"/Audit?region={Demo.Dongxi}&entity=Region"));
        html.QuerySelector($"tr[data-sequence='{sequence}'] td:nth-child(2)")!.TextContent.Trim()
            .ShouldBe(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm:ss"));
    }

    [Fact]
    public async Task The_system_is_shown_as_系统()
    {
        var api = await f.ApiAs("county.admin");
        var page = (await api.GetFromJsonAsync<Paged<AuditRow>>("/api/v1/audit?user=系统&pageSize=200", CunzhiFactory.Json))!;
        page.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(r => r.UserName == "system");
        page.Items.ShouldAllBe(r => r.ActorName == "系统");
    }

    [Fact]
    public async Task The_api_serves_each_entry_readable_besides_its_raw_json()
    {
        var (old, sequence) = await Rename("town.sanxing", Demo.Naoping, "闹坪村（接口）");
        var api = await f.ApiAs("county.admin");
        var page = (await api.GetFromJsonAsync<Paged<AuditRow>>($"/api/v1/audit?entity=Region&region={Demo.Naoping}&pageSize=200", CunzhiFactory.Json))!;
        var row = page.Items.Single(r => r.Sequence == sequence);
        (row.ActorName, row.ActorPost, row.ActorRegion, row.EntityName, row.ActionName).ShouldBe(("三兴镇组织委员", "乡镇组织委员", "三兴镇", "行政区划", "修改"));
        row.After!.ShouldContain("闹坪村（接口）");
        row.Changes!.Single(c => c.Field == "Name").ShouldBe(new AuditChange("Name", "区划名称", old, "闹坪村（接口）"));
    }

    [Fact]
    public async Task Filtering_by_a_persons_display_name_finds_only_their_entries()
    {
        await Rename("town.sanxing", Demo.Naoping, "闹坪村（人员）");
        var api = await f.ApiAs("county.admin");
        var page = (await api.GetFromJsonAsync<Paged<AuditRow>>("/api/v1/audit?user=三兴镇组织&pageSize=200", CunzhiFactory.Json))!;
        page.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(r => r.UserName == "town.sanxing");
    }

    [Fact]
    public async Task Filtering_by_kind_keeps_only_that_action()
    {
        await Rename("county.admin", Demo.Dongxi, "东溪村（操作）");
        var api = await f.ApiAs("county.admin");
        var page = (await api.GetFromJsonAsync<Paged<AuditRow>>("/api/v1/audit?kind=修改&pageSize=200", CunzhiFactory.Json))!;
        page.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(r => r.Action == AuditActions.Update);
    }

    [Fact]
    public async Task Pages_of_the_log_follow_one_stable_order()
    {
        var api = await f.ApiAs("county.admin");
        var first = (await api.GetFromJsonAsync<Paged<AuditRow>>("/api/v1/audit?kind=Insert&pageSize=5&page=1", CunzhiFactory.Json))!;
        var second = (await api.GetFromJsonAsync<Paged<AuditRow>>("/api/v1/audit?kind=Insert&pageSize=5&page=2", CunzhiFactory.Json))!;
        var sequences = first.Items.Concat(second.Items).Select(r => r.Sequence).ToList();
        sequences.Count.ShouldBe(10);
        sequences.ShouldBe(sequences.OrderByDescending(s => s).ToList());
        sequences.Distinct().Count().ShouldBe(10);
    }

    [Theory]
    [InlineData("/api/v1/audit?kind=Hack", "没有“Hack”这种操作，请从列表中选择")]
    [InlineData("/api/v1/audit?entity=Nope", "没有“Nope”这类对象，请从列表中选择")]
    [InlineData("/api/v1/audit?region=abc", "区划代码须为 1 至 12 位数字（可只填前几位）")]
    [InlineData("/api/v1/audit?from=2026-03-02&to=2026-03-01", "开始日期不能晚于结束日期")]
    [InlineData("/api/v1/audit/export?kind=Hack", "没有“Hack”这种操作，请从列表中选择")]
    public async Task A_bad_filter_value_is_a_400_with_a_Chinese_message(string url, string message)
    {
        var response = await (await f.ApiAs("county.admin")).GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("detail").GetString().ShouldBe(message);
    }

    [Theory]
    [InlineData("/Audit?kind=Hack")]
    [InlineData("/Audit?region=36x")]
    [InlineData("/Audit?handler=Export&entity=Nope")]
    public async Task A_bad_filter_value_on_the_page_is_400_not_500(string url)
    {
        var response = await (await f.PagesAs("discipline")).GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请求有误");
    }

    [Fact]
    public async Task The_export_holds_the_filtered_entries_in_Chinese()
    {
        var (old, sequence) = await Rename("town.sanxing", Demo.Naoping, "闹坪村（导出）");
        var response = await (await f.PagesAs("discipline")).GetAsync($"/Audit?handler=Export&entity=Region&region={Demo.Naoping}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("操作日志-");
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        rows[0].GetString(2).ShouldBe("姓名");
        var expected = await f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Entity == "Region" && a.RegionCode.StartsWith(Demo.Naoping)));
        rows.Count.ShouldBe(1 + expected);
        var row = rows.Skip(1).Single(r => r.GetString(0) == sequence.ToString());
        (row.GetString(2), row.GetString(3), row.GetString(5), row.GetString(6)).ShouldBe(("三兴镇组织委员", "乡镇组织委员", "修改", "行政区划"));
        row.GetString(10)!.ShouldContain($"区划名称：{old} → 闹坪村（导出）");
    }

    [Fact]
    public async Task Exporting_the_log_is_itself_an_audit_entry()
    {
        var before = await f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Export && a.Entity == "AuditLog"));
        (await (await f.ApiAs("county.admin")).GetAsync("/api/v1/audit/export?kind=修改")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Action == AuditActions.Export && a.Entity == "AuditLog").OrderBy(a => a.Sequence).ToListAsync());
        entries.Count.ShouldBe(before + 1);
        entries[^1].UserName.ShouldBe("county.admin");
        entries[^1].After!.ShouldContain("\"kind\":\"修改\"");
    }

    [Fact]
    public async Task Neither_the_page_nor_the_export_shows_a_ciphertext_or_hash()
    {
        var county = await f.ApiAs("county.admin");
        var userName = $"aud.{Guid.NewGuid():N}"[..14];
        var created = await county.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName, displayName = "审计测试民政局", role = Domain.Accounts.Roles.Department, regionCode = Demo.County, password = CunzhiFactory.Password,
        });
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        var secrets = await f.WithSystemDb(async db =>
        {
            var user = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp }).SingleAsync();
            var chain = await db.AuditEntries.Select(a => a.Hash).ToListAsync();
            var cadres = await db.Cadres.Where(c => c.RegionCode == Demo.Naoping).Select(c => new { c.NationalIdCipher, c.NationalIdHash, c.PhoneCipher }).ToListAsync();
            return new[] { user.PasswordHash!, user.SecurityStamp!, user.ConcurrencyStamp! }.Concat(chain)
                .Concat(cadres.SelectMany(c => new[] { c.NationalIdCipher, c.NationalIdHash, c.PhoneCipher })).OfType<string>().Where(s => s.Length >= 16).ToList();
        });
        secrets.Count.ShouldBeGreaterThan(3);

        var pages = await f.PagesAs("discipline");
        var page = await pages.GetStringAsync("/Audit?entity=AppUser");
        page.ShouldContain(userName); // the new account's entry is on the page scanned
        page.ShouldContain("（已设置，不显示）");
        var export = AllText(await pages.GetByteArrayAsync("/Audit?handler=Export&entity=AppUser"));
        export.ShouldContain("审计测试民政局");
        var api = await county.GetStringAsync("/api/v1/audit?entity=AppUser&pageSize=200");
        foreach (var secret in secrets)
        {
            page.ShouldNotContain(secret);
            export.ShouldNotContain(secret);
            api.ShouldNotContain(secret);
        }
    }
}

public sealed class AuditReadableTests_Sqlite(SqliteFactory f) : AuditReadableTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditReadableTests_Postgres(PostgresFactory f) : AuditReadableTests<PostgresFactory>(f);
