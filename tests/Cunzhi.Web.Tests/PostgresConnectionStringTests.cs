using Cunzhi.Web.Infrastructure.Data;
using Npgsql;
using Shouldly;

namespace Cunzhi.Web.Tests;

/// <summary>The Npgsql settings the platform adds for speed, and that an explicit setting in the connection string wins.</summary>
public sealed class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("Host=db;Username=u;Password=p", 64, true)]
    [InlineData("Host=db;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;MaxAutoPrepare=10", 10, true)]
    [InlineData("Host=db;No Reset On Close=false", 64, false)]
    [InlineData("Host=db;max auto prepare=5;noresetonclose=False", 5, false)]
    public void Defaults_apply_only_where_the_connection_string_is_silent(string configured, int maxAutoPrepare, bool noResetOnClose)
    {
        var csb = new NpgsqlConnectionStringBuilder(DataSetup.PostgresConnectionString(configured));
        csb.MaxAutoPrepare.ShouldBe(maxAutoPrepare);
        csb.NoResetOnClose.ShouldBe(noResetOnClose);
        csb.Host.ShouldBe("db");
    }

    [Fact]
    public void Every_other_setting_including_the_password_is_kept()
    {
        var csb = new NpgsqlConnectionStringBuilder(DataSetup.PostgresConnectionString("Host=db;Port=6543;Database=cz;Username=u;Password=secret;Timeout=7"));
        (csb.Port, csb.Database, csb.Username, csb.Password, csb.Timeout).ShouldBe((6543, "cz", "u", "secret", 7));
    }
}
