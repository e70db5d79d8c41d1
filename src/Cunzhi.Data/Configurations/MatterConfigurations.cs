using Cunzhi.Domain.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.ToTable("Matters");
        b.Property(m => m.RegionCode).HasMaxLength(15);
        b.Property(m => m.Title).HasMaxLength(Matter.MaxTitle);
        b.Property(m => m.Description).HasMaxLength(Matter.MaxText);
        b.Property(m => m.ResidentName).HasMaxLength(50);
        b.Property(m => m.Owner).HasMaxLength(256);
        b.Property(m => m.DoneText).HasMaxLength(Matter.MaxText);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        // HMAC-SHA256 in hex; a secret by name (…Hash), so the audit log only says it was set.
        b.Property(m => m.ReceiptHash).HasMaxLength(64);
        b.HasIndex(m => m.ReceiptHash).IsUnique();
        b.HasOne<Domain.Regions.Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // Links: the visit it was raised in, the points entry it was raised from (each matter's own; a visit or entry may raise several).
        b.HasOne(m => m.Visit).WithMany().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Points.PointsEntry>().WithMany().HasForeignKey(m => m.PointsEntryId).OnDelete(DeleteBehavior.Restrict);
        // What waits for a level in a region, by state.
        b.HasIndex(m => new { m.RegionCode, m.Level, m.State, m.Id });
        // 诉求统计 (MatterStats): matters done in a period and matters due in a period, by region range; each covers its query.
        b.HasIndex(m => new { m.RegionCode, m.DoneOn, m.State, m.Kind, m.ReceivedOn });
        b.HasIndex(m => new { m.RegionCode, m.DueOn, m.State, m.DoneOn });
    }
}

internal sealed class MatterEventConfiguration : IEntityTypeConfiguration<MatterEvent>
{
    public void Configure(EntityTypeBuilder<MatterEvent> b)
    {
        b.ToTable("MatterEvents");
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.Text).HasMaxLength(Matter.MaxText);
        b.Property(e => e.Actor).HasMaxLength(256);
        b.HasOne(e => e.Matter).WithMany().HasForeignKey(e => e.MatterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MatterMeeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.MatterId, e.Id });
    }
}

internal sealed class MatterMeetingConfiguration : IEntityTypeConfiguration<MatterMeeting>
{
    public void Configure(EntityTypeBuilder<MatterMeeting> b)
    {
        b.ToTable("MatterMeetings");
        b.Property(m => m.RegionCode).HasMaxLength(15);
        b.Property(m => m.Subject).HasMaxLength(Matter.MaxTitle);
        b.Property(m => m.Attendees).HasMaxLength(MatterMeeting.MaxText);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.HasIndex(m => new { m.RegionCode, m.Date });
    }
}

internal sealed class MatterMeetingItemConfiguration : IEntityTypeConfiguration<MatterMeetingItem>
{
    public void Configure(EntityTypeBuilder<MatterMeetingItem> b)
    {
        b.ToTable("MatterMeetingItems");
        b.Property(i => i.RegionCode).HasMaxLength(15);
        b.Property(i => i.Decision).HasMaxLength(Matter.MaxText);
        b.HasOne<MatterMeeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Matter>().WithMany().HasForeignKey(i => i.MatterId).OnDelete(DeleteBehavior.Restrict);
        // A matter is on a meeting's agenda once, also when two requests add it together.
        b.HasIndex(i => new { i.MeetingId, i.MatterId }).IsUnique();
    }
}

internal sealed class MatterSettingsConfiguration : IEntityTypeConfiguration<MatterSettings>
{
    public void Configure(EntityTypeBuilder<MatterSettings> b)
    {
        b.ToTable("MatterSettings");
        b.Property(s => s.CountyCode).HasMaxLength(15);
        b.HasIndex(s => s.CountyCode).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_MatterSettings_ReopenDays", "\"ReopenDays\" BETWEEN 1 AND 365"));
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.ToTable("SlaPolicies");
        b.Property(p => p.CountyCode).HasMaxLength(15);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.CountyCode, p.Version }).IsUnique();
    }
}

internal sealed class MatterReminderConfiguration : IEntityTypeConfiguration<MatterReminder>
{
    public void Configure(EntityTypeBuilder<MatterReminder> b)
    {
        b.ToTable("MatterReminders");
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Title).HasMaxLength(MatterReminder.MaxText);
        b.Property(r => r.Body).HasMaxLength(MatterReminder.MaxText);
        b.Property(r => r.ReadBy).HasMaxLength(256);
        b.HasOne<Matter>().WithMany().HasForeignKey(r => r.MatterId).OnDelete(DeleteBehavior.Restrict);
        // Once per matter, region and day, also when two runs overlap.
        b.HasIndex(r => new { r.MatterId, r.RegionCode, r.On }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.ReadAtUtc });
    }
}

internal sealed class MatterDailySummaryConfiguration : IEntityTypeConfiguration<MatterDailySummary>
{
    public void Configure(EntityTypeBuilder<MatterDailySummary> b)
    {
        b.ToTable(MatterSummaries.DailyTable);
        b.Property(s => s.RegionCode).HasMaxLength(15);
        // One row per village, day and kind (the upsert's conflict target); a region range then a period is one index range.
        b.HasKey(s => new { s.RegionCode, s.Day, s.Kind });
    }
}

internal sealed class MatterCloseDaysConfiguration : IEntityTypeConfiguration<MatterCloseDays>
{
    public void Configure(EntityTypeBuilder<MatterCloseDays> b)
    {
        b.ToTable(MatterSummaries.CloseDaysTable);
        b.Property(s => s.RegionCode).HasMaxLength(15);
        b.HasKey(s => new { s.RegionCode, s.Day, s.Kind, s.Days });
    }
}
