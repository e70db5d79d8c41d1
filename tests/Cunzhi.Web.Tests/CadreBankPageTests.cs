using System.Net;
using Cunzhi.Domain.Identity;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>开户行 and 银行账号 on the cadre pages: typed on create and edit, shown masked, revealed in full only with the right.</summary>
public abstract class CadreBankPageTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private async Task<(HttpClient Client, long Id)> CreateOnPage(string account)
    {
        var client = await f.PagesAs("town.sanxing");
        var ok = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Create?village={Demo.Naoping}", new()
        {
            ["Form.Name"] = "钟页银", ["Form.NationalId"] = ImportFiles.NewId(), ["Form.EducationCode"] = "bachelor", ["Form.PostCode"] = "committee-member",
            ["Form.StartDate"] = "2024-01-01", ["Form.Origin"] = "Elected", ["Form.BankName"] = "农村商业银行", ["Form.BankAccount"] = account,
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, long.Parse(ok.Headers.Location!.ToString().Split('=')[1]));
    }

    [Fact]
    public async Task The_detail_page_shows_the_account_masked()
    {
        var (client, id) = await CreateOnPage("6215 9200 0011 2233 44");
        var detail = await CunzhiFactory.Html(await client.GetAsync($"/Cadres/Detail?id={id}"));
        detail.QuerySelector("[data-testid=bank-account]")!.TextContent.ShouldBe("6215 **** **** 3344");
    }

    [Fact]
    public async Task A_bad_account_on_the_create_page_is_refused_in_Chinese()
    {
        var client = await f.PagesAs("town.sanxing");
        var bad = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Create?village={Demo.Naoping}", new()
        {
            ["Form.Name"] = "钟错页", ["Form.NationalId"] = ImportFiles.NewId(), ["Form.EducationCode"] = "bachelor", ["Form.PostCode"] = "committee-member",
            ["Form.StartDate"] = "2024-01-01", ["Form.Origin"] = "Elected", ["Form.BankAccount"] = "6215-92",
        });
        (await CunzhiFactory.Html(bad)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("银行账号应为 12–30 位数字，当前为 6 位");
    }

    [Fact]
    public async Task Editing_on_the_page_with_the_account_left_empty_keeps_it()
    {
        var (client, id) = await CreateOnPage("621592000011223355");
        var edit = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Edit?id={id}", new()
        {
            ["Form.Name"] = "钟页改", ["Form.EducationCode"] = "bachelor", ["Form.Origin"] = "Elected", ["Form.BankName"] = "中国农业银行", ["Form.BankAccount"] = "",
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Id == id));
        (stored.Name, stored.BankName, stored.BankAccountMasked).ShouldBe(("钟页改", "中国农业银行", BankAccount.Mask("621592000011223355")));
    }

    [Fact]
    public async Task The_reveal_on_the_detail_page_shows_the_full_account()
    {
        var (_, id) = await CreateOnPage("621592000011223366");
        var county = await f.PagesAs("county.admin");
        var shown = await CunzhiFactory.PostFormAsync(county, $"/Cadres/Detail?id={id}", [], formAction: "Reveal");
        (await CunzhiFactory.Html(shown)).QuerySelector("[data-testid=bank-account]")!.TextContent.ShouldBe("621592000011223366");
    }
}

public sealed class CadreBankPageTests_Sqlite(SqliteFactory f) : CadreBankPageTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class CadreBankPageTests_Postgres(PostgresFactory f) : CadreBankPageTests<PostgresFactory>(f);
