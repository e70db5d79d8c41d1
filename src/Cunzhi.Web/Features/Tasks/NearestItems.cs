using Cunzhi.Domain.Tasks;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>A list item near a pending request, and why (<see cref="ItemMatching"/>).</summary>
public sealed record NearItemView(string Code, string Title, ItemCategory Category, bool Decisive, IReadOnlyList<string> Reasons);

/// <summary>
/// For the coordination office: the listed and cancelled items of the list in force nearest to each pending request, each
/// with why it matched, so the office decides knowing what the request resembles.
/// </summary>
public sealed class NearestItems(ResponsibilityLists lists, TaskRequestViews requests)
{
    /// <summary>How many items are shown per request.</summary>
    public const int Take = 3;

    /// <summary>Nearest items for each request (by id); empty lists when the county has no list in force.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<NearItemView>>> ForAsync(IEnumerable<TaskRequestView> rows, CancellationToken ct = default)
    {
        var list = await lists.LoadAsync(ListStatus.Published, ct);
        return rows.ToDictionary(r => r.Id, r => list is null ? [] : Near(r.Title + "\n" + r.Requirement, list));
    }

    /// <summary>Nearest items for one request the account may see; null when it may not.</summary>
    public async Task<IReadOnlyList<NearItemView>?> ForRequestAsync(long id, CancellationToken ct = default)
    {
        if (await requests.GetRequestAsync(id, ct) is not { } r) return null;
        return (await ForAsync([r], ct))[r.Id];
    }

    private static IReadOnlyList<NearItemView> Near(string text, ResponsibilityList list) =>
        ItemMatching.Nearest(text, list, Take).Select(m => new NearItemView(m.Item.Code, m.Item.Title, m.Item.Category, m.Decisive, m.Reasons)).ToList();
}
