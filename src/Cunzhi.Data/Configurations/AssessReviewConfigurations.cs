using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cunzhi.Data.Configurations;

/// <summary>
/// Scores are kept as whole hundredths (long) on both providers: SQLite has no decimal type (EF would store text and
/// compare it as text), and the domain rounds every score to 2 decimals, so the conversion is exact.
/// </summary>
internal static class Hundredths
{
    public static readonly ValueConverter<decimal, long> Value = new(v => (long)decimal.Round(v * 100, 0, MidpointRounding.AwayFromZero), v => v / 100m);
    public static readonly ValueConverter<decimal?, long?> Nullable = new(v => v == null ? null : (long)decimal.Round(v.Value * 100, 0, MidpointRounding.AwayFromZero), v => v == null ? null : v.Value / 100m);
}

internal sealed class IndicatorTemplateConfiguration : IEntityTypeConfiguration<IndicatorTemplate>
{
    public void Configure(EntityTypeBuilder<IndicatorTemplate> b)
    {
        b.Property(t => t.CountyCode).HasMaxLength(15);
        b.Property(t => t.Title).HasMaxLength(100);
        b.Property(t => t.PublishedBy).HasMaxLength(256);
        b.Ignore(t => t.Specs);
        b.HasIndex(t => new { t.CountyCode, t.Kind, t.Version }).IsUnique();
        b.HasMany(t => t.Indicators).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentIndicatorConfiguration : IEntityTypeConfiguration<AssessmentIndicator>
{
    public void Configure(EntityTypeBuilder<AssessmentIndicator> b)
    {
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Name).HasMaxLength(30);
        b.Property(i => i.MinScore).HasConversion(Hundredths.Value);
        b.Property(i => i.MaxScore).HasConversion(Hundredths.Value);
        b.Ignore(i => i.Spec);
        b.HasIndex(i => new { i.TemplateId, i.Code }).IsUnique();
    }
}

internal sealed class AssessmentSettingsConfiguration : IEntityTypeConfiguration<AssessmentSettings>
{
    public void Configure(EntityTypeBuilder<AssessmentSettings> b)
    {
        b.ToTable("AssessmentSettings");
        b.Property(s => s.CountyCode).HasMaxLength(15);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.Property(s => s.ExcellentThreshold).HasConversion(Hundredths.Value);
        b.Property(s => s.CompetentThreshold).HasConversion(Hundredths.Value);
        b.Property(s => s.BasicThreshold).HasConversion(Hundredths.Value);
        b.Property(s => s.LowMonthlyAverage).HasConversion(Hundredths.Value);
        b.HasIndex(s => s.CountyCode).IsUnique();
    }
}

internal sealed class PeriodReviewConfiguration : IEntityTypeConfiguration<PeriodReview>
{
    public void Configure(EntityTypeBuilder<PeriodReview> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Scores).HasMaxLength(600);
        b.Property(r => r.ScoredBy).HasMaxLength(256);
        b.Property(r => r.Total).HasConversion(Hundredths.Value);
        // One score per cadre and period; performance pay reads (CadreId, Kind, Year, Period).
        b.HasIndex(r => new { r.CadreId, r.Kind, r.Year, r.Period }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Kind, r.Year, r.Period });
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndicatorTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnualBatchConfiguration : IEntityTypeConfiguration<AnnualBatch>
{
    public void Configure(EntityTypeBuilder<AnnualBatch> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(15);
        b.Property(x => x.ProposedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.ReturnReason).HasMaxLength(500);
        b.Ignore(x => x.Editable);
        b.HasIndex(x => new { x.RegionCode, x.Year }).IsUnique();
        b.HasMany(x => x.Reviews).WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnualReviewConfiguration : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.CadreName).HasMaxLength(50);
        b.Property(r => r.Warnings).HasMaxLength(500);
        b.Property(r => r.Note).HasMaxLength(200);
        b.Property(r => r.MonthlyAverage).HasConversion(Hundredths.Nullable);
        b.Property(r => r.QuarterlyAverage).HasConversion(Hundredths.Nullable);
        b.Property(r => r.Satisfaction).HasConversion(Hundredths.Nullable);
        b.Property(r => r.Score).HasConversion(Hundredths.Nullable);
        // The rating later rules read: one row per cadre and year.
        b.HasIndex(r => new { r.CadreId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Year, r.State });
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerRecordConfiguration : IEntityTypeConfiguration<LedgerRecord>
{
    public void Configure(EntityTypeBuilder<LedgerRecord> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Note).HasMaxLength(LedgerRecord.NoteMaxLength);
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.Property(r => r.AttachmentName).HasMaxLength(100);
        b.Property(r => r.AttachmentType).HasMaxLength(50);
        b.Property(r => r.AttachmentSha256).HasMaxLength(64);
        b.HasIndex(r => new { r.CadreId, r.Date });
        b.HasIndex(r => new { r.RegionCode, r.Date });
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}
