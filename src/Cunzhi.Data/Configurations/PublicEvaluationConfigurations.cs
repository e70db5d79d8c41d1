using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class EvaluationWindowConfiguration : IEntityTypeConfiguration<EvaluationWindow>
{
    public void Configure(EntityTypeBuilder<EvaluationWindow> b)
    {
        b.Property(w => w.RegionCode).HasMaxLength(15);
        b.Property(w => w.CreatedBy).HasMaxLength(256);
        b.HasIndex(w => new { w.RegionCode, w.Year }).IsUnique();
        b.HasIndex(w => new { w.ClosedAtUtc, w.ClosesAtUtc });
    }
}

internal sealed class EvaluationReportConfiguration : IEntityTypeConfiguration<EvaluationReport>
{
    public void Configure(EntityTypeBuilder<EvaluationReport> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.CadreName).HasMaxLength(50);
        b.Property(r => r.PostCode).HasMaxLength(30);
        b.Property(r => r.Text).HasMaxLength(EvaluationWindow.ReportMaxLength);
        b.Property(r => r.EditedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.WindowId, r.CadreId }).IsUnique();
        b.HasOne<EvaluationWindow>().WithMany().HasForeignKey(r => r.WindowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(r => r.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Codes side: a keyed hash and two flags. No timestamp (when a code was used would pair it with the audit
/// log's "ballot cast" entries and any outside record of who came when).
/// </summary>
internal sealed class BallotCodeConfiguration : IEntityTypeConfiguration<BallotCode>
{
    public void Configure(EntityTypeBuilder<BallotCode> b)
    {
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.Hash).HasMaxLength(64);
        b.HasIndex(c => c.Hash).IsUnique();
        b.HasIndex(c => new { c.WindowId, c.Used });
        b.HasOne<EvaluationWindow>().WithMany().HasForeignKey(c => c.WindowId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Ballot side: counters only, keyed by (window, cadre, choice) — no ballot rows, no generated key whose order
/// could follow the order codes were used, no timestamp, no column naming a code.
/// </summary>
internal sealed class BallotTallyConfiguration : IEntityTypeConfiguration<BallotTally>
{
    public void Configure(EntityTypeBuilder<BallotTally> b)
    {
        b.HasKey(t => new { t.WindowId, t.CadreId, t.Choice });
        b.Property(t => t.RegionCode).HasMaxLength(15);
        b.HasOne<EvaluationWindow>().WithMany().HasForeignKey(t => t.WindowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(t => t.CadreId).OnDelete(DeleteBehavior.Restrict);
    }
}
