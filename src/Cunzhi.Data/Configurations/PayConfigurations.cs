using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Pay;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class PaySettingsConfiguration : IEntityTypeConfiguration<PaySettings>
{
    public void Configure(EntityTypeBuilder<PaySettings> b)
    {
        b.Property(p => p.CountyCode).HasMaxLength(15);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.Property(p => p.PostShares).HasMaxLength(1000);
        b.Property(p => p.Coefficients).HasMaxLength(1000);
        b.Property(p => p.IncrementShares).HasMaxLength(1000);
        b.HasIndex(p => new { p.CountyCode, p.Version }).IsUnique();
        b.Ignore(p => p.PostShareTable);
        b.Ignore(p => p.IncrementShareTable);
        b.Ignore(p => p.CoefficientTable);
    }
}

internal sealed class PayrollRunConfiguration : IEntityTypeConfiguration<PayrollRun>
{
    public void Configure(EntityTypeBuilder<PayrollRun> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Warnings).HasMaxLength(4000);
        b.Property(r => r.ReturnReason).HasMaxLength(500);
        foreach (var p in new[] { nameof(PayrollRun.ComputedBy), nameof(PayrollRun.ReviewedBy), nameof(PayrollRun.ApprovedBy), nameof(PayrollRun.LockedBy) })
            b.Property(p).HasMaxLength(256);
        b.HasIndex(r => new { r.RegionCode, r.Year, r.Month }).IsUnique();
        b.Ignore(r => r.MonthStart);
        b.Ignore(r => r.Label);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PayLineConfiguration : IEntityTypeConfiguration<PayLine>
{
    public void Configure(EntityTypeBuilder<PayLine> b)
    {
        b.Property(l => l.RegionCode).HasMaxLength(15);
        b.Property(l => l.CadreName).HasMaxLength(50);
        b.Property(l => l.PostCode).HasMaxLength(40);
        b.Property(l => l.Explanation).HasMaxLength(2000);
        b.Property(l => l.Warning).HasMaxLength(500);
        b.Property(l => l.Reason).HasMaxLength(500);
        b.Property(l => l.Score).HasPrecision(6, 2);
        b.HasIndex(l => new { l.RunId, l.RegionCode });
        b.HasIndex(l => l.CadreId);
    }
}

internal sealed class GoodSecretaryAwardConfiguration : IEntityTypeConfiguration<GoodSecretaryAward>
{
    public void Configure(EntityTypeBuilder<GoodSecretaryAward> b)
    {
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.Note).HasMaxLength(200);
        b.Property(a => a.GrantedBy).HasMaxLength(256);
        b.HasOne<Cadre>().WithMany().HasForeignKey(a => a.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CadreId, a.Year }).IsUnique();
        b.HasIndex(a => new { a.RegionCode, a.PayYear, a.PayMonth });
    }
}

internal sealed class IncomeRewardConfiguration : IEntityTypeConfiguration<IncomeReward>
{
    public void Configure(EntityTypeBuilder<IncomeReward> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Explanation).HasMaxLength(500);
        b.Property(r => r.EnteredBy).HasMaxLength(256);
        b.Property(r => r.ApprovedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.RegionCode, r.Year }).IsUnique();
        b.HasMany(r => r.Shares).WithOne().HasForeignKey(s => s.IncomeRewardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncomeRewardShareConfiguration : IEntityTypeConfiguration<IncomeRewardShare>
{
    public void Configure(EntityTypeBuilder<IncomeRewardShare> b)
    {
        b.Property(s => s.RegionCode).HasMaxLength(15);
        b.HasOne<Cadre>().WithMany().HasForeignKey(s => s.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.IncomeRewardId, s.CadreId }).IsUnique();
    }
}
