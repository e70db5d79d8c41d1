using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>Names of the unique indexes training relies on (their Chinese answers key on these).</summary>
public static class TrainingSlots
{
    public const string OneEnrolmentPerCadre = "IX_TrainingEnrolments_OnePerCadre";
    public const string OneRequirementPerYear = "IX_TrainingRequirements_OnePerPostYear";
    /// <summary>One active pair per cadre (filtered on EndedOn IS NULL: a changed pair steps aside).</summary>
    public const string OnePairPerCadre = "IX_MentorPairs_OnePerCadre";
    public const string OneLogPerMonth = "IX_MentorLogs_OnePerMonth";
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.ToTable("TrainingSessions");
        b.Property(s => s.RegionCode).HasMaxLength(15);
        b.Property(s => s.Title).HasMaxLength(TrainingSession.MaxTitle);
        b.Property(s => s.Topic).HasMaxLength(TrainingSession.MaxText);
        b.Property(s => s.Place).HasMaxLength(TrainingSession.MaxText);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.Hours).HasPrecision(6, 1);
        b.HasIndex(s => new { s.RegionCode, s.StartDate });
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_TrainingSessions_Dates", "\"EndDate\" >= \"StartDate\"");
            t.HasCheckConstraint("CK_TrainingSessions_Hours", "\"Hours\" > 0");
        });
    }
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> b)
    {
        b.ToTable("TrainingEnrolments");
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.PostCode).HasMaxLength(30);
        b.Property(e => e.MarkedBy).HasMaxLength(256);
        b.Property(e => e.CreditedHours).HasPrecision(6, 1);
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(e => e.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.SessionId, e.CadreId }, TrainingSlots.OneEnrolmentPerCadre).IsUnique();
        b.HasIndex(e => new { e.CadreId, e.Attended });
        b.ToTable(t => t.HasCheckConstraint("CK_TrainingEnrolments_Hours", "\"CreditedHours\" >= 0"));
    }
}

internal sealed class TrainingRequirementConfiguration : IEntityTypeConfiguration<TrainingRequirement>
{
    public void Configure(EntityTypeBuilder<TrainingRequirement> b)
    {
        b.ToTable("TrainingRequirements");
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.PostCode).HasMaxLength(30);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.Property(r => r.Hours).HasPrecision(6, 1);
        b.HasIndex(r => new { r.RegionCode, r.PostCode, r.FromYear }, TrainingSlots.OneRequirementPerYear).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_TrainingRequirements_Hours", "\"Hours\" >= 0"));
    }
}

internal sealed class MentorPairConfiguration : IEntityTypeConfiguration<MentorPair>
{
    public void Configure(EntityTypeBuilder<MentorPair> b)
    {
        b.ToTable("MentorPairs");
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.MentorName).HasMaxLength(MentorPair.MaxName);
        b.Property(p => p.MentorPost).HasMaxLength(MentorPair.MaxName);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasOne<Cadre>().WithMany().HasForeignKey(p => p.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.EndReason).HasMaxLength(MentorPair.MaxReason);
        b.HasIndex(p => p.CadreId, TrainingSlots.OnePairPerCadre).IsUnique().HasFilter("\"EndedOn\" IS NULL");
        b.HasIndex(p => p.RegionCode);
        b.ToTable(t => t.HasCheckConstraint("CK_MentorPairs_Months", "\"Months\" >= 1 AND \"Months\" <= 36"));
    }
}

internal sealed class MentorLogConfiguration : IEntityTypeConfiguration<MentorLog>
{
    public void Configure(EntityTypeBuilder<MentorLog> b)
    {
        b.ToTable("MentorLogs");
        b.Property(l => l.RegionCode).HasMaxLength(15);
        b.Property(l => l.Note).HasMaxLength(MentorLog.MaxNote);
        b.Property(l => l.RecordedBy).HasMaxLength(256);
        b.HasOne<MentorPair>().WithMany().HasForeignKey(l => l.PairId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.PairId, l.Month }, TrainingSlots.OneLogPerMonth).IsUnique();
    }
}
