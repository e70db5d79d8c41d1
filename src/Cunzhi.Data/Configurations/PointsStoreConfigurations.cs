using Cunzhi.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class StoreItemConfiguration : IEntityTypeConfiguration<StoreItem>
{
    public void Configure(EntityTypeBuilder<StoreItem> b)
    {
        b.ToTable("StoreItems", t =>
        {
            // Never oversold: whatever the application does, the stock cannot go below zero.
            t.HasCheckConstraint("CK_StoreItems_Stock", "\"Stock\" >= 0");
            t.HasCheckConstraint("CK_StoreItems_Points", "\"Points\" > 0");
        });
        b.Property(i => i.RegionCode).HasMaxLength(15);
        b.Property(i => i.Name).HasMaxLength(StoreItem.MaxName);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.HasIndex(i => new { i.RegionCode, i.RetiredAtUtc });
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.ToTable("StockMovements", t =>
        {
            t.HasCheckConstraint("CK_StockMovements_Quantity", "\"Quantity\" <> 0");
            t.HasCheckConstraint("CK_StockMovements_StockAfter", "\"StockAfter\" >= 0");
        });
        b.Property(m => m.RegionCode).HasMaxLength(15);
        b.Property(m => m.Reason).HasMaxLength(StockMovement.MaxReason);
        b.Property(m => m.By).HasMaxLength(256);
        b.HasOne(m => m.Item).WithMany().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Redemption).WithMany().HasForeignKey(m => m.RedemptionId).OnDelete(DeleteBehavior.Restrict);
        // An item's stock ledger, newest first; a region's list.
        b.HasIndex(m => new { m.ItemId, m.Id });
        b.HasIndex(m => new { m.RegionCode, m.Id });
    }
}

internal sealed class StoreRedemptionConfiguration : IEntityTypeConfiguration<StoreRedemption>
{
    public void Configure(EntityTypeBuilder<StoreRedemption> b)
    {
        b.ToTable("StoreRedemptions", t =>
        {
            // A redemption never takes a balance below zero, whatever the county's deduction rule.
            t.HasCheckConstraint("CK_StoreRedemptions_BalanceAfter", "\"BalanceAfter\" >= 0");
            t.HasCheckConstraint("CK_StoreRedemptions_Quantity", "\"Quantity\" > 0");
            t.HasCheckConstraint("CK_StoreRedemptions_Total", "\"TotalPoints\" = \"Quantity\" * \"UnitPoints\"");
        });
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.HolderName).HasMaxLength(50);
        b.Property(r => r.ItemName).HasMaxLength(StoreItem.MaxName);
        b.Property(r => r.By).HasMaxLength(256);
        b.HasOne<StoreItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Entry).WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.EntryId).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Id });
        b.HasIndex(r => new { r.HouseholdId, r.Id });
    }
}
