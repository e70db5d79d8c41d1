using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Points;

namespace Cunzhi.Domain.Tests;

/// <summary>What the public points board may show: masked names with the villager group, and which entries stand on it.</summary>
public sealed class PointsBoardTests
{
    [Theory]
    [InlineData("张三华", "张*华")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("买买提·艾力", "买****力")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("王", "*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_name_keeps_only_its_first_and_last_character(string? name, string masked) =>
        PersonName.Mask(name).ShouldBe(masked);

    [Theory]
    [InlineData(PointsHolderKind.Household, "三组", "张三华", "三组 张*华户")]
    [InlineData(PointsHolderKind.Household, null, "张三华", "张*华户")]
    [InlineData(PointsHolderKind.Household, " ", "李四", "李*户")]
    [InlineData(PointsHolderKind.PartyMember, "一组", "王小明", "一组 党员 王*明")]
    [InlineData(PointsHolderKind.PartyMember, null, "王小明", "党员 王*明")]
    public void A_holder_is_shown_with_its_group_and_masked_name(PointsHolderKind kind, string? group, string name, string shown) =>
        PointsBoard.HolderLabel(kind, group, name).ShouldBe(shown);

    [Theory]
    [InlineData(PointsEntryState.Publicity, 0, true)]
    [InlineData(PointsEntryState.Publicity, 3, true)]
    [InlineData(PointsEntryState.Publicity, -1, false)]
    [InlineData(PointsEntryState.Proposed, 3, false)]
    [InlineData(PointsEntryState.InForce, 3, false)]
    [InlineData(PointsEntryState.Void, 3, false)]
    [InlineData(PointsEntryState.Rejected, 3, false)]
    public void An_entry_stands_on_the_board_while_in_publicity_up_to_its_last_day(PointsEntryState state, int lastDayFromToday, bool posted)
    {
        var today = new DateOnly(2026, 12, 7);
        PointsBoard.IsPosted(state, today.AddDays(lastDayFromToday), today).ShouldBe(posted);
    }

    [Fact]
    public void An_entry_without_a_last_day_is_not_on_the_board() =>
        PointsBoard.IsPosted(PointsEntryState.Publicity, null, new DateOnly(2026, 12, 7)).ShouldBeFalse();
}
