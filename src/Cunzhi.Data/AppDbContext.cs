using System.Linq.Expressions;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Data;

/// <summary>
/// The one data context. Two things happen here and nowhere else:
/// region scope (query filters on every <see cref="IRegionScoped"/> row, and a check of every
/// written row in <see cref="SaveChangesAsync(bool, CancellationToken)"/>), and the audit chain
/// (every insert, update and delete writes a hash-chained <see cref="AuditEntry"/> in the same transaction, sealed with
/// the keyed <see cref="AuditSeal"/>; secret columns are recorded as changed, never by value — <see cref="AuditSecrets"/>).
/// Provider subclasses exist only to keep their own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, UserContext user, AuditSeal seal) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The data-protection key ring (cookie and antiforgery keys), shared by every node. Each key's XML is encrypted at rest
    /// (KeyRingXmlEncryptor, Cunzhi.Web). Not region data and not audited (AuditCapture.Unaudited): a key is a secret.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Cadre> Cadres => Set<Cadre>();
    public DbSet<CadrePost> CadrePosts => Set<CadrePost>();
    public DbSet<ReferenceItem> ReferenceItems => Set<ReferenceItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    /// <summary>Who is acting; read by the query filters on every query.</summary>
    public UserContext User => user;

    /// <summary>The audit chain's keyed hash.</summary>
    public AuditSeal Seal => seal;

    /// <summary>Parameter of every region query filter (EF re-reads it per query).</summary>
    internal string ScopePrefix => user.ScopePrefix;

    /// <summary>
    /// Upper end of the scope as a range (<see cref="RegionScopeRange.UpperBound"/>). The filters keep the prefix test and
    /// add <c>code &gt;= prefix AND code &lt; upper</c>, which selects the same rows but lets both databases seek the
    /// region-code index instead of testing LIKE on every row (neither can use an index for a LIKE whose pattern is a parameter).
    /// </summary>
    internal string ScopeUpper => RegionScopeRange.UpperBound(user.ScopePrefix);

    private readonly List<AuditEvent> _pendingEvents = [];

    /// <summary>Queue an event that is not a row change (sign-in, seeding) for the audit chain of the next save.</summary>
    public void RecordEvent(string action, string entity, string key, string regionCode, string? detailJson = null)
        => _pendingEvents.Add(new(action, entity, key, regionCode, detailJson));

    protected abstract AuditChainLock ChainLock { get; }

    /// <summary>
    /// Inside the caller's transaction, takes now the lock every save takes anyway (the audit head's, held to commit):
    /// a check-then-write (a points-store redemption: balance and stock) then reads and writes alone, so what it checked
    /// is still true when it saves, and the lock order (head first) is the same as every other save's.
    /// </summary>
    public async Task LockWritesAsync(CancellationToken ct)
    {
        if (Database.CurrentTransaction is null) throw new InvalidOperationException("LockWritesAsync 须在事务内调用");
        await ChainLock.LockHeadAsync(this, ct);
    }

    /// <summary>Locks the audit head inside the current transaction (for the one-off upgrade that re-seals the chain).</summary>
    internal Task<AuditHead> LockAuditHeadAsync(CancellationToken ct) => ChainLock.LockHeadAsync(this, ct);

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace == typeof(AppDbContext).Namespace + ".Configurations");

        b.Entity<Region>().HasQueryFilter(r => r.Code.StartsWith(ScopePrefix)
            && string.Compare(r.Code, ScopePrefix) >= 0 && string.Compare(r.Code, ScopeUpper) < 0);
        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(IRegionScoped).IsAssignableFrom(t.ClrType) && t.ClrType != typeof(Region)))
        {
            var row = Expression.Parameter(type.ClrType, "row");
            var code = Expression.Property(row, nameof(IRegionScoped.RegionCode));
            type.SetQueryFilter(Expression.Lambda(RegionScopeRange.Within(code,
                Expression.Property(Expression.Constant(this), nameof(ScopePrefix)),
                Expression.Property(Expression.Constant(this), nameof(ScopeUpper))), row));
        }
        // Lost updates (IVersioned): every edited aggregate's RowVersion is in the WHERE of its UPDATE and DELETE.
        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
            b.Entity(type.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken();
        AuditSecrets.Apply(b);
    }

    /// <summary>
    /// Synchronous saves are refused (the audit chain is written only in <see cref="SaveChangesAsync(bool, CancellationToken)"/>),
    /// except a save that touches only unaudited rows: the data-protection key store (its EF repository saves synchronously).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count > 0 && changed.All(e => e.Entity is DataProtectionKey) && _pendingEvents.Count == 0)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        throw new InvalidOperationException("请使用 SaveChangesAsync：审计链只在异步保存中写入。");
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        ConcurrencyVersions.Advance(ChangeTracker);
        var changes = AuditCapture.Capture(ChangeTracker, user);
        if (changes.Count == 0 && _pendingEvents.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // Lock the head first: appends are serialised and every writer sees the latest hash.
            var head = await ChainLock.LockHeadAsync(this, cancellationToken);
            // 诉求统计's daily summary moves with its matters, in this transaction (MatterSummaries).
            await MatterSummaries.ApplyAsync(this, cancellationToken);
            // Other nodes' cached portal pages and disclosure dues of a changed county are cleared through this (Jobs.CacheGenerations).
            await Jobs.CacheGenerations.ApplyAsync(this, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

            // Whole microseconds: PostgreSQL keeps no finer, and the hash must survive the round trip.
            var ticks = DateTime.UtcNow.Ticks;
            var now = new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
            var actor = (Id: user.UserId, Name: user.UserName, Region: user.RegionCode);
            var records = changes.Select(c => c.Complete(actor.Region))
                .Concat(_pendingEvents.Select(e => new AuditRecord(e.Action, e.Entity, e.Key, e.RegionCode, null, e.DetailJson)));
            foreach (var r in records)
            {
                var entry = new AuditEntry
                {
                    Sequence = head.Sequence + 1, AtUtc = now, UserId = actor.Id, UserName = actor.Name,
                    RegionCode = r.RegionCode, Action = r.Action, Entity = r.Entity, EntityKey = r.Key,
                    Before = r.Before, After = r.After, PreviousHash = head.Hash,
                };
                entry.Hash = seal.Hash(entry.ToLink());
                AuditEntries.Add(entry);
                head.Sequence = entry.Sequence;
                head.Hash = entry.Hash;
            }
            _pendingEvents.Clear();
            // The head was changed after the DetectChanges above; a caller that turned automatic detection off (a bulk
            // import) would otherwise save the entries but not the head, and the next writer would reuse its sequence.
            Entry(head).DetectChanges();
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private sealed record AuditEvent(string Action, string Entity, string Key, string RegionCode, string? DetailJson);
}

/// <summary>How a provider takes the exclusive lock on the audit head row inside the current transaction.</summary>
public abstract class AuditChainLock
{
    public abstract Task<AuditHead> LockHeadAsync(AppDbContext db, CancellationToken ct);

    /// <summary>A head tracked by an earlier save may be stale; forget it so the locked read is fresh.</summary>
    protected static void DetachTracked(AppDbContext db)
    {
        foreach (var e in db.ChangeTracker.Entries<AuditHead>().ToList()) e.State = EntityState.Detached;
    }
}
