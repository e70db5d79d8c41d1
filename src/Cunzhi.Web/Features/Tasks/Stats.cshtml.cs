using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>准入统计: per-department counts, public to the county (SPEC §4), with a stacked bar chart.</summary>
[Authorize(Policy = Permissions.TaskStatsRead)]
public sealed class StatsModel(TaskStats tasks) : PageModel
{
    // Escapes <, > and & so the JSON cannot close its <script type="application/json"> element.
    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public IReadOnlyList<DepartmentStats> Rows { get; private set; } = [];

    public string ChartData => JsonSerializer.Serialize(new
    {
        departments = Rows.Select(r => r.DepartmentName),
        series = new[]
        {
            new { name = "已准入", values = Rows.Select(r => r.Admitted) },
            new { name = "已拒绝（负面清单）", values = Rows.Select(r => r.Refused) },
            new { name = "未获批准", values = Rows.Select(r => r.Rejected) },
            new { name = "待审批", values = Rows.Select(r => r.Pending) },
        },
    }, ChartJson);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await tasks.StatsAsync(ct);
}
