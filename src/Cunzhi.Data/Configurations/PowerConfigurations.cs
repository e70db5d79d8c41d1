using Cunzhi.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class PowerListPolicyConfiguration : IEntityTypeConfiguration<PowerListPolicy>
{
    public void Configure(EntityTypeBuilder<PowerListPolicy> b)
    {
        b.ToTable("PowerListPolicies");
        b.Property(p => p.CountyCode).HasMaxLength(15);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.CountyCode, p.Version }).IsUnique();
        // The list is read whole with its version (an exercise keeps the version it began under): JSON text on both providers.
        b.Property(p => p.Items).HasConversion(JsonList<PowerItem>.Converter, JsonList<PowerItem>.Comparer).HasMaxLength(200_000);
    }
}

internal sealed class PowerExerciseConfiguration : IEntityTypeConfiguration<PowerExercise>
{
    public void Configure(EntityTypeBuilder<PowerExercise> b)
    {
        b.ToTable("PowerExercises");
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.ItemCode).HasMaxLength(10);
        b.Property(e => e.ItemName).HasMaxLength(50);
        b.Property(e => e.Title).HasMaxLength(PowerExercise.MaxTitle);
        b.Property(e => e.Subject).HasMaxLength(PowerExercise.MaxSubject);
        b.Property(e => e.CreatedBy).HasMaxLength(256);
        // A village's list by state, newest first; the overdue filter and the home's count.
        b.HasIndex(e => new { e.RegionCode, e.State, e.Id });
        b.HasIndex(e => new { e.State, e.NextDueOn, e.RegionCode });
    }
}

internal sealed class PowerStepEntryConfiguration : IEntityTypeConfiguration<PowerStepEntry>
{
    public void Configure(EntityTypeBuilder<PowerStepEntry> b)
    {
        b.ToTable("PowerStepEntries");
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.By).HasMaxLength(PowerStepEntry.MaxBy);
        b.Property(e => e.Decision).HasMaxLength(PowerStepRecord.MaxDecision);
        b.Property(e => e.Attachment).HasMaxLength(PowerStepEntry.MaxAttachment);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasOne<PowerExercise>().WithMany().HasForeignKey(e => e.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        // Each step is recorded once, also under parallel requests.
        b.HasIndex(e => new { e.ExerciseId, e.Step }).IsUnique();
    }
}

internal sealed class PowerStepFileConfiguration : IEntityTypeConfiguration<PowerStepFile>
{
    public void Configure(EntityTypeBuilder<PowerStepFile> b)
    {
        b.ToTable("PowerStepFiles");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.StoredName).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(256);
        b.Property(a => a.NoPersonalDataConfirmedBy).HasMaxLength(256);
        b.HasOne<PowerExercise>().WithMany().HasForeignKey(a => a.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        // An exercise's files by step.
        b.HasIndex(a => new { a.ExerciseId, a.Step });
    }
}
