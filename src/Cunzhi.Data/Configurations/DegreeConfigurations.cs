using Cunzhi.Domain.Care;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>Names of the unique indexes 学历提升 relies on.</summary>
public static class DegreeSlots
{
    public const string OneAllowancePerCadreAndYear = "IX_DegreeAllowances_OnePerCadreAndYear";
}

internal sealed class DegreeProgrammeConfiguration : IEntityTypeConfiguration<DegreeProgramme>
{
    public void Configure(EntityTypeBuilder<DegreeProgramme> b)
    {
        b.ToTable("DegreeProgrammes");
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.School).HasMaxLength(DegreeProgramme.MaxSchool);
        b.Property(p => p.Major).HasMaxLength(DegreeProgramme.MaxMajor);
        b.Property(p => p.LevelCode).HasMaxLength(20);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(p => p.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.RegionCode, p.Status });
        b.HasIndex(p => p.CadreId);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_DegreeProgrammes_Dates", "\"EndDate\" > \"StartDate\"");
            t.HasCheckConstraint("CK_DegreeProgrammes_Reimbursed", "\"ReimbursedFen\" >= 0");
        });
    }
}

internal sealed class DegreeAllowanceConfiguration : IEntityTypeConfiguration<DegreeAllowance>
{
    public void Configure(EntityTypeBuilder<DegreeAllowance> b)
    {
        b.ToTable("DegreeAllowances");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(a => a.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CadreId, a.Year }, DegreeSlots.OneAllowancePerCadreAndYear).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_DegreeAllowances_Reimbursed", "\"ReimbursedFen\" >= 0"));
    }
}

internal sealed class TuitionClaimConfiguration : IEntityTypeConfiguration<TuitionClaim>
{
    public void Configure(EntityTypeBuilder<TuitionClaim> b)
    {
        b.ToTable("TuitionClaims");
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.Term).HasMaxLength(TuitionClaim.MaxTerm);
        b.Property(c => c.RejectReason).HasMaxLength(TuitionClaim.MaxReason);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.HasOne<DegreeProgramme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.RegionCode, c.Status });
        b.HasIndex(c => c.ProgrammeId);
        b.ToTable(t => t.HasCheckConstraint("CK_TuitionClaims_Tuition", "\"TuitionFen\" > 0"));
    }
}

internal sealed class TuitionReceiptConfiguration : IEntityTypeConfiguration<TuitionReceipt>
{
    public void Configure(EntityTypeBuilder<TuitionReceipt> b)
    {
        b.ToTable("TuitionReceipts");
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.FileName).HasMaxLength(200);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.StoredName).HasMaxLength(64);
        b.Property(r => r.UploadedBy).HasMaxLength(256);
        b.HasOne<TuitionClaim>().WithMany().HasForeignKey(r => r.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.ClaimId);
    }
}

internal sealed class DegreeSupportPolicyConfiguration : IEntityTypeConfiguration<DegreeSupportPolicy>
{
    public void Configure(EntityTypeBuilder<DegreeSupportPolicy> b)
    {
        b.ToTable("DegreeSupportPolicies");
        b.Property(p => p.CountyCode).HasMaxLength(15);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.CountyCode, p.Version }).IsUnique();
    }
}

internal sealed class HardshipAssistanceConfiguration : IEntityTypeConfiguration<HardshipAssistance>
{
    public void Configure(EntityTypeBuilder<HardshipAssistance> b)
    {
        b.ToTable("HardshipAssistances");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.Description).HasMaxLength(HardshipAssistance.MaxDescription);
        b.Property(a => a.RejectReason).HasMaxLength(HardshipAssistance.MaxReason);
        b.Property(a => a.RecommendedBy).HasMaxLength(256);
        b.Property(a => a.DecidedBy).HasMaxLength(256);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(a => a.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RegionCode, a.Status });
        b.HasIndex(a => a.CadreId);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_HardshipAssistances_Requested", "\"RequestedFen\" > 0");
            t.HasCheckConstraint("CK_HardshipAssistances_Granted", "\"GrantedFen\" IS NULL OR (\"GrantedFen\" > 0 AND \"GrantedFen\" <= \"RequestedFen\")");
        });
    }
}
