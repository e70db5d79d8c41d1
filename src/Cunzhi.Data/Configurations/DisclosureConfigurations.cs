using Cunzhi.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class DisclosurePolicyConfiguration : IEntityTypeConfiguration<DisclosurePolicy>
{
    public void Configure(EntityTypeBuilder<DisclosurePolicy> b)
    {
        b.ToTable("DisclosurePolicies");
        b.Property(p => p.CountyCode).HasMaxLength(15);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.CountyCode, p.Version }).IsUnique();
        // The catalogue is small and read whole with its version: JSON text on both providers.
        b.Property(p => p.Items).HasConversion(JsonList<DisclosureItem>.Converter, JsonList<DisclosureItem>.Comparer).HasMaxLength(100_000);
    }
}

internal sealed class VillageDisclosureConfiguration : IEntityTypeConfiguration<VillageDisclosure>
{
    public void Configure(EntityTypeBuilder<VillageDisclosure> b)
    {
        b.ToTable("VillageDisclosures");
        b.Property(d => d.RegionCode).HasMaxLength(15);
        b.Property(d => d.ItemCode).HasMaxLength(DisclosureItem.MaxCode);
        b.Property(d => d.ItemName).HasMaxLength(DisclosureItem.MaxName);
        b.Property(d => d.OccurrenceKey).HasMaxLength(VillageDisclosure.MaxOccurrenceKey);
        b.Property(d => d.Title).HasMaxLength(VillageDisclosure.MaxTitle);
        b.Property(d => d.Body).HasMaxLength(VillageDisclosure.MaxBody);
        b.Property(d => d.TableJson).HasMaxLength(1_000_000);
        b.Property(d => d.PostedBy).HasMaxLength(256);
        b.Property(d => d.WithdrawnBy).HasMaxLength(256);
        b.Property(d => d.WithdrawReason).HasMaxLength(VillageDisclosure.MaxReason);
        b.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        // One period (or occurrence) of one item of one village is public once: the index covers only the postings not
        // withdrawn, so a withdrawn one stays on record and the village may post the period again. OccurrenceKey is ""
        // (never null) for a monthly or quarterly item, so the index holds for those too.
        b.HasIndex(d => new { d.RegionCode, d.ItemCode, d.PeriodStart, d.OccurrenceKey }).IsUnique().HasFilter("\"WithdrawnAtUtc\" IS NULL");
        // The public page and the calendar: a village's postings by date.
        b.HasIndex(d => new { d.RegionCode, d.PostedOn });
    }
}

internal sealed class DisclosureAttachmentConfiguration : IEntityTypeConfiguration<DisclosureAttachment>
{
    public void Configure(EntityTypeBuilder<DisclosureAttachment> b)
    {
        b.ToTable("DisclosureAttachments");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.StoredName).HasMaxLength(64);
        b.Property(a => a.NoPersonalDataConfirmedBy).HasMaxLength(256);
        b.HasIndex(a => a.DisclosureId);
    }
}

internal sealed class VillageFinanceSpellConfiguration : IEntityTypeConfiguration<VillageFinanceSpell>
{
    public void Configure(EntityTypeBuilder<VillageFinanceSpell> b)
    {
        b.ToTable("VillageFinanceSpells");
        b.Property(s => s.RegionCode).HasMaxLength(15);
        b.HasIndex(s => new { s.RegionCode, s.From }).IsUnique();
    }
}

internal sealed class RecordedOccurrenceConfiguration : IEntityTypeConfiguration<RecordedOccurrence>
{
    public void Configure(EntityTypeBuilder<RecordedOccurrence> b)
    {
        b.ToTable("DisclosureOccurrences");
        b.Property(o => o.RegionCode).HasMaxLength(15);
        b.Property(o => o.ItemCode).HasMaxLength(DisclosureItem.MaxCode);
        b.Property(o => o.Title).HasMaxLength(RecordedOccurrence.MaxTitle);
        b.Property(o => o.RecordedBy).HasMaxLength(256);
        // The title is the occurrence's key (the posting carries it): once per village and item.
        b.HasIndex(o => new { o.RegionCode, o.ItemCode, o.Title }).IsUnique();
        b.HasIndex(o => new { o.RegionCode, o.On });
    }
}
