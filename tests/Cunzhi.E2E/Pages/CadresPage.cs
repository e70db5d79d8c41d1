namespace Cunzhi.E2E.Pages;

/// <summary>/Cadres: the cadre registry list with its filters, export and import buttons.</summary>
public sealed class CadresPage(IPage page)
{
    public ILocator Rows => page.GetByTestId("cadres").Locator("tbody tr");
    public ILocator Search => page.Locator("input[name=q]");
    public ILocator ImportButton => page.GetByTestId("import-link");
    public ILocator ExportButton => page.GetByTestId("export-form").GetByRole(AriaRole.Button, new() { Name = "导出 Excel" });

    public async Task<CadresPage> GotoAsync(string? query = null)
    {
        await page.GotoAsync(query is null ? "/Cadres" : $"/Cadres?{query}");
        return this;
    }

    public ILocator Row(string name) => Rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public async Task<CadreImportPage> OpenImportAsync()
    {
        await ImportButton.FollowAsync();
        return new CadreImportPage(page);
    }
}

/// <summary>/Cadres/Import: upload, progress, result.</summary>
public sealed class CadreImportPage(IPage page)
{
    public ILocator File => page.Locator("input[type=file][name=Upload]");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "开始导入" });
    public ILocator State => page.GetByTestId("import-state");
    public ILocator Message => page.GetByTestId("import-message");
    public ILocator ErrorRows => page.GetByTestId("import-errors").Locator("tbody tr");
    public ILocator Progress => page.GetByRole(AriaRole.Progressbar, new() { Name = "导入进度" });
    public ILocator ProgressText => page.GetByTestId("import-progress");
    public ILocator ListLink => page.GetByRole(AriaRole.Link, new() { Name = "查看村干部档案" });

    /// <summary>Chooses the file and starts the import; the page then shows the job and polls it.</summary>
    public async Task UploadAsync(string fileName, byte[] content)
    {
        await File.SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = content,
        });
        await Submit.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Cadres/Import\?job=[0-9a-f]{32}$"));
    }

    /// <summary>Waits until the progress script has seen the job finish and the page shows the result.</summary>
    public async Task WaitForResultAsync(string state)
    {
        await Expect(page.GetByTestId("import-message")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(State).ToHaveTextAsync(state);
    }
}
