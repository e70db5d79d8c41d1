using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;

namespace Cunzhi.Web.Tests.Infrastructure;

/// <summary>Builds import files, uploads them, waits for their jobs, and reads workbooks back.</summary>
public static class ImportFiles
{
    public static readonly string[] CadreHeaders =
        ["姓名*", "身份证号*", "手机号", "所在村（社区）*", "职务*", "任职日期*", "学历*", "政治面貌", "届次", "来源", "派出单位", "专业化管理书记"];

    /// <summary>The template's headers: the columns above and the optional bank columns (files without them still import).</summary>
    public static readonly string[] CadreTemplateHeaders = [.. CadreHeaders, "开户行", "银行账号"];

    public static readonly string[] HouseholdHeaders = ["户号*", "户主*", "所在村（社区）*", "村民小组", "网格", "地址"];

    private static int _sequence;

    /// <summary>
    /// A valid ID number no demo cadre has (the demo's are born 1966 or later in 万载 numbers) and no other test
    /// uses: a Beijing prefix and a 1940s birth date counted up per call.
    /// </summary>
    public static string NewId(Gender gender = Gender.Female) =>
        NationalId.Compose("110105", new DateOnly(1940, 1, 1).AddDays(Interlocked.Increment(ref _sequence)), 321, gender);

    /// <summary>A sheet with text columns under the given headers, as a user fills in the template.</summary>
    public static async Task<byte[]> Sheet(string[] headers, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, new XlsxSheet("村干部", [.. headers.Select(h => new XlsxColumn(h))], rows));
        return stream.ToArray();
    }

    public static object?[] Cadre(string name, string id, string village, string post = "委员", string? phone = null, string start = "2024-03-01",
        string education = "大专", string? party = "中共党员", int? term = 12, string? origin = null, string? assignedFrom = null, string? professional = null) =>
        [name, id, phone, village, post, start, education, party, term, origin, assignedFrom, professional];

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient api, string url, byte[] file, string fileName = "导入.xlsx")
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(XlsxDownload.ContentType);
        content.Add(part, "file", fileName);
        return await api.PostAsync(url, content);
    }

    /// <summary>Uploads through the API and waits for the job to finish.</summary>
    public static async Task<ImportJobView> ImportAsync(this HttpClient api, string url, byte[] file)
    {
        var response = await api.UploadAsync(url, file);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var queued = (await response.Content.ReadFromJsonAsync<ImportJobView>(CunzhiFactory.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/imports/{queued.Id}");
        return await api.WaitAsync(queued.Id);
    }

    public static async Task<ImportJobView> WaitAsync(this HttpClient api, string id)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var view = (await api.GetFromJsonAsync<ImportJobView>($"/api/v1/imports/{id}", CunzhiFactory.Json))!;
            if (view.Finished)
                return view;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"导入任务 {id} 两分钟内未结束：{view.StateName}");
            await Task.Delay(50);
        }
    }

    public static void ShouldHaveFinished(this ImportJobView job, ImportState state) =>
        job.State.ShouldBe(state, $"{job.Message} {string.Join("；", job.Errors.Take(10))}");

    public static List<XlsxRow> Rows(byte[] file)
    {
        var opened = XlsxReader.Open(new MemoryStream(file));
        opened.IsSuccess.ShouldBeTrue(opened.Error?.Message);
        using var reader = opened.Reader;
        return [.. reader.ReadRows()];
    }

    /// <summary>Every cell's text, for leak scans.</summary>
    public static string AllText(byte[] file) =>
        string.Join("\n", Rows(file).Select(r => string.Join("\t", Enumerable.Range(0, r.ColumnCount).Select(i => r.GetString(i)))));
}
