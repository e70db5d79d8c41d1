using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Web.Infrastructure.Web;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cunzhi.Web.Tests;

/// <summary>
/// A database too busy to answer in time (SQLite's writer lock not granted within the busy timeout under many waiters,
/// a PostgreSQL lock timeout or deadlock) is not a fault of the request and not a server bug: 503 with Retry-After and a
/// Chinese message that says nothing was saved, never 500.
/// </summary>
public sealed class BusyDatabaseTests(Infrastructure.SqliteFactory f) : IClassFixture<Infrastructure.SqliteFactory>
{
    public static TheoryData<string, Exception, bool> Errors => new()
    {
        { "SQLite busy", new SqliteException("database is locked", 5), true },
        { "SQLite locked", new SqliteException("database table is locked", 6), true },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19), false },
        { "PostgreSQL lock not available", new PostgresException("lock", "ERROR", "ERROR", "55P03"), true },
        { "PostgreSQL serialization failure", new PostgresException("serialize", "ERROR", "ERROR", "40001"), true },
        { "PostgreSQL deadlock", new PostgresException("deadlock", "ERROR", "ERROR", "40P01"), true },
        { "PostgreSQL statement timeout", new PostgresException("canceled", "ERROR", "ERROR", "57014"), true },
        { "PostgreSQL unique violation", new PostgresException("unique", "ERROR", "ERROR", "23505"), false },
        { "busy inside EF's save error", new DbUpdateException("save", new SqliteException("database is locked", 5)), true },
        { "another fault", new InvalidOperationException("x"), false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Busy_is_told_from_other_database_errors(string name, Exception e, bool busy) =>
        DbErrors.IsBusy(e).ShouldBe(busy, name);

    private async Task<HttpContext> HandleAsync(string path, Exception e)
    {
        var http = new DefaultHttpContext { RequestServices = f.Services };
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        var handler = new CunzhiExceptionHandler(f.Services.GetRequiredService<IProblemDetailsService>(), NullLogger<CunzhiExceptionHandler>.Instance);
        (await handler.TryHandleAsync(http, e, CancellationToken.None)).ShouldBeTrue();
        return http;
    }

    [Fact]
    public async Task A_busy_database_on_the_api_answers_503_with_retry_after_and_a_chinese_message()
    {
        var http = await HandleAsync("/api/v1/points/store/redemptions", new DbUpdateException("save", new SqliteException("database is locked", 5)));
        http.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("5");
        http.Response.Body.Position = 0;
        var body = JsonDocument.Parse(http.Response.Body).RootElement;
        body.GetProperty("detail").GetString().ShouldBe(CunzhiExceptionHandler.BusyMessage);
    }

    [Fact]
    public async Task A_busy_database_on_a_page_answers_503()
    {
        var http = await HandleAsync("/Points/Redeem", new PostgresException("lock", "ERROR", "ERROR", "55P03"));
        http.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
    }

    [Fact]
    public async Task Another_fault_still_answers_500()
    {
        var http = await HandleAsync("/api/v1/points/store/redemptions", new InvalidOperationException("x"));
        http.Response.StatusCode.ShouldBe(StatusCodes.Status500InternalServerError);
    }
}
