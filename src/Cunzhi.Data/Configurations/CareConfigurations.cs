using Cunzhi.Domain.Care;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>Names of the unique indexes 关爱 relies on (their Chinese answers key on these).</summary>
public static class CareSlots
{
    public const string OnePolicyNumberPerInsurer = "IX_InsurancePolicies_OneNumberPerInsurer";
    public const string OneCheckPerCadreAndYear = "IX_HealthChecks_OnePerCadreAndYear";
}

internal sealed class InsurancePolicyConfiguration : IEntityTypeConfiguration<InsurancePolicy>
{
    public void Configure(EntityTypeBuilder<InsurancePolicy> b)
    {
        b.ToTable("InsurancePolicies");
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.Insurer).HasMaxLength(InsurancePolicy.MaxInsurer);
        b.Property(p => p.PolicyNumber).HasMaxLength(InsurancePolicy.MaxNumber);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.Insurer, p.PolicyNumber }, CareSlots.OnePolicyNumberPerInsurer).IsUnique();
        b.HasIndex(p => new { p.RegionCode, p.ToDate });
        b.ToTable(t => t.HasCheckConstraint("CK_InsurancePolicies_Dates", "\"ToDate\" >= \"FromDate\""));
    }
}

internal sealed class InsuredCadreConfiguration : IEntityTypeConfiguration<InsuredCadre>
{
    public void Configure(EntityTypeBuilder<InsuredCadre> b)
    {
        b.ToTable("InsuredCadres");
        b.Property(i => i.RegionCode).HasMaxLength(15);
        b.HasOne<InsurancePolicy>().WithMany(p => p.Insured).HasForeignKey(i => i.PolicyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(i => i.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.PolicyId, i.CadreId }).IsUnique();
        // Coverage on a day for a region: cadres whose cover spans it.
        b.HasIndex(i => new { i.RegionCode, i.ToDate, i.FromDate, i.CadreId });
        b.HasIndex(i => new { i.CadreId, i.ToDate });
    }
}

internal sealed class HealthCheckConfiguration : IEntityTypeConfiguration<HealthCheck>
{
    public void Configure(EntityTypeBuilder<HealthCheck> b)
    {
        b.ToTable("HealthChecks");
        b.Property(h => h.RegionCode).HasMaxLength(15);
        b.Property(h => h.Organiser).HasMaxLength(HealthCheck.MaxOrganiser);
        b.Property(h => h.RecordedBy).HasMaxLength(256);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(h => h.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => new { h.CadreId, h.Year }, CareSlots.OneCheckPerCadreAndYear).IsUnique();
        b.HasIndex(h => new { h.RegionCode, h.Year });
    }
}
