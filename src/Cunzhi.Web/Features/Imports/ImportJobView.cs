using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;

namespace Cunzhi.Web.Features.Imports;

/// <summary>An import's progress and result as the API and the progress bar see it.</summary>
/// <param name="Errors">Every error when there are at most <see cref="ImportJobView.MaxErrors"/>; else the first ones, and <paramref name="ErrorsUrl"/> has the whole list.</param>
public sealed record ImportJobView(string Id, string Kind, string Title, string FileName, ImportState State, string StateName, int Total, int Checked,
    int Written, int Percent, bool Finished, string? FileError, string? Message, int ErrorCount, int ErrorRows, IReadOnlyList<CellError> Errors,
    bool ErrorsTruncated, string? ErrorsUrl, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>Errors sent inline; a file can hold hundreds of thousands, which belong in the downloadable list.</summary>
    public const int MaxErrors = 1000;

    public static string NameOf(ImportState state) => state switch
    {
        ImportState.Queued => "排队中",
        ImportState.Validating => "校验中",
        ImportState.Writing => "写入中",
        ImportState.Completed => "完成",
        ImportState.Invalid => "有错误",
        _ => "失败",
    };

    /// <summary>Progress of the current phase: rows checked while checking, rows written while writing.</summary>
    public static int PercentOf(ImportSnapshot s) => s.State switch
    {
        ImportState.Completed => 100,
        ImportState.Validating when s.Total > 0 => (int)(100L * s.Checked / s.Total),
        ImportState.Writing when s.Total > 0 => (int)(100L * s.Written / s.Total),
        _ => 0,
    };

    /// <summary>One line under the progress bar.</summary>
    public static string ProgressText(ImportSnapshot s) => s.State switch
    {
        ImportState.Queued => "排队中，前面的导入完成后开始",
        ImportState.Validating when s.Total > 0 => $"已校验 {s.Checked:N0} / {s.Total:N0} 行",
        ImportState.Validating => $"已校验 {s.Checked:N0} 行",
        ImportState.Writing => $"已写入 {s.Written:N0} / {s.Total:N0} 行",
        _ => s.Message ?? "",
    };

    public static ImportJobView Of(ImportSnapshot s, string title, string errorsUrl, int maxErrors = MaxErrors) => new(
        s.Id, s.Kind, title, s.FileName, s.State, NameOf(s.State), s.Total, s.Checked, s.Written, PercentOf(s), s.IsFinished, s.FileError, s.Message,
        s.Errors.Count, s.Errors.Select(e => e.Row).Distinct().Count(), [.. s.Errors.Take(maxErrors)], s.Errors.Count > maxErrors,
        s.Errors.Count > 0 ? errorsUrl : null, s.CreatedAt, s.FinishedAt);

    /// <summary>The whole error list as a workbook: the download behind "请下载错误清单查看".</summary>
    public static XlsxDownload ErrorList(ImportSnapshot s)
    {
        var errors = new CellErrors();
        errors.AddRange(s.Errors);
        return new XlsxDownload($"导入错误清单-{Path.GetFileNameWithoutExtension(s.FileName)}.xlsx", (stream, ct) => XlsxWriter.WriteAsync(stream, errors.ToSheet(), ct));
    }
}
