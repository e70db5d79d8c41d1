using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>Names of the unique indexes the visits and the calendar rely on (their Chinese answers key on these).</summary>
public static class VisitSlots
{
    public const string OneDayPerCounty = "IX_CalendarDays_OneRowPerDate";
    public const string OneAssignmentPerHousehold = "IX_VisitAssignments_OnePerHousehold";
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.Property(d => d.RegionCode).HasMaxLength(15);
        b.Property(d => d.Name).HasMaxLength(CalendarDay.MaxName);
        b.Property(d => d.UpdatedBy).HasMaxLength(256);
        b.HasIndex(d => new { d.RegionCode, d.Date }, VisitSlots.OneDayPerCounty).IsUnique();
    }
}

internal sealed class VisitRoundConfiguration : IEntityTypeConfiguration<VisitRound>
{
    public void Configure(EntityTypeBuilder<VisitRound> b)
    {
        b.ToTable("VisitRounds");
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Name).HasMaxLength(VisitRound.MaxName);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.RegionCode, r.FromDate });
        b.ToTable(t => t.HasCheckConstraint("CK_VisitRounds_Dates", "\"ToDate\" >= \"FromDate\""));
    }
}

internal sealed class VisitAssignmentConfiguration : IEntityTypeConfiguration<VisitAssignment>
{
    public void Configure(EntityTypeBuilder<VisitAssignment> b)
    {
        b.ToTable("VisitAssignments");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.GroupCode).HasMaxLength(15);
        b.Property(a => a.Official).HasMaxLength(256);
        b.HasOne<VisitRound>().WithMany(r => r.Assignments).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.RoundId, a.HouseholdId }, VisitSlots.OneAssignmentPerHousehold).IsUnique();
        // An official's phone list: their households of a round by village and group.
        b.HasIndex(a => new { a.Official, a.RoundId, a.RegionCode, a.GroupCode, a.HouseholdId });
        b.HasIndex(a => new { a.RoundId, a.RegionCode });
    }
}

internal sealed class VisitRecordConfiguration : IEntityTypeConfiguration<VisitRecord>
{
    public void Configure(EntityTypeBuilder<VisitRecord> b)
    {
        b.ToTable("VisitRecords");
        b.Property(v => v.RegionCode).HasMaxLength(15);
        b.Property(v => v.VisitedBy).HasMaxLength(256);
        b.Property(v => v.RecordedBy).HasMaxLength(256);
        b.Property(v => v.Companions).HasMaxLength(VisitRecord.MaxCompanions);
        b.Property(v => v.Notes).HasMaxLength(VisitRecord.MaxText);
        b.Property(v => v.MattersText).HasMaxLength(VisitRecord.MaxText);
        b.HasOne<VisitRound>().WithMany().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
        // An official's phone list (VisitRecording.ListAsync): the round's visited households and each listed household's
        // visit count and last visit, read from the index alone. The scope filter adds a RegionCode range to every read;
        // with RegionCode in this index SQLite seeks (RoundId, HouseholdId) and checks the range in the index, instead of
        // preferring (RoundId, RegionCode) and reading the round's visits again for each household.
        b.HasIndex(v => new { v.RoundId, v.HouseholdId, v.RegionCode, v.Date });
        b.HasIndex(v => new { v.RoundId, v.RegionCode });
        // 诉求统计 (MatterStats): villages and households visited in a period, by region range.
        b.HasIndex(v => new { v.RegionCode, v.Date, v.HouseholdId });
        b.ToTable(t => t.HasCheckConstraint("CK_VisitRecords_Matters", "\"MattersRaised\" >= 0"));
    }
}
