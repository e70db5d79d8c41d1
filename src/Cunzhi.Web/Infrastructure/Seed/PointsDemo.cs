using Cunzhi.Data;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// Points for the demo (fixed, no randomness): the default 积分细则 published as version 1 from 2024-01-01 for the demo
/// county, and in 闹坪村 (<see cref="Village"/>) only: two entries in force on the first household, one in 公示 on the
/// second, one waiting for review on the third (proposed by the demo committee, so <c>village.naoping</c> can approve it),
/// and one in force for the village's first Party member when there is one, with their running balances. Does nothing
/// when the county already has a catalogue.
/// </summary>
public sealed class PointsDemo(AppDbContext db)
{
    /// <summary>The demo village 闹坪村.</summary>
    public const string Village = "360922106208";
    /// <summary>The demo committee member who proposed and approved the seeded entries.</summary>
    public const string Committee = "demo";

    public async Task SeedAsync(string county, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<PointsPolicy>().AnyAsync(p => p.CountyCode == county, ct) || !await db.Regions.AnyAsync(r => r.Code == county, ct)) return;
        var policy = new PointsPolicy
        {
            CountyCode = county, Version = 1, EffectiveFrom = new DateOnly(2024, 1, 1), IsPublished = true, PublishedBy = Committee, PublishedAtUtc = nowUtc,
            Items = PointsPolicy.DefaultItems(),
        };
        db.Add(policy);
        var households = await db.Households.AsNoTracking().Where(h => h.RegionCode == Village).OrderBy(h => h.Id).Take(3)
            .Select(h => new { h.Id, h.HeadName }).ToListAsync(ct);
        var member = await db.Residents.AsNoTracking().Where(r => r.RegionCode == Village && r.IsPartyMember).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name }).FirstOrDefaultAsync(ct);
        var balances = new Dictionary<(PointsHolderKind, long, int), PointsBalance>();

        PointsEntry Entry(PointsHolderKind kind, long id, string name, string code, int daysAgo, PointsEntryState state, string proposedBy)
        {
            var item = policy.Item(code)!;
            var date = today.AddDays(-daysAgo);
            var e = new PointsEntry
            {
                RegionCode = Village, HolderKind = kind, HolderId = id, HolderName = name, Year = date.Year, Date = date, PolicyVersion = 1, ItemCode = code,
                ItemName = item.Name, Points = item.Sign == PointsSign.Deduct ? -item.Points : item.Points, Note = "演示数据", State = PointsEntryState.Proposed,
                ProposerKind = PointsProposer.VillageCadre, ProposedBy = proposedBy, ProposedAtUtc = nowUtc,
                Evidence = item.EvidenceRequired ? "村委会存档照片" : null,
            };
            if (state != PointsEntryState.Proposed)
            {
                var from = state == PointsEntryState.InForce ? date.AddDays(1) : today;
                (e.State, e.DecidedBy, e.DecidedAtUtc, e.PublicityFrom, e.PublicityUntil) = (PointsEntryState.Publicity, Committee, nowUtc, from, from.AddDays(policy.PublicityDays - 1));
            }
            if (state == PointsEntryState.InForce)
            {
                (e.State, e.InForceOn, e.AppliedPoints) = (PointsEntryState.InForce, e.PublicityUntil!.Value.AddDays(1), e.Points);
                if (!balances.TryGetValue((kind, id, e.Year), out var row))
                    balances[(kind, id, e.Year)] = row = new PointsBalance { RegionCode = Village, HolderKind = kind, HolderId = id, Year = e.Year };
                PointsRules.Count(row, e.Points, reversal: false);
            }
            db.Add(e);
            return e;
        }

        if (households.Count > 0)
        {
            Entry(PointsHolderKind.Household, households[0].Id, households[0].HeadName, "A01", 30, PointsEntryState.InForce, Committee);
            Entry(PointsHolderKind.Household, households[0].Id, households[0].HeadName, "A02", 20, PointsEntryState.InForce, Committee);
        }
        if (households.Count > 1) Entry(PointsHolderKind.Household, households[1].Id, households[1].HeadName, "A03", 1, PointsEntryState.Publicity, Committee);
        if (households.Count > 2) Entry(PointsHolderKind.Household, households[2].Id, households[2].HeadName, "A01", 0, PointsEntryState.Proposed, Committee);
        if (member is not null) Entry(PointsHolderKind.PartyMember, member.Id, member.Name, "P02", 25, PointsEntryState.InForce, Committee);
        db.AddRange(balances.Values);
        await db.SaveChangesAsync(ct);
        await StoreDemo.SeedAsync(db, Village, balances, households.Select(h => (h.Id, h.HeadName)).ToList(), today, nowUtc, ct);
    }
}
