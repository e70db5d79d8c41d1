using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Disclosure;

/// <summary>
/// 小微权力清单: a county's list of power items with their ordered procedures, versioned like the other county policies
/// (<see cref="VersionedPolicy{TSelf}"/>). Until a county publishes its own, the full catalogue of
/// <see cref="PowerCatalogue.Default"/> is in force (version 0). An exercise names the version it began under, so a later
/// list does not change the steps of an exercise under way.
/// </summary>
public sealed class PowerListPolicy : VersionedPolicy<PowerListPolicy>, IPublishedAsDrafted
{
    /// <summary>Most items in a list.</summary>
    public const int MaxItems = 100;

    /// <inheritdoc/>
    protected override string PolicyName => "小微权力清单";

    /// <summary>The items, in the order the list shows them.</summary>
    public List<PowerItem> Items { get; set; } = [];

    /// <summary>The list a county uses until it publishes its own (version 0).</summary>
    public static PowerListPolicy Default(string county) => new() { CountyCode = county, Items = [.. PowerCatalogue.Default()] };

    /// <summary>The item with <paramref name="code"/>, or null.</summary>
    public PowerItem? Item(string? code) => Items.FirstOrDefault(i => i.Code == code?.Trim());

    /// <inheritdoc/>
    public override IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Items.Count == 0) p.Add("小微权力清单至少需要一项");
        if (Items.Count > MaxItems) p.Add($"小微权力清单不能超过 {MaxItems} 项");
        foreach (var i in Items)
            p.AddRange(PowerProcedure.ItemProblems(i).Select(m => $"{(string.IsNullOrWhiteSpace(i.Code) ? "" : i.Code.Trim() + "：")}{m}"));
        foreach (var d in Items.GroupBy(i => i.Code?.Trim()).Where(g => g.Count() > 1)) p.Add($"权力事项编号 {d.Key} 重复");
        return p;
    }

    /// <inheritdoc/>
    protected override void CopyMutableMembers() => Items = [.. Items];

    /// <summary>Publishes the draft (refused with its <see cref="Problems"/>).</summary>
    public void Publish(string by, DateTime atUtc) => MarkPublished(by, atUtc);
}
