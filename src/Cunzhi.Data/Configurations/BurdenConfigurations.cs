using Cunzhi.Domain.Burden;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class BurdenPolicyConfiguration : IEntityTypeConfiguration<BurdenPolicy>
{
    public void Configure(EntityTypeBuilder<BurdenPolicy> b)
    {
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasIndex(p => p.RegionCode).IsUnique();
    }
}

internal sealed class RankingPublicationConfiguration : IEntityTypeConfiguration<RankingPublication>
{
    public void Configure(EntityTypeBuilder<RankingPublication> b)
    {
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.Title).HasMaxLength(RankingPublication.TitleMaxLength);
        b.Property(p => p.Period).HasMaxLength(30);
        b.Property(p => p.PreparedBy).HasMaxLength(256);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.RegionCode, p.Kind, p.PublishedOn });
    }
}

internal sealed class AssessmentItemConfiguration : IEntityTypeConfiguration<AssessmentItem>
{
    public void Configure(EntityTypeBuilder<AssessmentItem> b)
    {
        b.ToTable("TownAssessmentItems");
        b.Property(i => i.RegionCode).HasMaxLength(15);
        b.Property(i => i.Title).HasMaxLength(100);
        b.Property(i => i.Department).HasMaxLength(60);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.HasIndex(i => new { i.RegionCode, i.Year });
        // The cap's guarantee under concurrency: two items cannot take the same slot (NULLs of older rows are distinct).
        b.HasIndex(i => new { i.RegionCode, i.Year, i.Slot }).IsUnique();
    }
}

internal sealed class BurdenEventConfiguration : IEntityTypeConfiguration<BurdenEvent>
{
    public void Configure(EntityTypeBuilder<BurdenEvent> b)
    {
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.Organizer).HasMaxLength(BurdenEvent.OrganizerMaxLength);
        b.Property(e => e.Title).HasMaxLength(BurdenEvent.TitleMaxLength);
        b.Property(e => e.CreatedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.RegionCode, e.Date });
        b.HasMany(e => e.Villages).WithOne().HasForeignKey(v => v.BurdenEventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BurdenEventVillageConfiguration : IEntityTypeConfiguration<BurdenEventVillage>
{
    public void Configure(EntityTypeBuilder<BurdenEventVillage> b)
    {
        b.Property(v => v.RegionCode).HasMaxLength(15);
        b.HasIndex(v => new { v.BurdenEventId, v.RegionCode }).IsUnique();
        b.HasIndex(v => v.RegionCode);
    }
}

internal sealed class TaskEvidenceConfiguration : IEntityTypeConfiguration<TaskEvidence>
{
    public void Configure(EntityTypeBuilder<TaskEvidence> b)
    {
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(40);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.StoredName).HasMaxLength(100);
        b.Property(e => e.UploadedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.VillageTaskId, e.WeekStart });
        b.HasIndex(e => new { e.RegionCode, e.UploadedAtUtc });
        b.HasOne<Cunzhi.Domain.Tasks.VillageTask>().WithMany().HasForeignKey(e => e.VillageTaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Title).HasMaxLength(60);
        b.Property(r => r.Body).HasMaxLength(300);
        b.Property(r => r.Link).HasMaxLength(200);
        b.Property(r => r.ReadBy).HasMaxLength(256);
        b.HasIndex(r => new { r.RegionCode, r.Kind, r.WeekStart }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.ReadAtUtc });
    }
}

internal sealed class RobotMessageConfiguration : IEntityTypeConfiguration<RobotMessage>
{
    public void Configure(EntityTypeBuilder<RobotMessage> b)
    {
        b.ToTable("RobotMessages");
        b.Property(m => m.RegionCode).HasMaxLength(15);
        b.Property(m => m.Text).HasMaxLength(1000);
        b.Property(m => m.ClaimedBy).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(200);
        // The senders' poll: pending messages only, by when they are due (a partial index, small however many were sent).
        b.HasIndex(m => new { m.NextAttemptAtUtc, m.Id }).HasFilter("\"SentAtUtc\" IS NULL AND \"AbandonedAtUtc\" IS NULL").HasDatabaseName("IX_RobotMessages_Pending");
        b.HasIndex(m => new { m.RegionCode, m.CreatedAtUtc });
    }
}

internal sealed class ReminderWebhookConfiguration : IEntityTypeConfiguration<ReminderWebhook>
{
    public void Configure(EntityTypeBuilder<ReminderWebhook> b)
    {
        b.ToTable("ReminderWebhooks");
        b.Property(w => w.RegionCode).HasMaxLength(15);
        b.Property(w => w.UrlProtected).HasMaxLength(2000);
        b.Property(w => w.Host).HasMaxLength(200);
        b.Property(w => w.SecretProtected).HasMaxLength(1000);
        b.Property(w => w.UpdatedBy).HasMaxLength(256);
        b.HasIndex(w => new { w.RegionCode, w.Kind }).IsUnique();
    }
}
