using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Privacy;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>A disclosure's table: column headings and rows of cells.</summary>
public sealed record DisclosureTable(List<string?>? Headers, List<List<string?>>? Rows)
{
    /// <summary>The table as posted in a form field (JSON), or null when the field is empty; bad JSON is a 400.</summary>
    public static DisclosureTable? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<DisclosureTable>(json, JsonSerializerOptions.Web); }
        catch (JsonException) { throw new BadInputException("table", "表格格式不正确：应为 {\"headers\":[…],\"rows\":[[…],…]}"); }
    }

    /// <summary>
    /// A table typed on the page: one line a row, cells split by a tab or <c>|</c>, the first line the headings; null when blank.
    /// </summary>
    public static DisclosureTable? FromLines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Replace("\r", "").Split('\n').Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Split(l.Contains('\t') ? '\t' : '|').Select(c => (string?)c.Trim()).ToList()).ToList();
        return new(lines[0], lines.Skip(1).ToList());
    }

    /// <summary>Stored form.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <summary>The stored form read back (an empty table when unreadable).</summary>
    public static DisclosureTable FromJson(string json)
    {
        try { return JsonSerializer.Deserialize<DisclosureTable>(json, JsonSerializerOptions.Web) ?? new([], []); }
        catch (JsonException) { return new([], []); }
    }
}

/// <summary>
/// A posting as sent: the catalogue item; for a monthly or quarterly item the period's first day, for a 随时 item the
/// occurrence's day and key (a decision's number, a list's name); title, body, an optional table; files; and for images
/// the poster's confirmation that they hold no personal data.
/// </summary>
public sealed record PostDisclosure(string? ItemCode, DateOnly? PeriodStart, string? OccurrenceKey, string? Title, string? Body, DisclosureTable? Table,
    bool ImagesHaveNoPersonalData, IReadOnlyList<IFormFile> Files)
{
    /// <summary>The command from a multipart form (fields itemCode, periodStart, occurrenceKey, title, body, table as JSON, imagesHaveNoPersonalData, files).</summary>
    public static PostDisclosure FromForm(IFormCollection form)
    {
        string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        foreach (var (key, value) in form)
            if (InputText.HasForbidden(value.ToString())) throw new BadInputException(key, InputText.Message);
        DateOnly? start = null;
        if (F("periodStart") is { Length: > 0 } s)
            start = DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", out var d) ? InputRange.Date(d, "periodStart") : throw new BadInputException("periodStart", "日期格式应为 yyyy-MM-dd");
        var confirmed = F("imagesHaveNoPersonalData") is { } c && (c.Equals("true", StringComparison.OrdinalIgnoreCase) || c == "on" || c.StartsWith("true,", StringComparison.OrdinalIgnoreCase));
        return new(F("itemCode"), start, F("occurrenceKey"), F("title"), F("body"), DisclosureTable.Parse(F("table")), confirmed, [.. form.Files]);
    }
}

/// <summary>Withdraws a disclosure from <see cref="Version"/> with a reason.</summary>
public sealed record WithdrawDisclosure(string? Reason) : IVersionedCommand
{
    public int? Version { get; set; }
}

public sealed record DisclosureAttachmentView(long Id, string FileName, string ContentType, long Size, string Sha256, string? NoPersonalDataConfirmedBy, DateTime? NoPersonalDataConfirmedAtUtc);

public sealed record DisclosureView(long Id, string Village, string ItemCode, string ItemName, DisclosureCategory Category, string CategoryName, DisclosureFrequency Frequency,
    DateOnly PeriodStart, DateOnly PeriodEnd, string PeriodLabel, string? OccurrenceKey, string Title, string Body, DisclosureTable? Table,
    IReadOnlyList<DisclosureAttachmentView> Attachments, DateOnly PostedOn, string PostedBy, DateTime PostedAtUtc, bool Withdrawn, string? WithdrawReason, int Version) : IVersionedView;

/// <summary>
/// 村务公开的发布与撤回: a village cadre posts for the village, a town account for one of its villages (another village is
/// not found: the data context's scope). Every text, table cell and the text of each PDF/XLSX is scanned by
/// <see cref="PersonalDataGuard"/> before anything is written; a hit refuses the whole posting naming where (never the
/// number). Images only with the 「不含个人信息」 confirmation, recorded on the file. The row and the files are written in
/// one save (the audit entry comes with it); the public portal's cache of the village is evicted after.
/// </summary>
public sealed class DisclosurePostings(AppDbContext db, UserContext user, TimeProvider clock, DisclosurePolicyHandlers policies, EvidenceStore files, IOutputCacheStore cache)
{
    public const string VillageNotFound = "未找到该村，或其不在您的管辖范围内";
    public const string NotFound = "未找到该公开，或其不在您的管辖范围内";

    private async Task<Region?> VillageAsync(string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code && r.Level == RegionLevel.Village, ct);

    /// <summary>A village's disclosures in scope, newest first (withdrawn ones too when asked); null when the village is not in scope.</summary>
    public async Task<Paged<DisclosureView>?> ListAsync(string village, string? item, bool withdrawn, PageRequest page, CancellationToken ct = default)
    {
        if (await VillageAsync(village, ct) is null) return null;
        var q = db.Set<VillageDisclosure>().AsNoTracking().Where(d => d.RegionCode == village);
        if (!withdrawn) q = q.Where(d => d.WithdrawnAtUtc == null);
        if (!string.IsNullOrWhiteSpace(item)) q = q.Where(d => d.ItemCode == item.Trim());
        var rows = await q.OrderByDescending(d => d.PostedOn).ThenByDescending(d => d.Id).ToPagedAsync(page, ct);
        var ids = rows.Items.Select(d => d.Id).ToList();
        var att = (await db.Set<DisclosureAttachment>().AsNoTracking().Where(a => ids.Contains(a.DisclosureId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.DisclosureId);
        return new([.. rows.Items.Select(d => View(d, att[d.Id]))], rows.Total, rows.Page, rows.PageSize);
    }

    /// <summary>One disclosure in scope, or null.</summary>
    public async Task<DisclosureView?> GetAsync(long id, CancellationToken ct = default)
    {
        if (await db.Set<VillageDisclosure>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } d) return null;
        var att = await db.Set<DisclosureAttachment>().AsNoTracking().Where(a => a.DisclosureId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return View(d, att);
    }

    /// <summary>An attachment's row in scope, or null.</summary>
    public Task<DisclosureAttachment?> AttachmentAsync(long id, long attachmentId, CancellationToken ct = default) =>
        db.Set<DisclosureAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.DisclosureId == id, ct);

    public static DisclosureView View(VillageDisclosure d, IEnumerable<DisclosureAttachment> attachments) => new(d.Id, d.RegionCode, d.ItemCode, d.ItemName, d.Category,
        DisclosureRules.CategoryName(d.Category), d.Frequency, d.PeriodStart, d.PeriodEnd, new DisclosurePeriod(d.Frequency, d.PeriodStart, d.PeriodEnd).Label,
        d.OccurrenceKey.Length == 0 ? null : d.OccurrenceKey, d.Title, d.Body, d.TableJson is null ? null : DisclosureTable.FromJson(d.TableJson),
        [.. attachments.Select(a => new DisclosureAttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.NoPersonalDataConfirmedBy, a.NoPersonalDataConfirmedAtUtc))],
        d.PostedOn, d.PostedBy, d.PostedAtUtc, d.WithdrawnAtUtc is not null, d.WithdrawReason, d.RowVersion);

    /// <summary>Posts a disclosure for <paramref name="village"/>; null when the village is not in scope. Refused (nothing written) on any problem.</summary>
    public async Task<DisclosureView?> PostAsync(string village, PostDisclosure c, CancellationToken ct = default)
    {
        if (await VillageAsync(village, ct) is null) return null;
        var today = clock.Today();
        var county = RegionCodes.CountyOf(village)!;
        var rules = await policies.RulesOfAsync(county, ct);
        var problems = new List<RuleProblem>();

        // What is owed: the item and the period (or occurrence) as the rules in force then define them.
        var code = c.ItemCode?.Trim();
        DisclosureItem? item = null;
        DisclosurePolicy? policy = null;
        DisclosurePeriod? period = null;
        var key = "";
        if (c.PeriodStart is not { } start) problems.Add(new("disclosure.period", "periodStart", "请填写公开期间的第一天（随时公开事项填事项发生日期）"));
        else
        {
            policy = DisclosurePolicy.InForce(rules, DisclosureRules.QuarterStart(start));
            var found = string.IsNullOrEmpty(code) ? null : policy?.Item(code);
            if (found is { Frequency: DisclosureFrequency.Immediate })
            {
                policy = DisclosurePolicy.InForce(rules, start);
                found = policy?.Item(code!);
                key = c.OccurrenceKey?.Trim() ?? "";
                if (found is not { Frequency: DisclosureFrequency.Immediate }) problems.Add(new("disclosure.item", "itemCode", "该日期适用的公开目录中，这一事项不是随时公开事项"));
                if (key.Length is 0 or > VillageDisclosure.MaxOccurrenceKey)
                    problems.Add(new("disclosure.occurrence", "occurrenceKey", $"随时公开事项请填写事项名称或文号（1 至 {VillageDisclosure.MaxOccurrenceKey} 个字）"));
                if (start > today) problems.Add(new("disclosure.occurrence", "periodStart", "事项发生日期不能晚于今天"));
                item = found;
                period = new(DisclosureFrequency.Immediate, start, start);
            }
            else
            {
                var spells = await db.Set<VillageFinanceSpell>().AsNoTracking().Where(s => s.RegionCode == village)
                    .Select(s => new FrequentFinanceSpell(s.From, s.Until)).ToListAsync(ct);
                var periodic = DisclosureRules.PostingProblems(rules, spells, code, start, today);
                problems.AddRange(periodic);
                if (periodic.Count == 0 && found is not null)
                {
                    item = found;
                    var frequency = found.FrequencyFor(DisclosureRules.IsFrequentFinance(spells, DisclosureRules.QuarterStart(start)));
                    period = frequency == DisclosureFrequency.Monthly
                        ? new(frequency, start, start.AddMonths(1).AddDays(-1))
                        : new(frequency, start, DisclosureRules.QuarterStart(start).AddMonths(3).AddDays(-1));
                }
            }
        }

        var title = c.Title?.Trim() ?? "";
        var body = c.Body?.Trim() ?? "";
        if (title.Length is 0 or > VillageDisclosure.MaxTitle) problems.Add(new("disclosure.title", "title", $"标题须为 1 至 {VillageDisclosure.MaxTitle} 个字"));
        if (body.Length > VillageDisclosure.MaxBody) problems.Add(new("disclosure.body", "body", $"正文不能超过 {VillageDisclosure.MaxBody} 个字"));
        var table = Clean(c.Table, problems);
        if (body.Length == 0 && table is null && c.Files.Count == 0) problems.Add(new("disclosure.empty", "body", "请填写正文、表格或上传附件"));
        if (c.Files.Count > DisclosureAttachment.MaxFiles) problems.Add(new("disclosure.files", "files", $"每次公开最多上传 {DisclosureAttachment.MaxFiles} 个附件"));

        // Files: the kind by content, size, and the text of PDFs and workbooks.
        var hits = new List<PersonalDataHit>();
        hits.AddRange(PersonalDataGuard.ScanText(title, "标题"));
        hits.AddRange(PersonalDataGuard.ScanText(key, "事项名称"));
        hits.AddRange(PersonalDataGuard.ScanText(body, "正文"));
        if (table is not null) hits.AddRange(PersonalDataGuard.ScanTable(table.Rows!, table.Headers).Select(h => h with { Where = "表格" + h.Where }));
        var kinds = await DisclosureFileScan.CheckUploadsAsync(c.Files, DisclosureAttachment.MaxFiles, DisclosureAttachment.MaxBytes, c.ImagesHaveNoPersonalData, "disclosure", problems, hits, ct);
        RuleException.ThrowIfAny(problems);
        PersonalDataGuard.EnsureNone(hits);

        if (await db.Set<VillageDisclosure>().AnyAsync(d => d.RegionCode == village && d.ItemCode == item!.Code && d.PeriodStart == period!.Start
                && d.OccurrenceKey == key && d.WithdrawnAtUtc == null, ct))
            throw Duplicate(item!, period!);

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new VillageDisclosure
        {
            RegionCode = village, ItemCode = item!.Code, ItemName = item.Name, Category = item.Category, PolicyVersion = policy!.Version, PeriodStart = period!.Start,
            PeriodEnd = period.End, Frequency = period.Frequency, OccurrenceKey = key, Title = title, Body = body, TableJson = table?.ToJson(), PostedOn = today,
            PostedBy = user.UserName, PostedAtUtc = now,
        };
        db.Add(row);
        var stored = new List<DisclosureAttachment>();
        try
        {
            for (var i = 0; i < c.Files.Count; i++)
            {
                var saved = await files.StoreAsync(c.Files[i], ct);
                var image = kinds[i] == DisclosureFileKind.Image;
                var a = new DisclosureAttachment
                {
                    RegionCode = village, FileName = saved.FileName, ContentType = kinds[i] == DisclosureFileKind.Xlsx ? DisclosureFileScan.ContentType(kinds[i], []) : saved.ContentType,
                    Size = saved.Size, Sha256 = saved.Sha256, StoredName = saved.StoredName,
                    NoPersonalDataConfirmedBy = image ? user.UserName : null, NoPersonalDataConfirmedAtUtc = image ? now : null,
                };
                stored.Add(a);
                row.Attachments.Add(a);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            foreach (var a in stored) files.Delete(a.StoredName);
            throw Duplicate(item, period);
        }
        catch
        {
            foreach (var a in stored) files.Delete(a.StoredName);
            throw;
        }
        await EvictAsync(village, ct);
        return View(row, stored);
    }

    private static RuleException Duplicate(DisclosureItem item, DisclosurePeriod period) =>
        new("disclosure.posted", "periodStart", $"「{item.Name}」{period.Label}已公开；如需更正，请先撤回原公开再重新发布");

    /// <summary>The table trimmed, or null when it has no cells; size problems added.</summary>
    private static DisclosureTable? Clean(DisclosureTable? t, List<RuleProblem> problems)
    {
        if (t is null) return null;
        var headers = (t.Headers ?? []).Select(h => (string?)(h?.Trim() ?? "")).ToList();
        var rows = (t.Rows ?? []).Where(r => r is not null).Select(r => r.Select(c => (string?)(c?.Trim() ?? "")).ToList()).ToList();
        if (headers.Count == 0 && rows.Count == 0) return null;
        if (rows.Count > VillageDisclosure.MaxRows) problems.Add(new("disclosure.table", "table", $"表格最多 {VillageDisclosure.MaxRows} 行"));
        if (rows.Append(headers).Any(r => r.Count > VillageDisclosure.MaxColumns)) problems.Add(new("disclosure.table", "table", $"表格最多 {VillageDisclosure.MaxColumns} 列"));
        if (rows.Append(headers).SelectMany(r => r).Any(c => c!.Length > VillageDisclosure.MaxCell))
            problems.Add(new("disclosure.table", "table", $"表格每格不能超过 {VillageDisclosure.MaxCell} 个字"));
        return new(headers, rows);
    }

    /// <summary>Withdraws a public disclosure in scope with a reason; null when not found.</summary>
    public async Task<DisclosureView?> WithdrawAsync(long id, WithdrawDisclosure c, CancellationToken ct = default)
    {
        if (await db.Set<VillageDisclosure>().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } d) return null;
        db.ExpectVersion(d, c.Version);
        var reason = c.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > VillageDisclosure.MaxReason) throw new RuleException("disclosure.reason", "reason", $"请填写撤回理由（1 至 {VillageDisclosure.MaxReason} 个字）");
        if (d.WithdrawnAtUtc is not null) throw new RuleException("disclosure.withdrawn", null, "该公开已撤回");
        (d.WithdrawnAtUtc, d.WithdrawnBy, d.WithdrawReason) = (clock.GetUtcNow().UtcDateTime, user.UserName, reason);
        await db.SaveChangesAsync(ct);
        await EvictAsync(d.RegionCode, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Drops the public portal's cached pages of the village, its town and the county list.</summary>
    private async Task EvictAsync(string village, CancellationToken ct)
    {
        await cache.EvictByTagAsync(PublicDisclosureCache.VillageTag(village), ct);
        await cache.EvictByTagAsync(PublicDisclosureCache.TownTag(RegionCodes.TownOf(village)!), ct);
    }
}
