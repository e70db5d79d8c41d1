using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;

namespace Cunzhi.Domain.Tests;

public sealed class WeekTests
{
    private static readonly DateTime At = new(2026, 3, 6, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-03-02", "2026-03-02")] // Monday
    [InlineData("2026-03-04", "2026-03-02")]
    [InlineData("2026-03-08", "2026-03-02")] // Sunday
    [InlineData("2026-03-09", "2026-03-09")]
    [InlineData("2026-01-01", "2025-12-29")] // across the year
    [InlineData("2024-02-29", "2024-02-26")]
    public void MondayOf_gives_the_iso_week_start(string day, string monday) =>
        Week.MondayOf(DateOnly.Parse(day)).ShouldBe(DateOnly.Parse(monday));

    [Theory]
    [InlineData("2026-03-02", "2026-03-02", true)]
    [InlineData("2026-03-02", "2026-03-06", true)]  // Friday
    [InlineData("2026-03-02", "2026-03-08", true)]  // until the end of Sunday
    [InlineData("2026-03-02", "2026-03-09", false)] // next Monday: closed
    [InlineData("2026-03-09", "2026-03-06", false)] // a future week
    [InlineData("2026-03-04", "2026-03-05", true)]  // any day names its week
    public void A_week_is_open_from_its_monday_to_its_sunday(string week, string today, bool open) =>
        Week.IsOpen(DateOnly.Parse(week), DateOnly.Parse(today)).ShouldBe(open);

    [Theory]
    [InlineData(WeeklyStatus.Done, null, null)]
    [InlineData(WeeklyStatus.InProgress, "  ", null)]
    [InlineData(WeeklyStatus.Blocked, "农户外出，待返乡后走访", null)]
    [InlineData(WeeklyStatus.Blocked, null, "受阻的事项请填写情况说明")]
    [InlineData(WeeklyStatus.Blocked, " ", "受阻的事项请填写情况说明")]
    [InlineData((WeeklyStatus)9, null, "请选择完成情况")]
    public void Status_and_note_rules(WeeklyStatus status, string? note, string? error)
    {
        var today = new DateOnly(2026, 3, 6);
        if (error is null)
        {
            var r = WeeklyReport.File(1, "360922106208", today, status, note, "village.naoping", At, today);
            (r.WeekStart, r.Status, r.Note).ShouldBe((new DateOnly(2026, 3, 2), status, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
        }
        else
            Should.Throw<RuleException>(() => WeeklyReport.File(1, "360922106208", today, status, note, "v", At, today)).Message.ShouldBe(error);
    }

    [Fact]
    public void A_long_note_is_refused() =>
        Should.Throw<RuleException>(() => WeeklyReport.File(1, "v", new DateOnly(2026, 3, 2), WeeklyStatus.Done, new string('字', 201), "v", At, new DateOnly(2026, 3, 2)))
            .Message.ShouldContain("200");

    [Theory]
    [InlineData("2026-03-08", null)]
    [InlineData("2026-03-09", "已结束")]
    [InlineData("2026-02-27", "尚未开始")]
    public void A_report_changes_until_sunday_and_not_before_its_week(string today, string? error)
    {
        var r = WeeklyReport.File(1, "v", new DateOnly(2026, 3, 2), WeeklyStatus.InProgress, null, "a", At, new DateOnly(2026, 3, 3));
        var day = DateOnly.Parse(today);
        if (error is null)
        {
            r.Change(WeeklyStatus.Done, "已完成走访", "b", At.AddDays(2), day);
            (r.Status, r.Note, r.ReportedBy).ShouldBe((WeeklyStatus.Done, "已完成走访", "b"));
        }
        else
            Should.Throw<RuleException>(() => r.Change(WeeklyStatus.Done, null, "b", At, day)).Message.ShouldContain(error);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(250)]
    public void A_submitted_forms_note_names_the_form_and_fits_the_note_length(int titleLength)
    {
        var title = new string('表', titleLength);
        var note = WeeklyReport.FormSubmittedNote(title);
        note.Length.ShouldBeLessThanOrEqualTo(WeeklyReport.NoteMaxLength);
        note.ShouldStartWith("已通过一表通提交报表《表");
        note.ShouldEndWith("》");
        WeeklyReport.File(1, "360922106208", new DateOnly(2026, 3, 2), WeeklyStatus.Done, note, "v", At, new DateOnly(2026, 3, 6)).Note.ShouldBe(note);
    }
}
