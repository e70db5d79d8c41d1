using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// A write that fails part-way (here: a 户号 that someone registered after the checks) rolls the whole import back,
/// batches already saved included, and the job says so. The importer is a test double; the runner, worker and data
/// context are the application's.
/// </summary>
public abstract class ImportRollbackTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    public sealed record Row(int Number);

    /// <summary>Valid rows, except that row 2,400 (in the second batch of 2,000) collides with an existing household.</summary>
    public sealed class CollidingImporter(string taken) : IImporter<Row>
    {
        public const string Kind = "colliding";
        public static readonly XlsxImportColumn[] Columns = [new("序号", XlsxKind.Integer)];

        public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;
        public Row? Parse(XlsxRecord record) => new(record.Int("序号")!.Value);
        public Task CheckAsync(IReadOnlyList<Row> rows, CellErrors errors, CancellationToken ct) => Task.CompletedTask;

        public void Add(AppDbContext db, Row row) => db.Households.Add(new Household
        {
            RegionCode = Demo.Naoping, Number = row.Number == 2_400 ? taken : $"R-{row.Number}", HeadName = "回滚测试",
        });
    }

    [Fact]
    public async Task A_failure_while_writing_rolls_every_batch_back_with_a_message()
    {
        var taken = await f.WithSystemDb(db => db.Households.Where(h => h.RegionCode == Demo.Naoping).Select(h => h.Number).FirstAsync());
        await using var app = f.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddScoped(_ => new CollidingImporter(taken));
            s.AddSingleton(new ImportKind(CollidingImporter.Kind, "回滚测试", CollidingImporter.Columns, (sp, job, ct) =>
                sp.GetRequiredService<ImportRunner>().RunAsync(sp.GetRequiredService<CollidingImporter>(), CollidingImporter.Columns, job, ct)));
        }));
        var path = Path.Combine(Path.GetTempPath(), $"cunzhi-rollback-{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
            await XlsxWriter.WriteAsync(file, new XlsxSheet("回滚", [new XlsxColumn("序号", XlsxKind.Integer)],
                Enumerable.Range(1, 3_000).Select(i => new object?[] { i })));
        var owner = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "rollback-test"), new Claim(ClaimTypes.Name, "town.sanxing"), new Claim(CunzhiClaims.Region, Demo.Sanxing)],
            "test"));
        var before = await f.WithSystemDb(async db => (await db.Households.CountAsync(), await db.AuditEntries.CountAsync()));

        var job = app.Services.GetRequiredService<ImportJobs>().Enqueue(CollidingImporter.Kind, "回滚.xlsx", path, owner);
        var until = DateTime.UtcNow.AddMinutes(2);
        while (!job.IsFinished && DateTime.UtcNow < until)
            await Task.Delay(50);

        var result = job.Snapshot();
        result.State.ShouldBe(ImportState.Failed, result.Message);
        result.Message.ShouldBe("写入时与已有数据冲突（可能有人在导入期间登记了相同的身份证号或户号），已全部撤销，没有写入任何数据。请重新上传");
        result.Written.ShouldBe(0);
        (await f.WithSystemDb(async db => (await db.Households.CountAsync(), await db.AuditEntries.CountAsync()))).ShouldBe(before);
        (await f.WithSystemDb(db => db.Households.AnyAsync(h => h.Number == "R-1"))).ShouldBeFalse();
        File.Exists(path).ShouldBeFalse("the upload is removed once the job is done");
        (await f.WithSystemDb(db => AuditVerifier.VerifyAsync(db))).Intact.ShouldBeTrue();
    }
}

public sealed class ImportRollbackTests_Sqlite(SqliteFactory f) : ImportRollbackTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ImportRollbackTests_Postgres(PostgresFactory f) : ImportRollbackTests<PostgresFactory>(f);
