using Cunzhi.Domain.Duty;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>Names of the unique indexes the duty roster relies on (their Chinese answers key on these).</summary>
public static class DutySlots
{
    public const string OneRosterPerMonth = "IX_DutyMonths_OnePerVillageMonth";
    public const string OneAssignmentPerDay = "IX_DutyAssignments_OnePerCadreDay";
}

internal sealed class DutyMonthConfiguration : IEntityTypeConfiguration<DutyMonth>
{
    public void Configure(EntityTypeBuilder<DutyMonth> b)
    {
        b.ToTable("DutyMonths");
        b.Property(m => m.RegionCode).HasMaxLength(15);
        b.Property(m => m.UpdatedBy).HasMaxLength(256);
        b.HasIndex(m => new { m.RegionCode, m.Year, m.Month }, DutySlots.OneRosterPerMonth).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_DutyMonths_Month", "\"Month\" BETWEEN 1 AND 12"));
    }
}

internal sealed class DutyAssignmentConfiguration : IEntityTypeConfiguration<DutyAssignment>
{
    public void Configure(EntityTypeBuilder<DutyAssignment> b)
    {
        b.ToTable("DutyAssignments");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.HasOne<DutyMonth>().WithMany(m => m.Assignments).HasForeignKey(a => a.DutyMonthId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(a => a.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RegionCode, a.Date, a.CadreId }, DutySlots.OneAssignmentPerDay).IsUnique();
        b.HasIndex(a => new { a.DutyMonthId, a.Date });
    }
}

internal sealed class DutyLeaveConfiguration : IEntityTypeConfiguration<DutyLeave>
{
    public void Configure(EntityTypeBuilder<DutyLeave> b)
    {
        b.ToTable("DutyLeaves");
        b.Property(l => l.RegionCode).HasMaxLength(15);
        b.Property(l => l.Reason).HasMaxLength(DutyLeave.MaxReason);
        b.Property(l => l.DecisionNote).HasMaxLength(DutyLeave.MaxReason);
        b.Property(l => l.RequestedBy).HasMaxLength(256);
        b.Property(l => l.DecidedBy).HasMaxLength(256);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(l => l.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.RegionCode, l.State, l.FromDate });
        b.HasIndex(l => new { l.CadreId, l.FromDate });
        b.ToTable(t => t.HasCheckConstraint("CK_DutyLeaves_Dates", "\"ToDate\" >= \"FromDate\""));
    }
}

internal sealed class VillageOfficeConfiguration : IEntityTypeConfiguration<VillageOffice>
{
    public void Configure(EntityTypeBuilder<VillageOffice> b)
    {
        b.ToTable("VillageOffices");
        b.Property(o => o.RegionCode).HasMaxLength(15);
        b.Property(o => o.Phone).HasMaxLength(VillageOffice.MaxPhone);
        b.HasIndex(o => o.RegionCode).IsUnique();
    }
}
