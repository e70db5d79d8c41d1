using Cunzhi.Domain.Identity;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>The cadre import's optional 开户行 and 银行账号 columns: validated like the form, stored encrypted and masked.</summary>
public abstract class CadreBankImportTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/cadres/import";

    private static object?[] WithBank(object?[] cadre, string? bank, string? account) => [.. cadre, bank, account];

    [Fact]
    public async Task Imported_bank_accounts_are_stored_encrypted_and_masked()
    {
        var api = await f.ApiAs("town.sanxing");
        var (id1, id2) = (NewId(), NewId());
        var job = await api.ImportAsync(Url, await Sheet(CadreTemplateHeaders,
            WithBank(Cadre("钟银一", id1, Demo.Naoping), "中国邮政储蓄银行", "6217 9912 3456 7890 123"),
            WithBank(Cadre("钟银二", id2, Demo.Naoping), null, null)));
        job.ShouldHaveFinished(ImportState.Completed);
        var stored = await f.WithSystemDb(db => db.Cadres.Where(c => c.Name == "钟银一" || c.Name == "钟银二").OrderBy(c => c.Name).ToListAsync());
        var (first, second) = (stored.Single(c => c.Name == "钟银一"), stored.Single(c => c.Name == "钟银二"));
        (first.BankName, first.BankAccountMasked).ShouldBe(("中国邮政储蓄银行", "6217 **** **** 0123"));
        first.BankAccountCipher!.ShouldNotContain("6217991234567890123");
        (second.BankName, second.BankAccountCipher, second.BankAccountMasked).ShouldBe(((string?)null, (string?)null, (string?)null));
    }

    [Fact]
    public async Task A_bad_bank_account_is_reported_on_its_column_and_nothing_is_imported()
    {
        var api = await f.ApiAs("town.sanxing");
        var before = await f.WithSystemDb(db => db.Cadres.CountAsync());
        var job = await api.ImportAsync(Url, await Sheet(CadreTemplateHeaders,
            WithBank(Cadre("钟错银", NewId(), Demo.Naoping), "农村商业银行", "62170A")));
        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.ShouldContain(e => e.Row == 2 && e.Column == "银行账号" && e.Message == "银行账号只能包含数字、空格和连字符");
        job.Errors.ShouldContain(e => e.Row == 2 && e.Column == "银行账号" && e.Message.Contains("12–30 位"));
        (await f.WithSystemDb(db => db.Cadres.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task An_account_Excel_turned_into_a_number_is_reported_as_lost_digits()
    {
        var api = await f.ApiAs("town.sanxing");
        var job = await api.ImportAsync(Url, await Sheet(CadreTemplateHeaders,
            WithBank(Cadre("钟科学", NewId(), Demo.Naoping), "农村商业银行", "6.21799123456789E+18")));
        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.ShouldContain(e => e.Column == "银行账号" && e.Message.Contains("后几位已丢失"));
    }

    [Fact]
    public async Task A_file_without_the_bank_columns_still_imports()
    {
        var api = await f.ApiAs("town.sanxing");
        (await api.ImportAsync(Url, await Sheet(CadreHeaders, Cadre("钟无银", NewId(), Demo.Naoping)))).ShouldHaveFinished(ImportState.Completed);
        (await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Name == "钟无银"))).BankAccountMasked.ShouldBeNull();
    }
}

public sealed class CadreBankImportTests_Sqlite(SqliteFactory f) : CadreBankImportTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class CadreBankImportTests_Postgres(PostgresFactory f) : CadreBankImportTests<PostgresFactory>(f);
