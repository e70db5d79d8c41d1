using System.Globalization;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Forms;

/// <summary>Where a village's copy of a form stands.</summary>
public enum SubmissionStatus
{
    /// <summary>暂存 — saved, not yet handed in.</summary>
    Draft = 1,
    /// <summary>已提交 — handed in; the values, automatic ones included, are fixed as they were at that moment.</summary>
    Submitted = 2,
}

/// <summary>A typed value that is wrong, with the field and the Chinese reason.</summary>
/// <param name="FieldId">Field.</param>
/// <param name="Message">Reason, naming the field.</param>
public sealed record EntryError(long FieldId, string Message);

/// <summary>Checks what a village types into a form's fields (by type and required), every error at once.</summary>
public static class FormEntry
{
    /// <summary>Longest typed text.</summary>
    public const int TextMaxLength = 500;

    /// <summary>
    /// Errors in <paramref name="typed"/> (field id → value as typed) for the unbound fields of <paramref name="fields"/>.
    /// Empty values are allowed in a draft; <paramref name="submitting"/> makes required fields required.
    /// Numbers are plain decimals (a leading minus allowed, no thousands separators); dates are yyyy-MM-dd;
    /// a choice must be one of the field's answers. Values for bound or unknown fields are refused.
    /// </summary>
    public static IReadOnlyList<EntryError> Check(IReadOnlyList<FormField> fields, IReadOnlyDictionary<long, string?> typed, bool submitting)
    {
        var errors = new List<EntryError>();
        var byId = fields.ToDictionary(f => f.Id);
        foreach (var id in typed.Keys.Where(k => !byId.ContainsKey(k)).Order())
            errors.Add(new(id, "报表中没有该指标"));
        foreach (var f in fields.OrderBy(f => f.SortOrder).ThenBy(f => f.Id))
        {
            var value = typed.GetValueOrDefault(f.Id)?.Trim();
            if (f.IsBound)
            {
                if (!string.IsNullOrEmpty(value)) errors.Add(new(f.Id, $"“{f.Label}”由平台自动填写，不能手工修改"));
                continue;
            }
            if (string.IsNullOrEmpty(value))
            {
                if (submitting && f.Required) errors.Add(new(f.Id, $"请填写“{f.Label}”"));
                continue;
            }
            switch (f.Type)
            {
                case FieldType.Number when !TryNumber(value, out _):
                    errors.Add(new(f.Id, $"“{f.Label}”须填写数字"));
                    break;
                case FieldType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    errors.Add(new(f.Id, $"“{f.Label}”须填写日期（如 2026-03-01）"));
                    break;
                case FieldType.Choice when !f.Choices.Contains(value):
                    errors.Add(new(f.Id, $"“{f.Label}”须从选项中选择：{string.Join("、", f.Choices)}"));
                    break;
                case FieldType.Text when value.Length > TextMaxLength:
                    errors.Add(new(f.Id, $"“{f.Label}”不能超过 {TextMaxLength} 个字"));
                    break;
            }
        }
        return errors;
    }

    /// <summary>Parses a number as villages type it: digits in half or full width (<see cref="NumberText"/>), optional minus and decimal point.</summary>
    public static bool TryNumber(string value, out decimal number) =>
        decimal.TryParse(NumberText.Normalize(value), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    /// <summary>A number as stored and shown: invariant, no trailing zeros.</summary>
    public static string Format(decimal number) => number.ToString("0.############", CultureInfo.InvariantCulture);
}

/// <summary>
/// 报表填报: one village's copy of a form, reached through the admitted <see cref="Tasks.VillageTask"/> of the form's
/// task request. Typed values are saved as often as the village likes; on submission every value — the automatic
/// ones computed at that moment — is stored, so later changes to the registry never alter a submitted form.
/// </summary>
public sealed class FormSubmission : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>Form.</summary>
    public long FormTemplateId { get; private set; }
    /// <summary>The admitted village task that brought the form.</summary>
    public long VillageTaskId { get; private set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Draft or submitted.</summary>
    public SubmissionStatus Status { get; private set; } = SubmissionStatus.Draft;
    /// <summary>Last saved (UTC).</summary>
    public DateTime UpdatedAtUtc { get; private set; }
    /// <summary>Account that last saved.</summary>
    public string UpdatedBy { get; private set; } = "";
    /// <summary>When submitted (UTC).</summary>
    public DateTime? SubmittedAtUtc { get; private set; }
    /// <summary>Fields the platform filled, counted at submission (减负 meter: what the village was spared).</summary>
    public int AutoFilledCount { get; private set; }
    /// <summary>Fields the village typed, counted at submission.</summary>
    public int TypedCount { get; private set; }
    /// <summary>Values: typed ones while a draft; all of them once submitted.</summary>
    public List<FormValue> Values { get; private set; } = [];

    /// <summary>A new copy for village <paramref name="village"/> through its admitted task <paramref name="villageTaskId"/>.</summary>
    public static FormSubmission Start(long formTemplateId, long villageTaskId, string village) =>
        new() { FormTemplateId = formTemplateId, VillageTaskId = villageTaskId, RegionCode = village };

    /// <summary>
    /// Saves typed values (a draft), or — with <paramref name="automatic"/> values for every bound field — submits.
    /// Refused after submission, and with every error at once when a value is wrong.
    /// </summary>
    public void Save(IReadOnlyList<FormField> fields, IReadOnlyDictionary<long, string?> typed, IReadOnlyDictionary<long, decimal>? automatic, string by, DateTime atUtc)
    {
        if (Status == SubmissionStatus.Submitted) throw new RuleException("该报表已提交，不能再修改");
        var submitting = automatic is not null;
        var errors = FormEntry.Check(fields, typed, submitting);
        if (errors.Count > 0) throw new FormEntryException(errors);
        var byField = Values.ToDictionary(v => v.FieldId);
        foreach (var f in fields.Where(f => !f.IsBound))
        {
            var value = typed.GetValueOrDefault(f.Id)?.Trim();
            if (f.Type == FieldType.Number && !string.IsNullOrEmpty(value) && FormEntry.TryNumber(value, out var n)) value = FormEntry.Format(n);
            if (string.IsNullOrEmpty(value))
            {
                if (byField.Remove(f.Id, out var gone)) Values.Remove(gone);
            }
            else if (byField.TryGetValue(f.Id, out var v)) v.Value = value;
            else Values.Add(byField[f.Id] = new FormValue { RegionCode = RegionCode, FieldId = f.Id, Value = value });
        }
        if (submitting)
        {
            foreach (var f in fields.Where(f => f.IsBound))
            {
                if (!automatic!.TryGetValue(f.Id, out var n)) throw new RuleException($"“{f.Label}”的自动填写数据缺失，请稍后重试");
                Values.Add(new FormValue { RegionCode = RegionCode, FieldId = f.Id, Value = FormEntry.Format(n), Source = f.Binding });
            }
            AutoFilledCount = fields.Count(f => f.IsBound);
            TypedCount = Values.Count(v => v.Source is null);
            (Status, SubmittedAtUtc) = (SubmissionStatus.Submitted, atUtc);
        }
        (UpdatedBy, UpdatedAtUtc) = (by, atUtc);
    }

    /// <summary>Chinese name of a status; null is 未填报.</summary>
    public static string StatusName(SubmissionStatus? s) => s switch
    {
        SubmissionStatus.Draft => "暂存",
        SubmissionStatus.Submitted => "已提交",
        _ => "未填报",
    };
}

/// <summary>One stored value of a village's copy.</summary>
public sealed class FormValue : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Submission.</summary>
    public long SubmissionId { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Field.</summary>
    public long FieldId { get; set; }
    /// <summary>Value as text (numbers invariant, dates yyyy-MM-dd).</summary>
    public required string Value { get; set; }
    /// <summary>The source key when the platform filled it; null when typed.</summary>
    public string? Source { get; set; }
}

/// <summary>Typed values refused, every error listed.</summary>
public sealed class FormEntryException(IReadOnlyList<EntryError> errors) : Exception(string.Join("；", errors.Select(e => e.Message)))
{
    /// <summary>The errors, by field.</summary>
    public IReadOnlyList<EntryError> Errors { get; } = errors;
}
