using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Web.Infrastructure.Cli;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Every write leaves a hash-chained entry in the same transaction; altering or removing a row
/// makes verify-audit fail and name it. Tampering tests run on their own database (one fixture
/// each) because a broken chain stays broken.
/// </summary>
public abstract class AuditTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private async Task<(int Code, string Output)> VerifyAudit()
    {
        var output = new StringWriter();
        var code = await CliVerbs.RunAsync(f.Services, f.Services.GetRequiredService<IConfiguration>(), "verify-audit", ["verify-audit"], output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Every_write_or_sign_in_attempt_is_chained_so_the_log_verifies_clean()
    {
        // A write through the API: one Update entry with before and after values.
        var api = await f.ApiAs("town.sanxing");
        var naoping = await api.GetFromJsonAsync<Features.Regions.RegionView>($"/api/v1/regions/{Demo.Naoping}", CunzhiFactory.Json);
        (await api.PutAsJsonAsync($"/api/v1/regions/{Demo.Naoping}", new { name = "闹坪村（审计）", version = naoping!.Version })).EnsureSuccessStatusCode();
        var anonymous = f.Anonymous();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.sanxing", password = "wrong-password-1" });

        var entries = await f.WithSystemDb(db => db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync());
        var rename = entries.Last(e => e.Entity == "Region" && e.Action == AuditActions.Update);
        rename.EntityKey.ShouldBe(Demo.Naoping);
        rename.UserName.ShouldBe("town.sanxing");
        rename.RegionCode.ShouldBe(Demo.Naoping);
        rename.Before!.ShouldContain("\"Name\":\"闹坪村\"");
        rename.After!.ShouldContain("闹坪村（审计）");
        entries.ShouldContain(e => e.Action == AuditActions.SignIn && e.EntityKey == "town.sanxing");
        entries.ShouldContain(e => e.Action == AuditActions.SignInFailed && e.EntityKey == "town.sanxing");
        entries.ShouldContain(e => e.Action == AuditActions.Seed);
        entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, entries.Count).Select(i => (long)i));

        var clean = await VerifyAudit();
        clean.Code.ShouldBe(0, clean.Output);
        clean.Output.ShouldContain("操作日志完整");
    }
}

public sealed class AuditTests_Sqlite(SqliteFactory f) : AuditTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditTests_Postgres(PostgresFactory f) : AuditTests<PostgresFactory>(f);

/// <summary>Altering a row is named by verify-audit and on the page; a class of its own because the broken chain stays broken.</summary>
public abstract class AuditTamperingTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private async Task<(int Code, string Output)> VerifyAudit()
    {
        var output = new StringWriter();
        var code = await CliVerbs.RunAsync(f.Services, f.Services.GetRequiredService<IConfiguration>(), "verify-audit", ["verify-audit"], output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task An_altered_row_is_named_by_verify_audit_as_on_the_page()
    {
        var api = await f.ApiAs("town.sanxing");
        var naoping = await api.GetFromJsonAsync<Features.Regions.RegionView>($"/api/v1/regions/{Demo.Naoping}", CunzhiFactory.Json);
        (await api.PutAsJsonAsync($"/api/v1/regions/{Demo.Naoping}", new { name = "闹坪村（审计）", version = naoping!.Version })).EnsureSuccessStatusCode();
        var rename = await f.WithSystemDb(db => db.AuditEntries.Where(e => e.Entity == "Region" && e.Action == AuditActions.Update).OrderBy(a => a.Sequence).LastAsync());
        (await VerifyAudit()).Code.ShouldBe(0, "the chain is whole before the row is altered");

        // Alter one row's content behind the application's back.
        var victim = rename.Sequence;
        await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"After\" = '{{\"Name\":\"伪造\"}}' WHERE \"Sequence\" = {victim}"));
        var altered = await VerifyAudit();
        altered.Code.ShouldBe(2);
        altered.Output.ShouldContain($"第 {victim} 条");
        altered.Output.ShouldContain("被改动");

        // The page reports the same break to a discipline inspector.
        var pages = await f.PagesAs("discipline");
        var response = await CunzhiFactory.PostFormAsync(pages, "/Audit", [], formAction: "Verify");
        var html = await CunzhiFactory.Html(response);
        html.QuerySelector("[data-testid=verify-result]")!.TextContent.ShouldContain($"第 {victim} 条");
    }
}

public sealed class AuditTamperingTests_Sqlite(SqliteFactory f) : AuditTamperingTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditTamperingTests_Postgres(PostgresFactory f) : AuditTamperingTests<PostgresFactory>(f);

/// <summary>Simultaneous writes queue on the chain head instead of forking the chain.</summary>
public abstract class AuditConcurrencyTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task Concurrent_writers_never_fork_the_chain()
    {
        var api = await f.ApiAs("county.admin");
        var villages = await f.WithSystemDb(db => db.Regions.Where(r => r.ParentCode == Demo.Efeng).OrderBy(r => r.Code).Select(r => r.Code).Take(8).ToListAsync());
        var read = await Task.WhenAll(villages.Select(code => api.GetFromJsonAsync<Features.Regions.RegionView>($"/api/v1/regions/{code}", CunzhiFactory.Json)));
        var results = await Task.WhenAll(read.Select((r, i) => api.PutAsJsonAsync($"/api/v1/regions/{r!.Code}", new { name = $"并发村{i}", version = r.Version })));
        results.ShouldAllBe(r => r.IsSuccessStatusCode);
        var output = new StringWriter();
        var code = await CliVerbs.RunAsync(f.Services, f.Services.GetRequiredService<IConfiguration>(), "verify-audit", [], output);
        code.ShouldBe(0, output.ToString());
    }
}

public sealed class AuditConcurrencyTests_Sqlite(SqliteFactory f) : AuditConcurrencyTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditConcurrencyTests_Postgres(PostgresFactory f) : AuditConcurrencyTests<PostgresFactory>(f);

/// <summary>Deleting a row from the middle, or the last row, is reported.</summary>
public abstract class AuditDeletionTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task Deleted_rows_are_named_whether_in_the_middle_or_at_the_tail()
    {
        var api = await f.ApiAs("county.admin");
        var version = (await api.GetFromJsonAsync<Features.Regions.RegionView>($"/api/v1/regions/{Demo.Dongxi}", CunzhiFactory.Json))!.Version;
        for (var i = 0; i < 3; i++)
        {
            var renamed = await api.PutAsJsonAsync($"/api/v1/regions/{Demo.Dongxi}", new { name = $"东溪村{i}", version });
            renamed.EnsureSuccessStatusCode();
            version = (await renamed.Content.ReadFromJsonAsync<Features.Regions.RegionView>(CunzhiFactory.Json))!.Version;
        }
        var last = await f.WithSystemDb(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        var middle = last - 1;
        await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {middle}"));
        var output = new StringWriter();
        var config = f.Services.GetRequiredService<IConfiguration>();
        (await CliVerbs.RunAsync(f.Services, config, "verify-audit", [], output)).ShouldBe(2);
        output.ToString().ShouldContain($"第 {middle} 条");
        output.ToString().ShouldContain("缺失");

        // Restore nothing; instead remove everything from the gap on: the head still remembers the tail.
        await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= {middle}"));
        output = new StringWriter();
        (await CliVerbs.RunAsync(f.Services, config, "verify-audit", [], output)).ShouldBe(2);
        output.ToString().ShouldContain("末尾记录被删除");
    }
}

public sealed class AuditDeletionTests_Sqlite(SqliteFactory f) : AuditDeletionTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditDeletionTests_Postgres(PostgresFactory f) : AuditDeletionTests<PostgresFactory>(f);
