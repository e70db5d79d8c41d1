using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Ranks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Web.Infrastructure.Data.Configurations;

internal sealed class RankChangeConfiguration : IEntityTypeConfiguration<RankChange>
{
    public void Configure(EntityTypeBuilder<RankChange> b)
    {
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.HasOne<Cadre>().WithMany().HasForeignKey(c => c.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CadreId, c.EffectiveFrom });
        b.HasIndex(c => c.RegionCode);
    }
}

internal sealed class RankPolicyConfiguration : IEntityTypeConfiguration<RankPolicy>
{
    public void Configure(EntityTypeBuilder<RankPolicy> b)
    {
        b.Property(p => p.CountyCode).HasMaxLength(15);
        b.Property(p => p.PublishedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.CountyCode, p.Version }).IsUnique();
    }
}
