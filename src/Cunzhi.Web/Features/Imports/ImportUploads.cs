using System.Security.Claims;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.Features;

namespace Cunzhi.Web.Features.Imports;

/// <summary>
/// Taking an upload off the request and into the queue, for the pages and the API alike. What can be told from the
/// size alone (empty, too large) is refused at once; everything else is the job's to find and report.
/// </summary>
public static class ImportUploads
{
    /// <summary>Room for the multipart framing around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>
    /// What a page accepts before ASP.NET Core itself refuses the request: above the file limit, so a file somewhat
    /// too large still gets our message rather than a bare 413. The page's script refuses larger files before sending.
    /// </summary>
    public const long PageBodyLimit = 64L * 1024 * 1024;

    public static long MaxFileBytes => ImportKind.Limits.MaxBytes;

    /// <summary>Why a file of this size cannot be imported, or null.</summary>
    public static XlsxFileError? Refusal(long length) => length switch
    {
        0 => XlsxFileError.Empty(),
        _ when length > MaxFileBytes => XlsxFileError.TooLarge(length, MaxFileBytes),
        _ => null,
    };

    public static string LimitText => $"文件不超过 {MaxFileBytes / 1024 / 1024} MB，最多 {ImportKind.Limits.MaxRows:N0} 行";

    /// <summary>Keeps the upload in a temporary file (not memory: several may wait in the queue) and queues it.</summary>
    public static async Task<ImportJob> StartAsync(ImportJobs jobs, ImportKind kind, IFormFile file, ClaimsPrincipal user, CancellationToken ct)
    {
        Directory.CreateDirectory(ImportWorker.Folder);
        var path = Path.Combine(ImportWorker.Folder, Guid.NewGuid().ToString("N") + ".xlsx");
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await file.CopyToAsync(target, ct);
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        return jobs.Enqueue(kind.Name, string.IsNullOrWhiteSpace(name) ? "上传的文件.xlsx" : name[..Math.Min(name.Length, 120)], path, user);
    }

    /// <summary>
    /// The API's upload: a multipart form with the file in the field "file". Reads the form itself, after checking
    /// the declared length, so an oversized upload is answered with the limit instead of being read first.
    /// </summary>
    public static async Task<IResult> AcceptAsync(HttpRequest request, ImportKind kind, ImportJobs jobs, CancellationToken ct)
    {
        if (request.ContentLength > MaxFileBytes + FormOverhead)
            return TooLarge(XlsxFileError.TooLarge(request.ContentLength - FormOverhead, MaxFileBytes));
        if (!request.HasFormContentType)
            return BadFile("请以 multipart/form-data 上传 .xlsx 文件（字段名 file）");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = MaxFileBytes + FormOverhead;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                                      || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            return TooLarge(XlsxFileError.TooLarge(null, MaxFileBytes));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A body cut short or without a boundary is a broken upload, not a server error.
            return BadFile("上传的表单数据不完整或格式有误，请重新上传 .xlsx 文件（字段名 file）");
        }
        if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
            return BadFile("没有收到文件：请在字段 file 中上传 .xlsx 文件");
        if (Refusal(file.Length) is { } refusal)
            return refusal.Problem == XlsxFileProblem.TooLarge ? TooLarge(refusal) : BadFile(refusal.Message);
        var job = await StartAsync(jobs, kind, file, request.HttpContext.User, ct);
        return TypedResults.Accepted($"/api/v1/imports/{job.Id}", ImportJobView.Of(job.Snapshot(), kind.Title, $"/api/v1/imports/{job.Id}/errors"));
    }

    private static IResult TooLarge(XlsxFileError error) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大", detail: error.Message);

    private static IResult BadFile(string message) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "文件有误", detail: message);
}
