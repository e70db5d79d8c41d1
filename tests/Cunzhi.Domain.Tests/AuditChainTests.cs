using Cunzhi.Domain.Auditing;

namespace Cunzhi.Domain.Tests;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static List<StoredAuditLink> Chain(int n)
    {
        var list = new List<StoredAuditLink>();
        var previous = "";
        for (var i = 1; i <= n; i++)
        {
            var link = new AuditLink(i, new DateTime(2026, 11, 21, 8, 0, i, DateTimeKind.Utc), "u1", "town.sanxing", "360922106208",
                "Update", "Region", "360922106208", $$"""{"Name":"村{{i}}"}""", $$"""{"Name":"村{{i + 1}}"}""", previous);
            var hash = AuditChain.ComputeHash(link, Key);
            list.Add(new(link, hash));
            previous = hash;
        }
        return list;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = Chain(5);
        var result = AuditChain.Verify(chain, Key, (5, chain[^1].StoredHash));
        result.Intact.ShouldBeTrue();
        result.EntriesChecked.ShouldBe(5);
        AuditChain.Verify([], Key, (0, "")).Intact.ShouldBeTrue();
    }

    public static TheoryData<string, long, string> Tampering => new()
    {
        { "alter-after", 3, "被改动" },
        { "alter-user", 2, "被改动" },
        { "alter-time", 4, "被改动" },
        { "delete-middle", 3, "缺失" },
        { "delete-first", 1, "缺失" },
        { "delete-tail", 5, "末尾记录被删除" },
        { "swap", 2, "顺序被改动" },
        { "rehash-one", 4, "前序哈希" },
        { "head-mismatch", 5, "链头" },
    };

    [Theory, MemberData(nameof(Tampering))]
    public void Every_kind_of_tampering_is_named_at_its_first_broken_link(string kind, long sequence, string reason)
    {
        var chain = Chain(5);
        (long, string) head = (5, chain[^1].StoredHash);
        switch (kind)
        {
            case "alter-after": chain[2] = chain[2] with { Link = chain[2].Link with { After = """{"Name":"伪造"}""" } }; break;
            case "alter-user": chain[1] = chain[1] with { Link = chain[1].Link with { UserName = "someone.else" } }; break;
            case "alter-time": chain[3] = chain[3] with { Link = chain[3].Link with { AtUtc = chain[3].Link.AtUtc.AddMinutes(1) } }; break;
            case "delete-middle": chain.RemoveAt(2); break;
            case "delete-first": chain.RemoveAt(0); break;
            case "delete-tail": chain.RemoveAt(4); break;
            case "swap": (chain[1], chain[2]) = (chain[2], chain[1]); break;
            case "rehash-one":
                // The forger recomputes entry 3's hash after editing it; entry 4 still points at the old hash.
                var forged = chain[2].Link with { After = """{"Name":"伪造"}""" };
                chain[2] = new(forged, AuditChain.ComputeHash(forged, Key));
                break;
            case "head-mismatch": head = (5, new string('0', 64)); break;
        }
        var result = AuditChain.Verify(chain, Key, head);
        result.Intact.ShouldBeFalse();
        result.FirstBreak!.Sequence.ShouldBe(sequence);
        result.FirstBreak.Reason.ShouldContain(reason);
    }

    [Fact]
    public void The_entries_after_a_verified_checkpoint_verify_on_their_own()
    {
        var chain = Chain(6);
        var result = AuditChain.VerifyAfter(chain.Skip(3), Key, (3, chain[2].StoredHash), (6, chain[^1].StoredHash));
        result.Intact.ShouldBeTrue();
        result.EntriesChecked.ShouldBe(3);
        // Nothing new since the checkpoint: nothing to read, still intact.
        AuditChain.VerifyAfter([], Key, (6, chain[^1].StoredHash), (6, chain[^1].StoredHash)).Intact.ShouldBeTrue();
    }

    public static TheoryData<string, long, string> TamperingAfterCheckpoint => new()
    {
        { "alter-new", 5, "被改动" },
        { "delete-first-new", 4, "缺失" },
        { "delete-tail", 6, "末尾记录被删除" },
        { "checkpoint-rehashed", 4, "前序哈希" },
        { "head-mismatch", 6, "链头" },
        { "beyond-head", 6, "未经正常写入" },
    };

    [Theory, MemberData(nameof(TamperingAfterCheckpoint))]
    public void Tampering_after_the_checkpoint_is_named_at_its_first_broken_link(string kind, long sequence, string reason)
    {
        var chain = Chain(6);
        (long, string) checkpoint = (3, chain[2].StoredHash);
        (long, string) head = (6, chain[^1].StoredHash);
        var after = chain.Skip(3).ToList();
        switch (kind)
        {
            case "alter-new": after[1] = after[1] with { Link = after[1].Link with { After = """{"Name":"伪造"}""" } }; break;
            case "delete-first-new": after.RemoveAt(0); break;
            case "delete-tail": after.RemoveAt(2); break;
            // Entry 3 re-sealed after it was verified: its new hash no longer matches what entry 4 links to.
            case "checkpoint-rehashed": checkpoint = (3, new string('1', 64)); break;
            case "head-mismatch": head = (6, new string('0', 64)); break;
            case "beyond-head": head = (5, chain[4].StoredHash); break;
        }
        var result = AuditChain.VerifyAfter(after, Key, checkpoint, head);
        result.Intact.ShouldBeFalse();
        result.FirstBreak!.Sequence.ShouldBe(sequence);
        result.FirstBreak.Reason.ShouldContain(reason);
    }

    [Fact]
    public void An_entry_before_the_checkpoint_altered_later_is_found_only_by_the_whole_chain()
    {
        var chain = Chain(6);
        chain[1] = chain[1] with { Link = chain[1].Link with { After = """{"Name":"伪造"}""" } };
        AuditChain.VerifyAfter(chain.Skip(3), Key, (3, chain[2].StoredHash), (6, chain[^1].StoredHash)).Intact.ShouldBeTrue();
        AuditChain.Verify(chain, Key, (6, chain[^1].StoredHash)).FirstBreak!.Sequence.ShouldBe(2);
    }

    [Fact]
    public void Hash_covers_null_and_empty_values_differently()
    {
        var link = Chain(1)[0].Link;
        AuditChain.ComputeHash(link with { Before = null }, Key).ShouldNotBe(AuditChain.ComputeHash(link with { Before = "" }, Key));
    }

    [Fact]
    public void A_link_always_hashes_to_the_same_64_characters()
    {
        var link = Chain(1)[0].Link;
        AuditChain.ComputeHash(link, Key).ShouldBe(AuditChain.ComputeHash(link with { }, Key));
        AuditChain.ComputeHash(link, Key).Length.ShouldBe(64);
    }

    [Fact]
    public void Rewriting_the_whole_chain_with_plain_sha256_is_detected_at_the_first_entry()
    {
        // The forger can write the database but lacks the key: he edits entry 3 and recomputes every hash the old way.
        var chain = Chain(5);
        var previous = "";
        for (var i = 0; i < chain.Count; i++)
        {
            var link = chain[i].Link with { PreviousHash = previous, After = i == 2 ? """{"Name":"伪造"}""" : chain[i].Link.After };
            chain[i] = new(link, AuditChain.ComputeUnkeyedHash(link));
            previous = chain[i].StoredHash;
        }
        AuditChain.VerifyUnkeyed(chain, (5, previous)).Intact.ShouldBeTrue(); // what the unkeyed chain could not tell
        var result = AuditChain.Verify(chain, Key, (5, previous));
        result.FirstBreak!.Sequence.ShouldBe(1);
        result.FirstBreak.Reason.ShouldContain("被改动");
    }

    [Fact]
    public void A_chain_sealed_with_another_key_does_not_verify()
    {
        var chain = Chain(3);
        var otherKey = Enumerable.Repeat((byte)7, 32).ToArray();
        AuditChain.Verify(chain, otherKey, (3, chain[^1].StoredHash)).FirstBreak!.Sequence.ShouldBe(1);
    }
}
