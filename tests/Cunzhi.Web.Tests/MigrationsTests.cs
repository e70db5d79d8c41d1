using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Each provider's migrations live in their own project (Cunzhi.Migrations.Sqlite, Cunzhi.Migrations.Postgres). The
/// context the app configures must find them there, its model must be the one the latest migration left (a model change
/// without a migration fails here, on both providers, without a database), and the ids that deployed databases have
/// recorded in __EFMigrationsHistory must never change, or an upgrade would try to create existing tables again.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly string[] ShippedSqlite =
    [
        "20261121234106_Initial", "20261122001723_CadreRegistry", "20261122005847_ReservesAndTasks", "20261122014545_WeeklyReports",
        "20261122021358_AssessmentContract", "20261122041644_AssessmentFormsBurden", "20261122050846_RankContract",
        "20261122074415_RankPayBurdenPerf", "20261203232315_ConductWithdraw", "20261206014813_VersionsAndOnePostPerVillage",
    ];

    private static readonly string[] ShippedPostgres =
    [
        "20261121234130_Initial", "20261122001749_CadreRegistry", "20261122005930_ReservesAndTasks", "20261122014550_WeeklyReports",
        "20261122021432_AssessmentContract", "20261122041736_AssessmentFormsBurden", "20261122050928_RankContract",
        "20261122074559_RankPayBurdenPerf", "20261203232414_ConductWithdraw", "20261206015202_VersionsAndOnePostPerVillage",
    ];

    /// <summary>The context as DataSetup configures it; nothing connects (the PostgreSQL host is never reached).</summary>
    private static AppDbContext ConfiguredContext(DatabaseProvider provider, out IServiceScope scope)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["ConnectionStrings:Cunzhi"] = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=:memory:";
        builder.AddCunzhiData();
        builder.Services.AddSingleton(new AuditSeal(RandomNumberGenerator.GetBytes(32)));
        scope = builder.Services.BuildServiceProvider().CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_app_finds_the_providers_migrations_with_their_shipped_ids(DatabaseProvider provider)
    {
        var db = ConfiguredContext(provider, out var scope);
        using (scope)
        {
            var shipped = provider == DatabaseProvider.Sqlite ? ShippedSqlite : ShippedPostgres;
            db.Database.GetMigrations().Take(shipped.Length).ShouldBe(shipped);
            db.GetType().ShouldBe(provider == DatabaseProvider.Sqlite ? typeof(SqliteAppDbContext) : typeof(PostgresAppDbContext));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_model_has_no_change_without_a_migration(DatabaseProvider provider)
    {
        var db = ConfiguredContext(provider, out var scope);
        using (scope) db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void Dotnet_ef_builds_each_context_with_the_same_migrations()
    {
        IDesignTimeDbContextFactory<SqliteAppDbContext> sqlite = new Cunzhi.Migrations.Sqlite.SqliteDesignTimeFactory();
        IDesignTimeDbContextFactory<PostgresAppDbContext> postgres = new Cunzhi.Migrations.Postgres.PostgresDesignTimeFactory();
        using (var db = sqlite.CreateDbContext([])) db.Database.GetMigrations().Take(ShippedSqlite.Length).ShouldBe(ShippedSqlite);
        using (var db = postgres.CreateDbContext([])) db.Database.GetMigrations().Take(ShippedPostgres.Length).ShouldBe(ShippedPostgres);
    }
}
