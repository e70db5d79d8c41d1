using Cunzhi.Domain.Care;
using Cunzhi.Domain.Ranks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>Names of the unique indexes honours, nominations and career moves rely on (their Chinese answers key on these).</summary>
public static class HonourSlots
{
    public const string OneHonourPerCommendation = "IX_Honours_OnePerConductRecord";
    public const string OneNominationPerTerm = "IX_Nominations_OnePerCadreKindLevelTerm";
}

internal sealed class HonourConfiguration : IEntityTypeConfiguration<Honour>
{
    public void Configure(EntityTypeBuilder<Honour> b)
    {
        b.ToTable("Honours");
        b.Property(h => h.RegionCode).HasMaxLength(15);
        b.Property(h => h.Title).HasMaxLength(Honour.MaxTitle);
        b.Property(h => h.AwardedBy).HasMaxLength(Honour.MaxAwardedBy);
        b.Property(h => h.RecordedBy).HasMaxLength(256);
        b.Property(h => h.WithdrawnBy).HasMaxLength(256);
        b.Property(h => h.WithdrawReason).HasMaxLength(ConductRecord.MaxWithdrawReasonLength);
        b.Ignore(h => h.Withdrawn);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(h => h.CadreId).OnDelete(DeleteBehavior.Restrict);
        // The commendation record the honour created: one honour per record (the link read both ways).
        b.HasOne(h => h.Commendation).WithOne().HasForeignKey<Honour>(h => h.ConductRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => h.ConductRecordId, HonourSlots.OneHonourPerCommendation).IsUnique();
        b.HasIndex(h => new { h.RegionCode, h.Date });
        b.HasIndex(h => new { h.CadreId, h.Date });
        b.ToTable(t => t.HasCheckConstraint("CK_Honours_Amount", "\"AmountFen\" IS NULL OR \"AmountFen\" >= 0"));
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.ToTable("Nominations");
        b.Property(n => n.RegionCode).HasMaxLength(15);
        b.Property(n => n.RecordedBy).HasMaxLength(256);
        b.Property(n => n.DecidedBy).HasMaxLength(256);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(n => n.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.CadreId, n.Kind, n.Level, n.TermFrom }, HonourSlots.OneNominationPerTerm).IsUnique();
        b.HasIndex(n => new { n.RegionCode, n.TermFrom });
        b.ToTable(t => t.HasCheckConstraint("CK_Nominations_Term", "\"TermTo\" >= \"TermFrom\""));
    }
}

internal sealed class CareerMoveConfiguration : IEntityTypeConfiguration<CareerMove>
{
    public void Configure(EntityTypeBuilder<CareerMove> b)
    {
        b.ToTable("CareerMoves");
        b.Property(m => m.RegionCode).HasMaxLength(15);
        b.Property(m => m.Destination).HasMaxLength(CareerMove.MaxDestination);
        b.Property(m => m.RecordedBy).HasMaxLength(256);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(m => m.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.RegionCode, m.Date });
        b.HasIndex(m => new { m.CadreId, m.Date });
    }
}
