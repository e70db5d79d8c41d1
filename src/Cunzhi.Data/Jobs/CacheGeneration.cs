using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Data.Jobs;

/// <summary>
/// Shared cache invalidation across nodes (README "Running several nodes"): one row per county whose public portal pages or
/// disclosure dues a committed save has changed, holding the number of that change. Every node keeps those pages and dues
/// in its own memory and polls this table for rows numbered above the last it saw; a row that moved clears that county's
/// entries on that node. Not region data (keyed by county, read only by the nodes' watchers) and not audited: the change it
/// marks is audited by the save that made it.
/// </summary>
public sealed class CacheGeneration
{
    /// <summary>County code (12 digits), or <see cref="CacheGenerations.AllCounties"/> for a change that concerns every county.</summary>
    public string CountyCode { get; set; } = "";
    /// <summary>Number of the latest change: one counter across all rows, so a node asks only for rows above the last it saw.</summary>
    public long Generation { get; set; }
    /// <summary>When it last moved (UTC), for people reading the table.</summary>
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>
/// Moves <see cref="CacheGeneration"/> rows in the save that changes what a node caches per county: postings and
/// withdrawals, busy-finance spells, recorded occurrences, disclosure rules, working calendars (the disclosure dues) and
/// power exercises and their steps (the portal's /Quanli pages). Called by <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// inside its transaction after the audit head's lock, as <see cref="MatterSummaries"/> is: the new number and the change
/// commit together, and since every save holds the head's lock until it commits, numbers become visible in order — a node
/// that has seen number n has seen every change numbered below it.
/// </summary>
public static class CacheGenerations
{
    /// <summary>The row of a change whose county is not known (a national calendar day): every county's entries go.</summary>
    public const string AllCounties = "*";

    /// <summary>The county (or <see cref="AllCounties"/>) whose cached dues or portal pages a change of <paramref name="entity"/> affects; null when none.</summary>
    public static string? CountyAffectedBy(object entity)
    {
        var code = entity switch
        {
            VillageDisclosure d => d.RegionCode,
            VillageFinanceSpell s => s.RegionCode,
            RecordedOccurrence o => o.RegionCode,
            DisclosurePolicy p => p.CountyCode,
            CalendarDay c => c.RegionCode,
            PowerExercise e => e.RegionCode,
            PowerStepEntry s => s.RegionCode,
            _ => null,
        };
        return code is null ? null : RegionCodes.CountyOf(code) ?? AllCounties;
    }

    internal static async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        SortedSet<string>? counties = null;
        foreach (var e in db.ChangeTracker.Entries())
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && CountyAffectedBy(e.Entity) is { } county)
                (counties ??= new(StringComparer.Ordinal)).Add(county);
        if (counties is null) return;
        var ticks = DateTime.UtcNow.Ticks;
        var now = new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
        foreach (var county in counties)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CacheGenerations" ("CountyCode", "Generation", "ChangedAtUtc")
                VALUES ({county}, (SELECT COALESCE(MAX("Generation"), 0) + 1 FROM "CacheGenerations"), {now})
                ON CONFLICT ("CountyCode") DO UPDATE SET "Generation" = excluded."Generation", "ChangedAtUtc" = excluded."ChangedAtUtc"
                """, ct);
    }
}
