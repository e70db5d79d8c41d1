using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Reserves;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class ReserveCadreConfiguration : IEntityTypeConfiguration<ReserveCadre>
{
    public void Configure(EntityTypeBuilder<ReserveCadre> b)
    {
        b.ToTable("ReserveCadres");
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Name).HasMaxLength(30);
        b.Property(r => r.EducationCode).HasMaxLength(20);
        b.Property(r => r.Recommender).HasMaxLength(60);
        b.Property(r => r.TrainerName).HasMaxLength(30);
        b.Property(r => r.PlacementPostCode).HasMaxLength(30);
        b.Property(r => r.TrainingNote).HasMaxLength(200);
        // RowVersion is the concurrency token (AppDbContext, IVersioned): two people reviewing or appointing the same
        // candidate at once — the second save fails (409) instead of appointing twice.
        b.Property(r => r.NationalIdCipher).HasMaxLength(120);
        b.Property(r => r.NationalIdHash).HasMaxLength(64);
        b.Property(r => r.NationalIdMasked).HasMaxLength(18);
        b.HasIndex(r => r.NationalIdHash);
        b.HasIndex(r => new { r.RegionCode, r.Status });
        b.HasIndex(r => r.Name);
        b.HasOne(r => r.PromotedCadre).WithMany().HasForeignKey(r => r.PromotedCadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.TrainerCadreId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Reviews).WithOne().HasForeignKey(v => v.ReserveCadreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReserveReviewConfiguration : IEntityTypeConfiguration<ReserveReview>
{
    public void Configure(EntityTypeBuilder<ReserveReview> b)
    {
        b.ToTable("ReserveReviews");
        b.Property(v => v.RegionCode).HasMaxLength(15);
        b.Property(v => v.Reviewer).HasMaxLength(60);
        b.Property(v => v.Note).HasMaxLength(500);
        b.HasIndex(v => new { v.ReserveCadreId, v.Date });
    }
}
