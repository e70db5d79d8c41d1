using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Ranks;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

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
        // The policy's tables are small and read whole: JSON text on both providers.
        b.Property(p => p.MinMonths).HasConversion(JsonList<int>.Converter, JsonList<int>.Comparer).HasMaxLength(200);
        b.Property(p => p.PointsSteps).HasConversion(JsonList<PointsStep>.Converter, JsonList<PointsStep>.Comparer).HasMaxLength(1000);
        b.Property(p => p.VetoReasons).HasConversion(JsonList<string>.Converter, JsonList<string>.Comparer).HasMaxLength(1000);
    }
}

internal static class JsonList<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> Converter =
        new(v => JsonSerializer.Serialize(v, Options), v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());

    public static readonly ValueComparer<List<T>> Comparer =
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());
}

internal sealed class ConductRecordConfiguration : IEntityTypeConfiguration<ConductRecord>
{
    public void Configure(EntityTypeBuilder<ConductRecord> b)
    {
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.VetoReason).HasMaxLength(30);
        b.Property(c => c.Description).HasMaxLength(500);
        b.Property(c => c.RecordedBy).HasMaxLength(256);
        b.Property(c => c.WithdrawnBy).HasMaxLength(256);
        b.Property(c => c.WithdrawReason).HasMaxLength(ConductRecord.MaxWithdrawReasonLength);
        b.HasOne<Cadre>().WithMany().HasForeignKey(c => c.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CadreId, c.Date });
        b.HasIndex(c => new { c.RegionCode, c.Kind });
    }
}

internal sealed class RankProposalConfiguration : IEntityTypeConfiguration<RankProposal>
{
    public void Configure(EntityTypeBuilder<RankProposal> b)
    {
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.CadreName).HasMaxLength(50);
        b.Property(p => p.Grounds).HasMaxLength(1000);
        b.Property(p => p.ProposedBy).HasMaxLength(256);
        b.Property(p => p.DecidedBy).HasMaxLength(256);
        b.Property(p => p.DecisionReason).HasMaxLength(500);
        b.HasOne<Cadre>().WithMany().HasForeignKey(p => p.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConductRecord>().WithMany().HasForeignKey(p => p.ConductRecordId).OnDelete(DeleteBehavior.Restrict);
        // One pending proposal per cadre, also under concurrent requests (same SQL on SQLite and PostgreSQL).
        b.HasIndex(p => p.CadreId).IsUnique().HasFilter("\"State\" = 1");
        b.HasIndex(p => new { p.RegionCode, p.State });
    }
}
