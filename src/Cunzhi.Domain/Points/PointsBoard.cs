using Cunzhi.Domain.Identity;

namespace Cunzhi.Domain.Points;

/// <summary>
/// What the public points board (积分公示栏, no sign-in) may say about a holder: the villager group and the masked name,
/// never an ID number, phone or address — "三组 张*华户" for a household, "三组 党员 张*华" for a Party member.
/// </summary>
public static class PointsBoard
{
    /// <summary>The holder as the board shows it; <paramref name="groupName"/> is null when the household has no group.</summary>
    public static string HolderLabel(PointsHolderKind kind, string? groupName, string holderName)
    {
        var group = string.IsNullOrWhiteSpace(groupName) ? "" : groupName.Trim() + " ";
        var masked = PersonName.Mask(holderName);
        return kind == PointsHolderKind.PartyMember ? $"{group}党员 {masked}" : $"{group}{masked}户";
    }

    /// <summary>
    /// Whether an entry stands on the board on <paramref name="today"/>: approved and posted, its last 公示 day not past
    /// (an entry whose 公示 ended waits for the sweep to bring it into force, but is no longer open to objections).
    /// </summary>
    public static bool IsPosted(PointsEntryState state, DateOnly? publicityUntil, DateOnly today) =>
        state == PointsEntryState.Publicity && publicityUntil is { } until && today <= until;

    /// <summary>Longest reason a villager may give on the board (a short objection; the village's own form allows more).</summary>
    public const int MaxReason = 200;
    /// <summary>Longest optional contact name.</summary>
    public const int MaxContact = 20;
    /// <summary>What the objection records as objector when the villager leaves the name empty.</summary>
    public const string Anonymous = "匿名";
    /// <summary>Who "recorded" an objection filed on the board itself (no account).</summary>
    public const string RecordedByBoard = "村民（公示栏）";
}
