using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class PublicEvaluationResultConfiguration : IEntityTypeConfiguration<PublicEvaluationResult>
{
    public void Configure(EntityTypeBuilder<PublicEvaluationResult> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Ignore(r => r.ValidBallots);
        b.Ignore(r => r.SatisfactionRate);
        b.Ignore(r => r.Turnout);
        b.HasIndex(r => new { r.CadreId, r.Year, r.WindowId }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Year });
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}
