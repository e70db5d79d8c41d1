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
/// <item>The negative list first: a request that claims a cancelled item, or whose title or requirement names a cancelled
/// item by meaning (<see cref="ItemMatching.Cancelled"/>: its title, or a keyword, through the item's synonyms), is refused and the item named.</item>
/// <item>A claimed own-duty or assist-government item admits it, naming the item — unless the caller holds it for the
/// coordination office (<c>holds</c>, e.g. a form's fields that repeat other forms or numbers the platform holds): then it is pending, the holds named.</item>
/// <item>Anything else — no item claimed, an unknown code, or no list in force — is pending for the coordination office.</item>
/// </list>
/// </summary>
public static class Admission
{
    /// <summary>
    /// Decides <paramref name="request"/> against <paramref name="published"/> (null when the county has no list in force);
    /// <paramref name="holds"/> are reasons the coordination office must look at it even when a listed item covers it.
    /// </summary>
    public static AdmissionDecision Decide(TaskRequest request, ResponsibilityList? published, IReadOnlyList<string>? holds = null)
    {
        var held = holds is { Count: > 0 } ? "；" + string.Join("；", holds) : "";
        if (published is null || published.Status != ListStatus.Published)
            return new(AdmissionOutcome.Pending, "本县尚无现行工作事务清单，须报县减负协调办审批" + held, null, null, null);
        var version = published.Version;

        var claimed = published.Find(request.ClaimedItemCode);
        var text = request.Title + "\n" + request.Requirement;
        if (claimed is { Category: ItemCategory.Cancelled })
            return Refused(claimed, version, "");
        if (ItemMatching.Cancelled(text, published) is { } match)
            return Refused(match.Item, version, $"（{string.Join("；", match.Reasons)}）");

        if (claimed is not null)
        {
            var item = $"{ResponsibilityItem.CategoryName(claimed.Category)}：{claimed.Code} {claimed.Title}（清单第 {version} 版）";
            return holds is { Count: > 0 }
                ? new(AdmissionOutcome.Pending, $"属于{item}，但{string.Join("；", holds)}，须报县减负协调办审批", version, claimed.Code, claimed.Title)
                : new(AdmissionOutcome.Admitted, $"属于{item}", version, claimed.Code, claimed.Title);
        }

        return new(AdmissionOutcome.Pending,
            (string.IsNullOrWhiteSpace(request.ClaimedItemCode)
                ? "未对应工作事务清单事项，须报县减负协调办审批"
                : $"现行清单（第 {version} 版）中没有事项 {request.ClaimedItemCode.Trim()}，须报县减负协调办审批") + held,
            version, null, null);
    }

    private static AdmissionDecision Refused(ResponsibilityItem cancelled, int version, string why) =>
        new(AdmissionOutcome.AutoRefused,
            $"该事项已列入取消事项（负面清单）：{cancelled.Code} {cancelled.Title}{why}，不得安排村级组织承担", version, cancelled.Code, cancelled.Title);
}
