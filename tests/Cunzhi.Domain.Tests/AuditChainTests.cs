using Cunzhi.Domain.Auditing;

namespace Cunzhi.Domain.Tests;

public sealed class AuditChainTests
{
    private static List<StoredAuditLink> Chain(int n)
    {
        var list = new List<StoredAuditLink>();
        var previous = "";
        for (var i = 1; i <= n; i++)
        {
            var link = new AuditLink(i, new DateTime(2026, 11, 21, 8, 0, i, DateTimeKind.Utc), "u1", "town.sanxing", "360922106208",
                "Update", "Region", "360922106208", $$"""{"Name":"村{{i}}"}""", $$"""{"Name":"村{{i + 1}}"}""", previous);
            var hash = AuditChain.ComputeHash(link);
            list.Add(new(link, hash));
            previous = hash;
        }
        return list;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = Chain(5);
        var result = AuditChain.Verify(chain, (5, chain[^1].StoredHash));
        result.Intact.ShouldBeTrue();
        result.EntriesChecked.ShouldBe(5);
        AuditChain.Verify([], (0, "")).Intact.ShouldBeTrue();
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
                chain[2] = new(forged, AuditChain.ComputeHash(forged));
                break;
            case "head-mismatch": head = (5, new string('0', 64)); break;
        }
        var result = AuditChain.Verify(chain, head);
        result.Intact.ShouldBeFalse();
        result.FirstBreak!.Sequence.ShouldBe(sequence);
        result.FirstBreak.Reason.ShouldContain(reason);
    }

    [Fact]
    public void Hash_covers_null_and_empty_values_differently()
    {
        var link = Chain(1)[0].Link;
        AuditChain.ComputeHash(link with { Before = null }).ShouldNotBe(AuditChain.ComputeHash(link with { Before = "" }));
        AuditChain.ComputeHash(link).ShouldBe(AuditChain.ComputeHash(link with { }));
        AuditChain.ComputeHash(link).Length.ShouldBe(64);
    }
}
