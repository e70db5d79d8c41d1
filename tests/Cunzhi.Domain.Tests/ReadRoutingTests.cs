using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class ReadRoutingTests
{
    [Theory]
    [InlineData("0/0", 0UL)]
    [InlineData("0/3000060", 0x3000060UL)]
    [InlineData("16/B374D848", 0x16B374D848UL)]
    [InlineData("FFFFFFFF/FFFFFFFF", ulong.MaxValue)]
    [InlineData("a/1", 0xA00000001UL)] // lower case, as PostgreSQL never writes it, still hexadecimal
    public void Parses_pg_lsn_text(string text, ulong expected)
    {
        ReadRouting.TryParseLsn(text, out var lsn).ShouldBeTrue();
        lsn.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3000060")]
    [InlineData("/1")]
    [InlineData("1/")]
    [InlineData("1/2/3")]
    [InlineData("G/1")]
    [InlineData("-1/1")]
    [InlineData("100000000/0")]
    [InlineData("0/100000000")]
    [InlineData(" 0/1")]
    public void Refuses_anything_else(string? text) =>
        ReadRouting.TryParseLsn(text, out _).ShouldBeFalse();

    [Theory]
    // inRecovery, replayed, wrote → server
    [InlineData(false, null, null, ReadServer.PrimaryNoStandby)]            // prefer-standby fell back to the primary
    [InlineData(false, null, "0/3000060", ReadServer.PrimaryNoStandby)]     // a primary has every write
    [InlineData(true, "0/3000060", null, ReadServer.Standby)]               // no recent write
    [InlineData(true, "0/3000060", "", ReadServer.Standby)]
    [InlineData(true, "0/3000060", "0/3000060", ReadServer.Standby)]        // replayed exactly up to the write
    [InlineData(true, "1/0", "0/FFFFFFFF", ReadServer.Standby)]             // across the 32-bit boundary
    [InlineData(true, "0/3000060", "0/3000061", ReadServer.PrimaryUntilReplayed)]
    [InlineData(true, "0/FFFFFFFF", "1/0", ReadServer.PrimaryUntilReplayed)]
    [InlineData(true, null, "0/1", ReadServer.PrimaryUntilReplayed)]        // replay position unknown
    [InlineData(true, "0/3000060", "garbage", ReadServer.PrimaryUntilReplayed)] // a bad cookie never reads stale
    public void Reads_on_the_standby_only_once_it_has_replayed_the_readers_write(bool inRecovery, string? replayed, string? wrote, ReadServer expected) =>
        ReadRouting.Choose(inRecovery, replayed, wrote).ShouldBe(expected);
}
