using Cunzhi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>Names of the unique indexes audits' findings rely on.</summary>
public static class SupervisionSlots
{
    public const string OneFindingPerConductRecord = "IX_SupervisionFindings_OnePerConductRecord";
}

internal sealed class EconomicAuditConfiguration : IEntityTypeConfiguration<EconomicAudit>
{
    public void Configure(EntityTypeBuilder<EconomicAudit> b)
    {
        b.ToTable("EconomicAudits");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.AuditorUnit).HasMaxLength(EconomicAudit.MaxAuditor);
        b.Property(a => a.ReportSummary).HasMaxLength(EconomicAudit.MaxSummary);
        b.Property(a => a.RecordedBy).HasMaxLength(256);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(a => a.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RegionCode, a.PlannedStart });
        b.HasIndex(a => a.CadreId);
        b.ToTable(t => t.HasCheckConstraint("CK_EconomicAudits_Period", "\"PeriodTo\" >= \"PeriodFrom\""));
    }
}

internal sealed class InspectionTourConfiguration : IEntityTypeConfiguration<InspectionTour>
{
    public void Configure(EntityTypeBuilder<InspectionTour> b)
    {
        b.ToTable("InspectionTours");
        b.Property(t => t.RegionCode).HasMaxLength(15);
        b.Property(t => t.Name).HasMaxLength(InspectionTour.MaxName);
        b.Property(t => t.Villages).HasMaxLength(InspectionTour.MaxVillages * 13);
        b.Property(t => t.Team).HasMaxLength(InspectionTour.MaxTeam);
        b.Property(t => t.RecordedBy).HasMaxLength(256);
        b.Ignore(t => t.VillageCodes);
        b.HasIndex(t => new { t.RegionCode, t.From });
        b.ToTable(t => t.HasCheckConstraint("CK_InspectionTours_Dates", "\"To\" >= \"From\""));
    }
}

internal sealed class SupervisionFindingConfiguration : IEntityTypeConfiguration<SupervisionFinding>
{
    public void Configure(EntityTypeBuilder<SupervisionFinding> b)
    {
        b.ToTable("SupervisionFindings");
        b.Property(f => f.RegionCode).HasMaxLength(15);
        b.Property(f => f.Source).HasMaxLength(SupervisionFinding.MaxSource);
        b.Property(f => f.Text).HasMaxLength(SupervisionFinding.MaxText);
        b.Property(f => f.Remedy).HasMaxLength(SupervisionFinding.MaxRemedy);
        b.Property(f => f.EvidenceText).HasMaxLength(SupervisionFinding.MaxEvidence);
        b.Property(f => f.EvidenceName).HasMaxLength(200);
        b.Property(f => f.EvidenceType).HasMaxLength(50);
        b.Property(f => f.EvidenceSha256).HasMaxLength(64);
        b.Property(f => f.ReturnReason).HasMaxLength(SupervisionFinding.MaxRemedy);
        b.Property(f => f.RectifiedBy).HasMaxLength(256);
        b.Property(f => f.ClosedBy).HasMaxLength(256);
        b.Property(f => f.RecordedBy).HasMaxLength(256);
        b.HasOne<EconomicAudit>().WithMany().HasForeignKey(f => f.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionTour>().WithMany().HasForeignKey(f => f.TourId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(f => f.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(f => f.Conduct).WithOne().HasForeignKey<SupervisionFinding>(f => f.ConductRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.ConductRecordId, SupervisionSlots.OneFindingPerConductRecord).IsUnique();
        b.HasIndex(f => new { f.RegionCode, f.State, f.Deadline });
        b.HasIndex(f => f.AuditId);
        b.HasIndex(f => f.TourId);
        // A finding comes from exactly one audit or one tour.
        b.ToTable(t => t.HasCheckConstraint("CK_SupervisionFindings_Source", "(\"AuditId\" IS NULL) <> (\"TourId\" IS NULL)"));
    }
}
