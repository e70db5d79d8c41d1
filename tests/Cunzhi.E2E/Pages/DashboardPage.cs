namespace Cunzhi.E2E.Pages;

/// <summary>The home page (待办) and, on 区划统计 (/Regions/Stats), the counts for the account's region and its sub-regions.</summary>
public sealed class DashboardPage(IPage page)
{
    public ILocator RootRegion => page.GetByTestId("root-region");
    public ILocator NavbarToggler => page.Locator(".navbar-toggler");
    /// <summary>
    /// Opens the collapsed phone menu and one of its dropdowns, each only once it has finished opening: a click that lands
    /// while Bootstrap's collapse is still animating (a taller menu animates longer) can miss the dropdown's toggle.
    /// </summary>
    public async Task OpenPhoneMenuAsync(string dropdown)
    {
        var nav = page.Locator("#nav");
        await NavbarToggler.ClickAsync();
        await Expect(nav).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"(^|\s)show(\s|$)"));
        var toggle = nav.GetByRole(AriaRole.Button, new() { Name = dropdown, Exact = true });
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
    }

    public ILocator RegionsNavLink => page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "区划与农户", Exact = true });

    public Task<string> RootRegionNameAsync() => RootRegion.OwnTextAsync();

    public ILocator Stat(string key) => page.Locator($"[data-stat='{key}']");

    /// <summary>One to-do on the home page, by its key.</summary>
    public ILocator Todo(string key) => page.Locator($"[data-todo='{key}']");

    /// <summary>A to-do's count badge.</summary>
    public ILocator TodoCount(string key) => Todo(key).Locator("[data-count]");

    /// <summary>Every to-do on the home page in order, as shown (title, count, note, link).</summary>
    public async Task<IReadOnlyList<HomeTodo>> TodosAsync()
    {
        await Expect(RootRegion).ToBeVisibleAsync();
        var rows = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('[data-todo]')].map(a => [
                a.dataset.todo, a.querySelector('[data-title]').textContent.trim(), a.querySelector('[data-count]').textContent.trim(),
                a.querySelector('[data-note]')?.textContent.trim() ?? '', a.getAttribute('href')])
            """);
        return [.. rows.Select(r => new HomeTodo(r[0], r[1], long.Parse(r[2]), r[3].Length == 0 ? null : r[3], r[4]))];
    }

    /// <summary>The reminder bell, outside the collapsed menu.</summary>
    public ILocator Bell => page.GetByTestId("bell");

    /// <summary>Opens 区划统计, where the sub-regions are listed.</summary>
    public async Task<DashboardPage> OpenStatsAsync()
    {
        await page.GotoAsync("/Regions/Stats");
        await Expect(RootRegion).ToBeVisibleAsync();
        return this;
    }

    public async Task<RegionsPage> OpenSubRegionAsync(string name)
    {
        await page.Locator("a.list-group-item").Filter(new() { Has = page.GetByText(name, new() { Exact = true }) }).FollowAsync();
        return new RegionsPage(page);
    }
}

/// <summary>A to-do as the home page shows it.</summary>
public sealed record HomeTodo(string Key, string Title, long Count, string? Note, string Link);
