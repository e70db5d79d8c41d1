using Cunzhi.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class PointsPolicyConfiguration : IEntityTypeConfiguration<PointsPolicy>
{
    public void Configure(EntityTypeBuilder<PointsPolicy> b)
    {
        b.ToTable("PointsPolicies");
        b.Property(p => p.CountyCode).HasMaxLength(15);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.CountyCode, p.Version }).IsUnique();
        // The catalogue is small and read whole with its version: JSON text on both providers.
        b.Property(p => p.Items).HasConversion(JsonList<PointsItem>.Converter, JsonList<PointsItem>.Comparer).HasMaxLength(100_000);
    }
}

internal sealed class VillagePointsItemConfiguration : IEntityTypeConfiguration<VillagePointsItem>
{
    public void Configure(EntityTypeBuilder<VillagePointsItem> b)
    {
        b.ToTable("VillagePointsItems");
        b.Property(i => i.RegionCode).HasMaxLength(15);
        b.Property(i => i.Code).HasMaxLength(PointsRules.MaxCode);
        b.Property(i => i.Name).HasMaxLength(PointsRules.MaxName);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        // A code is a village's for good (retired items keep theirs, so an entry's code names one item).
        b.HasIndex(i => new { i.RegionCode, i.Code }).IsUnique();
    }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.ToTable("PointsEntries");
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.HolderName).HasMaxLength(50);
        b.Property(e => e.ItemCode).HasMaxLength(PointsRules.MaxCode);
        b.Property(e => e.ItemName).HasMaxLength(PointsRules.MaxName + 10);
        b.Property(e => e.Note).HasMaxLength(PointsEntry.MaxText);
        b.Property(e => e.Evidence).HasMaxLength(PointsEntry.MaxText);
        b.Property(e => e.RejectReason).HasMaxLength(PointsEntry.MaxText);
        b.Property(e => e.ReversalReason).HasMaxLength(PointsEntry.MaxText);
        b.Property(e => e.ProposedBy).HasMaxLength(256);
        b.Property(e => e.DecidedBy).HasMaxLength(256);
        b.Property(e => e.ProposerName).HasMaxLength(50);
        b.Ignore(e => e.IsReversed);
        b.Ignore(e => e.Counts);
        b.HasOne<VillagePointsItem>().WithMany().HasForeignKey(e => e.VillageItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PointsEntry>().WithMany().HasForeignKey(e => e.ReversesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoreItem>().WithMany().HasForeignKey(e => e.StoreItemId).OnDelete(DeleteBehavior.Restrict);
        // An entry is reversed at most once, also under concurrent requests.
        b.HasIndex(e => e.ReversesId).IsUnique().HasFilter("\"ReversesId\" IS NOT NULL");
        // A holder's statement and the cap per year per rule.
        b.HasIndex(e => new { e.HolderKind, e.HolderId, e.Year, e.ItemCode });
        // A village's lists by state, and the sweep of posted entries.
        b.HasIndex(e => new { e.RegionCode, e.State, e.Id });
        b.HasIndex(e => new { e.State, e.PublicityUntil });
        b.ToTable(t => t.HasCheckConstraint("CK_PointsEntries_Points", "\"Points\" <> 0"));
    }
}

internal sealed class PointsObjectionConfiguration : IEntityTypeConfiguration<PointsObjection>
{
    public void Configure(EntityTypeBuilder<PointsObjection> b)
    {
        b.ToTable("PointsObjections");
        b.Property(o => o.RegionCode).HasMaxLength(15);
        b.Property(o => o.ObjectorName).HasMaxLength(50);
        b.Property(o => o.Reason).HasMaxLength(PointsEntry.MaxText);
        b.Property(o => o.ReviewNote).HasMaxLength(PointsEntry.MaxText);
        b.Property(o => o.RecordedBy).HasMaxLength(256);
        b.Property(o => o.ReviewedBy).HasMaxLength(256);
        b.HasOne<PointsEntry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.RegionCode, o.Outcome });
    }
}

internal sealed class PointsBalanceConfiguration : IEntityTypeConfiguration<PointsBalance>
{
    public void Configure(EntityTypeBuilder<PointsBalance> b)
    {
        b.ToTable("PointsBalances", t =>
        {
            t.HasCheckConstraint("CK_PointsBalances_Earned", "\"Earned\" >= 0");
            t.HasCheckConstraint("CK_PointsBalances_Deducted", "\"Deducted\" >= 0");
            t.HasCheckConstraint("CK_PointsBalances_Entries", "\"Entries\" >= 0");
            t.HasCheckConstraint("CK_PointsBalances_Spent", "\"Spent\" >= 0");
        });
        b.Property(x => x.RegionCode).HasMaxLength(15);
        b.Ignore(x => x.Net);
        // One running row per holder and year: two first entries of a holder racing cannot make two rows.
        b.HasIndex(x => new { x.HolderKind, x.HolderId, x.Year }).IsUnique();
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class PointsCapUsageConfiguration : IEntityTypeConfiguration<PointsCapUsage>
{
    public void Configure(EntityTypeBuilder<PointsCapUsage> b)
    {
        // The cap per rule per year, held by the database: never past the cap, never below zero.
        b.ToTable("PointsCapUsages", t =>
        {
            t.HasCheckConstraint("CK_PointsCapUsages_Used", "\"Used\" >= 0 AND \"Used\" <= \"Cap\"");
        });
        b.Property(x => x.RegionCode).HasMaxLength(15);
        b.Property(x => x.ItemCode).HasMaxLength(PointsRules.MaxCode);
        // One row per holder, year and item: two first approvals racing cannot make two rows.
        b.HasIndex(x => new { x.HolderKind, x.HolderId, x.Year, x.ItemCode }).IsUnique();
        b.HasIndex(x => x.RegionCode);
    }
}
