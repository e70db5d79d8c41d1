using System.Runtime.CompilerServices;
using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Cadres.Import;

/// <summary>
/// The filtered registry as a workbook: the list page's query (<see cref="CadreHandlers.Query"/>), written as it is
/// read, in chunks, so 100,000 rows never sit in memory. ID, phone and bank account numbers are masked, as on every page; with
/// <c>full</c> (only for an account with the reveal permission, which callers check) they are decrypted, and the
/// export is an audit entry — written before the first row leaves, with the filter and the row count.
/// </summary>
public sealed class CadreExport(AppDbContext db, CadreHandlers cadres, PersonalDataProtector protector, TimeProvider clock)
{
    private const int Chunk = 2000;
    public const string SheetName = "村干部名册";

    private static readonly XlsxColumn[] Columns =
    [
        new("姓名"), new("性别"), new("年龄", XlsxKind.Integer), new("身份证号", Width: 21), new("手机号", Width: 14), new("乡镇（街道）"),
        new("所在村（社区）"), new("职务"), new("任职日期", XlsxKind.Date), new("届次", XlsxKind.Integer), new("学历"), new("政治面貌"), new("来源"),
        new("派出单位"), new("专业化管理书记", XlsxKind.Boolean), new("职级", XlsxKind.Integer), new("状态"),
        new("开户行"), new("银行账号", Width: 24),
    ];

    private sealed record Extra(long Id, DateOnly StartDate, int? Term, string? AssignedFrom, bool IsProfessionalSecretary, string? NationalIdCipher,
        string? PhoneCipher, string? BankAccountCipher);

    public async Task<XlsxDownload> ExportAsync(CadreFilter filter, RegionView scope, bool full, CancellationToken ct)
    {
        var query = cadres.Query(filter);
        if (full)
        {
            var rows = await query.LongCountAsync(ct);
            // A full ID number typed as the search would otherwise sit in the log in clear.
            var q = filter.Q is { } text && NationalId.Parse(text, cadres.Today).Normalized is { } id ? NationalId.Mask(id) : filter.Q;
            var detail = JsonSerializer.Serialize(new { fullNumbers = true, region = scope.Code, status = filter.Status?.ToString(), post = filter.Post, q, rows },
                AuditCapture.Json);
            db.RecordEvent(AuditActions.Export, nameof(Cadre), "registry", scope.Code, detail);
            await db.SaveChangesAsync(ct);
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var name = $"{SheetName}-{scope.Name}-{today:yyyyMMdd}{(full ? "-含完整证件号" : "")}.xlsx";
        return new XlsxDownload(name, (stream, token) => XlsxWriter.WriteAsync(stream, new XlsxSheet(SheetName, Columns, RowsAsync(query, full, today, token)), token));
    }

    private async IAsyncEnumerable<object?[]> RowsAsync(IQueryable<CadreRow> query, bool full, DateOnly today, [EnumeratorCancellation] CancellationToken ct)
    {
        var towns = await db.Regions.AsNoTracking().Towns().ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        // Pages of the list's own order; the columns the list does not carry come by id, one query per page.
        for (var skip = 0; ; skip += Chunk)
        {
            var page = await query.Skip(skip).Take(Chunk).ToListAsync(ct);
            var ids = page.Select(r => r.Id).ToList();
            var extras = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new Extra(c.Id, c.StartDate, c.Term, c.AssignedFrom, c.IsProfessionalSecretary, full ? c.NationalIdCipher : null,
                    full ? c.PhoneCipher : null, full ? c.BankAccountCipher : null))
                .ToDictionaryAsync(e => e.Id, ct);
            foreach (var c in page)
            {
                var x = extras[c.Id];
                yield return
                [
                    c.Name, CadreNames.Gender(c.Gender), Cadre.AgeOn(c.BirthDate, today),
                    full && x.NationalIdCipher is { } id ? protector.Unprotect(id) : c.NationalIdMasked,
                    full && x.PhoneCipher is { } phone ? protector.Unprotect(phone) : c.PhoneMasked,
                    RegionCodes.ParentOf(c.RegionCode) is { } town ? towns.GetValueOrDefault(town) : null, c.VillageName,
                    CadreNames.Post(c.PostCode), x.StartDate, x.Term, CadreNames.Education(c.EducationCode), c.IsPartyMember ? "中共党员" : "群众",
                    CadreNames.Origin(c.Origin), x.AssignedFrom, x.IsProfessionalSecretary, c.Rank, CadreNames.Status(c.Status),
                    c.BankName, full && x.BankAccountCipher is { } account ? protector.Unprotect(account) : c.BankAccountMasked,
                ];
            }
            if (page.Count < Chunk)
                yield break;
        }
    }
}
