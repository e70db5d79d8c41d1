using Cunzhi.Data;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The discipline home's chain check (<see cref="AuditChainWatch"/>): the whole chain once, then only the entries written
/// since, the whole chain again after <see cref="AuditChainWatch.FullEvery"/>. Each watch here has its own clock; a
/// tampered row is put back, so the class's chain stays intact for the next test.
/// </summary>
public abstract class AuditChainWatchTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    private async Task<AuditWatchResult> Check(AuditChainWatch watch)
    {
        await using var scope = f.SystemScope(out var db);
        return await watch.CheckAsync(db);
    }

    private Task<long> Head() => f.WithSystemDb(db => db.AuditHeads.Select(h => h.Sequence).SingleAsync());

    private static FormattableString SetAfter(long sequence, string? after) =>
        $"UPDATE \"AuditEntries\" SET \"After\" = {after} WHERE \"Sequence\" = {sequence}";

    [Fact]
    public async Task A_second_check_reads_only_the_entries_written_since_the_first()
    {
        var watch = new AuditChainWatch(new MovableClock(DateTimeOffset.UtcNow));
        var first = await Check(watch);
        var head = await Head();
        (first.Intact, first.Sequence, first.EntriesRead).ShouldBe((true, head, head)); // the whole chain, once
        head.ShouldBeGreaterThan(100);
        await f.ApiAs("county.admin");
        await f.ApiAs("discipline"); // two sign-ins: new entries
        var newHead = await Head();
        newHead.ShouldBeGreaterThan(head);

        var second = await Check(watch);
        (second.Intact, second.Sequence, second.EntriesRead).ShouldBe((true, newHead, newHead - head));
        (await Check(watch)).EntriesRead.ShouldBe(0); // nothing new: only the head row is read
    }

    [Fact]
    public async Task An_older_entry_altered_after_it_was_checked_shows_at_the_next_whole_chain_check()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var watch = new AuditChainWatch(clock);
        (await Check(watch)).Intact.ShouldBeTrue();
        const long victim = 2;
        var original = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Sequence == victim).Select(a => a.After).SingleAsync());
        await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync(SetAfter(victim, """{"Name":"伪造"}""")));
        try
        {
            clock.Advance(AuditChainWatch.FullEvery);
            var check = await Check(watch);
            check.FirstBreak.ShouldNotBeNull();
            check.FirstBreak.Sequence.ShouldBe(victim);
        }
        finally
        {
            await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync(SetAfter(victim, original)));
        }
    }

    [Fact]
    public async Task A_head_that_no_longer_matches_its_entry_shows_at_the_next_check()
    {
        var watch = new AuditChainWatch(new MovableClock(DateTimeOffset.UtcNow));
        (await Check(watch)).Intact.ShouldBeTrue();
        await f.ApiAs("county.admin"); // an entry after the check
        var last = await Head();
        // The head row rewritten without the key (as when a removed tail is covered up): it no longer matches the last entry.
        var saved = await f.WithSystemDb(db => db.AuditHeads.Select(h => new { h.Sequence, h.Hash }).SingleAsync());
        await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditHeads\" SET \"Hash\" = {new string('0', 64)}"));
        try
        {
            var check = await Check(watch);
            check.FirstBreak.ShouldNotBeNull();
            check.FirstBreak.Sequence.ShouldBe(last);
        }
        finally
        {
            await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditHeads\" SET \"Hash\" = {saved.Hash}"));
        }
    }

    [Fact]
    public async Task The_discipline_home_says_up_to_which_entry_the_chain_was_checked()
    {
        var pages = await f.PagesAs("discipline");
        var html = await CunzhiFactory.Html(await pages.GetAsync("/"));
        var head = await Head();
        var note = html.QuerySelector("a[data-todo=audit-breaks] [data-note]")!.TextContent;
        note.ShouldContain($"截至第 {head} 条"); // reading the home writes no entry
        note.ShouldContain("操作日志页可随时完整校验");
    }
}

public sealed class AuditChainWatchTests_Sqlite(SqliteFactory f) : AuditChainWatchTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditChainWatchTests_Postgres(PostgresFactory f) : AuditChainWatchTests<PostgresFactory>(f);
