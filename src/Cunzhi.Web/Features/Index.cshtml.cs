using Cunzhi.Web.Features.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features;

/// <summary>Home = 待办: what waits for the account, with counts and a link to act (<see cref="HomeTodos"/>). Region statistics are on /Regions/Stats.</summary>
public sealed class IndexModel(HomeTodos todos) : PageModel
{
    public TodoList Todos { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Todos = await todos.ForCurrentUserAsync(ct);
}
