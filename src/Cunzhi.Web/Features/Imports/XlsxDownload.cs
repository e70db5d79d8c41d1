using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Cunzhi.Web.Features.Imports;

/// <summary>
/// An .xlsx written straight into the response as it is produced (rows may come from a query), for pages and the
/// API alike. Not cached anywhere: exports hold personal data.
/// </summary>
public sealed class XlsxDownload(string fileName, Func<Stream, CancellationToken, Task> write) : IResult, IActionResult
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileName { get; } = fileName;

    public async Task ExecuteAsync(HttpContext http)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        // filename* carries the Chinese name (RFC 6266); the plain one is the ASCII fallback.
        disposition.SetHttpFileName(FileName);
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await write(http.Response.Body, http.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
