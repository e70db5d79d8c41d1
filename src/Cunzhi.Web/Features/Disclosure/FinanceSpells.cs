using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>A busy-finance spell as listed: the village, its dates, its version.</summary>
public sealed record FinanceSpellView(long Id, string Village, string VillageName, DateOnly From, DateOnly? Until, int Version) : IVersionedView;

/// <summary>Declares a spell for a village: from a quarter's first day, until a quarter's last day (or open).</summary>
public sealed record DeclareFinanceSpell(string? Village, DateOnly? From, DateOnly? Until);

/// <summary>Changes a spell's dates (ending an open spell, say) from <see cref="Version"/>.</summary>
public sealed record ChangeFinanceSpell(DateOnly? From, DateOnly? Until) : IVersionedCommand
{
    public int? Version { get; set; }
}

/// <summary>Deletes a spell declared by mistake, from <see cref="Version"/> (query <c>version</c> or If-Match).</summary>
public sealed class RemoveFinanceSpell : IVersionedCommand
{
    public int? Version { get; set; }
}

/// <summary>
/// 集体财务往来较多时段: the town (for its villages) or the county declares when a village's collective finance is busy, and
/// the finance items marked so are owed monthly in those quarters (<see cref="DisclosureRules.Calendar"/>). The village
/// must be in the account's scope (the data context's region filter: another town's village is not found); the dates
/// must pass <see cref="FinanceSpellRules"/> beside the village's other spells; a change or deletion names the version it
/// was made from (stale: 409). Every write is audited by the data context.
/// </summary>
public sealed class FinanceSpells(AppDbContext db)
{
    public const string VillageNotFound = "未找到该村，或其不在您的管辖范围内";
    public const string NotFound = "未找到该时段，或其不在您的管辖范围内";

    /// <summary>The spells of the villages in scope (of one village when named), newest first.</summary>
    public async Task<Paged<FinanceSpellView>> ListAsync(string? village, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<VillageFinanceSpell>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(village)) q = q.Where(s => s.RegionCode == village.Trim());
        var rows = await q.OrderByDescending(s => s.From).ThenBy(s => s.RegionCode).ToPagedAsync(page, ct);
        var codes = rows.Items.Select(s => s.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new([.. rows.Items.Select(s => View(s, names.GetValueOrDefault(s.RegionCode, s.RegionCode)))], rows.Total, rows.Page, rows.PageSize);
    }

    /// <summary>One spell in scope, or null.</summary>
    public async Task<FinanceSpellView?> GetAsync(long id, CancellationToken ct = default) =>
        await db.Set<VillageFinanceSpell>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? await ViewAsync(s, ct) : null;

    /// <summary>Declares a spell; null when the village is not in scope. Refused (nothing written) when the dates are wrong or overlap.</summary>
    public async Task<FinanceSpellView?> DeclareAsync(DeclareFinanceSpell c, CancellationToken ct = default)
    {
        var code = c.Village?.Trim() ?? "";
        if (code.Length == 0) throw new RuleException("disclosure.spell-village", "village", "请选择村");
        if (!await db.Regions.AnyAsync(r => r.Code == code && r.Level == RegionLevel.Village, ct)) return null;
        if (c.From is not { } from) throw new RuleException("disclosure.spell-from", "from", "请填写起始日期");
        (from, var until) = (InputRange.Date(from, "from"), InputRange.Date(c.Until, "until"));
        var others = await db.Set<VillageFinanceSpell>().AsNoTracking().Where(s => s.RegionCode == code).Select(s => new FrequentFinanceSpell(s.From, s.Until)).ToListAsync(ct);
        if (FinanceSpellRules.Problems(from, until, others) is { Count: > 0 } problems) throw new RuleException(problems);
        var row = new VillageFinanceSpell { RegionCode = code, From = from, Until = until };
        db.Add(row);
        await SaveAsync(row, ct);
        return await ViewAsync(row, ct);
    }

    /// <summary>Changes a spell's dates; null when not found in scope.</summary>
    public async Task<FinanceSpellView?> ChangeAsync(long id, ChangeFinanceSpell c, CancellationToken ct = default)
    {
        if (await db.Set<VillageFinanceSpell>().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } row) return null;
        db.ExpectVersion(row, c.Version);
        if (c.From is not { } from) throw new RuleException("disclosure.spell-from", "from", "请填写起始日期");
        (from, var until) = (InputRange.Date(from, "from"), InputRange.Date(c.Until, "until"));
        var others = await db.Set<VillageFinanceSpell>().AsNoTracking().Where(s => s.RegionCode == row.RegionCode && s.Id != id)
            .Select(s => new FrequentFinanceSpell(s.From, s.Until)).ToListAsync(ct);
        if (FinanceSpellRules.Problems(from, until, others) is { Count: > 0 } problems) throw new RuleException(problems);
        (row.From, row.Until) = (from, until);
        await SaveAsync(row, ct);
        return await ViewAsync(row, ct);
    }

    /// <summary>Deletes a spell; false when not found in scope.</summary>
    public async Task<bool> RemoveAsync(long id, int? version, CancellationToken ct = default)
    {
        if (await db.Set<VillageFinanceSpell>().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } row) return false;
        db.ExpectVersion(row, version);
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Saves. A parallel request may have written an overlapping spell after this one's check: the database refuses it
    /// (<see cref="FinanceSpellOverlap"/>; two spells from the same day meet the unique index first) and the loser is told
    /// the same as by the check, naming the spell it overlaps.
    /// </summary>
    private async Task SaveAsync(VillageFinanceSpell row, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && (e.IsUniqueViolation() || FinanceSpellOverlap.IsViolation(e)))
        {
            var (code, id, from, until) = (row.RegionCode, row.Id, row.From, row.Until);
            var others = await db.Set<VillageFinanceSpell>().AsNoTracking().Where(s => s.RegionCode == code && s.Id != id)
                .Select(s => new FrequentFinanceSpell(s.From, s.Until)).ToListAsync(ct);
            var overlaps = FinanceSpellRules.Problems(from, until, others).Where(p => p.Code == "disclosure.spell-overlap").ToList();
            throw overlaps.Count > 0 ? new RuleException(overlaps) : new RuleException("disclosure.spell-overlap", "from", "与该村已认定的时段重叠（可能刚被他人认定），请刷新后查看");
        }
    }

    private async Task<FinanceSpellView> ViewAsync(VillageFinanceSpell s, CancellationToken ct) =>
        View(s, await db.Regions.AsNoTracking().Where(r => r.Code == s.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? s.RegionCode);

    private static FinanceSpellView View(VillageFinanceSpell s, string name) => new(s.Id, s.RegionCode, name, s.From, s.Until, s.RowVersion);
}
