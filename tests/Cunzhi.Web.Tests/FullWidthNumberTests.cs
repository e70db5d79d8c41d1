using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>Numbers typed on a phone's Chinese keyboard in full width (１２０．５) are read as the numbers they are.</summary>
public abstract class FullWidthNumberTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task A_full_width_page_number_in_the_query_opens_that_page()
    {
        var client = await f.PagesAs("county.admin");
        var html = await CunzhiFactory.Html(await client.GetAsync("/Cadres?page=２"));
        html.QuerySelector(".pagination .page-item.active")!.TextContent.Trim().ShouldBe("2");
    }
}

public sealed class FullWidthNumberTests_Sqlite(SqliteFactory f) : FullWidthNumberTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class FullWidthNumberTests_Postgres(PostgresFactory f) : FullWidthNumberTests<PostgresFactory>(f);

public sealed class YuanInputTests
{
    [Theory]
    [InlineData("３，０００．５０", 300050L)]
    [InlineData("３０００", 300000L)]
    [InlineData("3,000.50", 300050L)]
    [InlineData("　１２０．５　", 12050L)]
    public void Yuan_typed_in_full_width_is_read_to_the_fen(string typed, long fen) => PayNames.ParseYuan(typed).ShouldBe(fen);

    [Theory]
    [InlineData("三千")]
    [InlineData("１２．３４５")]
    public void Yuan_that_is_not_a_sum_of_money_is_refused(string typed) => PayNames.ParseYuan(typed).ShouldBeNull();
}
