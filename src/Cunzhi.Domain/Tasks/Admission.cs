namespace Cunzhi.Domain.Tasks;

/// <summary>What the gate decides at filing.</summary>
public enum AdmissionOutcome
{
    /// <summary>On the list of own duties or assist-government items: admitted at once.</summary>
    Admitted = 1,
    /// <summary>On the negative list: refused at once.</summary>
    AutoRefused = 2,
    /// <summary>Not on the list: the coordination office decides.</summary>
    Pending = 3,
}

/// <summary>The gate's decision, with the item and list version it rests on and the reason shown to the department.</summary>
public sealed record AdmissionDecision(AdmissionOutcome Outcome, string Reason, int? ListVersion, string? ItemCode, string? ItemTitle);

/// <summary>
/// 准入机制: the pure rule that sorts a task request against the responsibility list in force.
/// <list type="number">
/// <item>The negative list first: a request that claims a cancelled item, or whose title or requirement
/// contains a cancelled item's title or one of its keywords, is refused and the item named.</item>
/// <item>A claimed own-duty or assist-government item admits it, naming the item.</item>
/// <item>Anything else — no item claimed, an unknown code, or no list in force — is pending for the coordination office.</item>
/// </list>
/// </summary>
public static class Admission
{
    /// <summary>Decides <paramref name="request"/> against <paramref name="published"/> (null when the county has no list in force).</summary>
    public static AdmissionDecision Decide(TaskRequest request, ResponsibilityList? published)
    {
        if (published is null || published.Status != ListStatus.Published)
            return new(AdmissionOutcome.Pending, "本县尚无现行工作事务清单，须报县减负协调办审批", null, null, null);
        var version = published.Version;

        var claimed = published.Find(request.ClaimedItemCode);
        var cancelled = claimed is { Category: ItemCategory.Cancelled } ? claimed : MatchCancelled(request, published);
        if (cancelled is not null)
            return new(AdmissionOutcome.AutoRefused,
                $"该事项已列入取消事项（负面清单）：{cancelled.Code} {cancelled.Title}，不得安排村级组织承担", version, cancelled.Code, cancelled.Title);

        if (claimed is not null)
            return new(AdmissionOutcome.Admitted,
                $"属于{ResponsibilityItem.CategoryName(claimed.Category)}：{claimed.Code} {claimed.Title}（清单第 {version} 版）", version, claimed.Code, claimed.Title);

        return new(AdmissionOutcome.Pending,
            string.IsNullOrWhiteSpace(request.ClaimedItemCode)
                ? "未对应工作事务清单事项，须报县减负协调办审批"
                : $"现行清单（第 {version} 版）中没有事项 {request.ClaimedItemCode.Trim()}，须报县减负协调办审批",
            version, null, null);
    }

    // Simple wording match: a cancelled item's title or a keyword appears in the request's text.
    // Smarter matching (synonyms, segmentation, similarity) is future work; the coordination office
    // still sees every request that slips through as pending.
    private static ResponsibilityItem? MatchCancelled(TaskRequest request, ResponsibilityList list)
    {
        var text = Normalize(request.Title + "\n" + request.Requirement);
        return list.Items.Where(i => i.Category == ItemCategory.Cancelled).OrderBy(i => i.SortOrder)
            .FirstOrDefault(i => text.Contains(Normalize(i.Title), StringComparison.Ordinal)
                                 || i.KeywordList().Select(Normalize).Any(k => k.Length >= 2 && text.Contains(k, StringComparison.Ordinal)));
    }

    private static string Normalize(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());
}
