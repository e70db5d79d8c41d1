using System.Text.Json;

namespace Cunzhi.E2E.Infrastructure;

/// <summary>
/// The JSON API as one demo account, through the browser context's request API (same app, same cookies jar, but the API
/// takes only the bearer token this session asks for). Tests read the data here independently of the page they check,
/// and arrange data (a department filing a request, publishing a form) without driving the UI for it.
/// </summary>
public sealed class ApiSession
{
    private readonly IAPIRequestContext _request;
    private readonly string _token;

    private ApiSession(IAPIRequestContext request, string token) => (_request, _token) = (request, token);

    public static async Task<ApiSession> SignInAsync(IPage page, string userName)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/auth/token",
            new() { DataObject = new { userName, password = BrowserTest.DemoPassword } });
        if (!response.Ok) throw new InvalidOperationException($"{userName} 取令牌失败：{response.Status} {await response.TextAsync()}");
        var token = (await response.JsonAsync())!.Value.GetProperty("accessToken").GetString()!;
        return new ApiSession(page.APIRequest, token);
    }

    private Dictionary<string, string> Headers => new() { ["Authorization"] = "Bearer " + _token };

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await _request.GetAsync(path, new() { Headers = Headers });
        return await ReadAsync(response, "GET " + path);
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await _request.PostAsync(path, new() { Headers = Headers, DataObject = body });
        return await ReadAsync(response, "POST " + path);
    }

    public async Task<JsonElement> PutAsync(string path, object body)
    {
        var response = await _request.PutAsync(path, new() { Headers = Headers, DataObject = body });
        return await ReadAsync(response, "PUT " + path);
    }

    /// <summary>The <c>total</c> of a paged list (asked for one row).</summary>
    public async Task<long> TotalAsync(string path) =>
        (await GetAsync(path + (path.Contains('?') ? "&" : "?") + "pageSize=1")).GetProperty("total").GetInt64();

    private static async Task<JsonElement> ReadAsync(IAPIResponse response, string what)
    {
        if (!response.Ok) throw new InvalidOperationException($"{what}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }
}
