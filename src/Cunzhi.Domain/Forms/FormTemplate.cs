using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Forms;

/// <summary>What a field holds, which decides how a typed value is checked.</summary>
public enum FieldType
{
    /// <summary>数字 — a number, whole or decimal.</summary>
    Number = 1,
    /// <summary>文字 — free text.</summary>
    Text = 2,
    /// <summary>日期 — a date written yyyy-MM-dd.</summary>
    Date = 3,
    /// <summary>选项 — one of the field's choices.</summary>
    Choice = 4,
}

/// <summary>Where a form stands in its department's hands; the admission gate's answer lives on its task request.</summary>
public enum FormStatus
{
    /// <summary>草稿 — the department is still designing it; no village sees it.</summary>
    Draft = 1,
    /// <summary>已报送 — filed at the admission gate as a task request; its fields are fixed.</summary>
    Filed = 2,
}

/// <summary>
/// 报表: a form a county department wants villages to fill (一表通). Every form is registered with its fields,
/// so duplicates across forms show and fields the platform already holds are filled automatically. A form
/// reaches villages only as a task: <see cref="File"/> links it to the task request that passed the admission
/// gate, and only that request's village tasks — which exist only once admitted — open it to a village.
/// </summary>
public sealed class FormTemplate : IRegionScoped
{
    /// <summary>Longest title (the task request's title holds it).</summary>
    public const int TitleMaxLength = 100;
    /// <summary>Most fields on one form.</summary>
    public const int MaxFields = 100;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code of the department.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Account id of the department that owns it (a department sees only its own drafts).</summary>
    public required string OwnerUserId { get; set; }
    /// <summary>Department name, e.g. 万载县农业农村局.</summary>
    public required string DepartmentName { get; set; }
    /// <summary>Title, e.g. 村级组织基本情况统计表.</summary>
    public required string Title { get; set; }
    /// <summary>What the form is for and how to fill it.</summary>
    public string? Description { get; set; }
    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Draft or filed.</summary>
    public FormStatus Status { get; private set; } = FormStatus.Draft;
    /// <summary>When it was filed at the gate (UTC).</summary>
    public DateTime? FiledAtUtc { get; private set; }
    /// <summary>The task request it was filed as; its admission decides whether villages get the form.</summary>
    public long? TaskRequestId { get; private set; }
    /// <summary>Fields in the order villages see them (and the export's columns).</summary>
    public List<FormField> Fields { get; private set; } = [];

    /// <summary>Fields in display order.</summary>
    public IEnumerable<FormField> Ordered => Fields.OrderBy(f => f.SortOrder).ThenBy(f => f.Id);

    private void EnsureDraft()
    {
        if (Status != FormStatus.Draft) throw new RuleException("报表已报送准入，指标不能再修改");
    }

    /// <summary>Adds a field at the end; refused once filed, past <see cref="MaxFields"/>, or for an unknown binding.</summary>
    public FormField AddField(FieldSpec spec)
    {
        EnsureDraft();
        if (Fields.Count >= MaxFields) throw new RuleException($"一张报表最多 {MaxFields} 项指标");
        var field = new FormField { RegionCode = RegionCode, Label = "", SortOrder = Fields.Count == 0 ? 1 : Fields.Max(f => f.SortOrder) + 1 };
        field.Apply(spec);
        Fields.Add(field);
        return field;
    }

    /// <summary>Changes a field; refused once filed.</summary>
    public FormField UpdateField(long fieldId, FieldSpec spec)
    {
        EnsureDraft();
        var field = Fields.SingleOrDefault(f => f.Id == fieldId) ?? throw new RuleException("报表中没有该指标");
        field.Apply(spec);
        return field;
    }

    /// <summary>Removes a field and closes the gap in the order; refused once filed.</summary>
    public FormField RemoveField(long fieldId)
    {
        EnsureDraft();
        var field = Fields.SingleOrDefault(f => f.Id == fieldId) ?? throw new RuleException("报表中没有该指标");
        Fields.Remove(field);
        var order = 1;
        foreach (var f in Ordered) f.SortOrder = order++;
        return field;
    }

    /// <summary>Moves a field one place up (-1) or down (+1); refused once filed.</summary>
    public void MoveField(long fieldId, int step)
    {
        EnsureDraft();
        var ordered = Ordered.ToList();
        var i = ordered.FindIndex(f => f.Id == fieldId);
        if (i < 0) throw new RuleException("报表中没有该指标");
        var j = i + Math.Sign(step);
        if (j < 0 || j >= ordered.Count) return;
        (ordered[i].SortOrder, ordered[j].SortOrder) = (ordered[j].SortOrder, ordered[i].SortOrder);
    }

    /// <summary>Marks the form filed at the admission gate; it must have at least one field and be a draft.</summary>
    public void MarkFiled(DateTime atUtc)
    {
        if (Status != FormStatus.Draft) throw new RuleException("报表已报送准入，不能重复报送");
        if (Fields.Count == 0) throw new RuleException("报表还没有指标，请先添加指标");
        (Status, FiledAtUtc) = (FormStatus.Filed, atUtc);
    }

    /// <summary>Records the task request the form was filed as (once).</summary>
    public void LinkRequest(long taskRequestId)
    {
        if (Status != FormStatus.Filed || TaskRequestId is not null) throw new RuleException("报表尚未报送或已关联准入申请");
        TaskRequestId = taskRequestId;
    }

    /// <summary>Chinese name of a field type.</summary>
    public static string TypeName(FieldType t) => t switch
    {
        FieldType.Number => "数字",
        FieldType.Text => "文字",
        FieldType.Date => "日期",
        FieldType.Choice => "选项",
        _ => t.ToString(),
    };
}

/// <summary>What a department says about a field.</summary>
/// <param name="Label">Label (指标名称), e.g. 户数.</param>
/// <param name="Type">Value type.</param>
/// <param name="Unit">Unit shown after the value and in the export header, e.g. 户.</param>
/// <param name="Required">Whether the village must fill it.</param>
/// <param name="Help">Help text under the field.</param>
/// <param name="Choices">Allowed answers of a choice field.</param>
/// <param name="Binding">Key of the <see cref="BindableSources"/> entry that fills it automatically, or null.</param>
public sealed record FieldSpec(string Label, FieldType Type, string? Unit, bool Required, string? Help, IReadOnlyList<string>? Choices, string? Binding);

/// <summary>
/// 指标: one field of a form. A bound field (<see cref="Binding"/>) is filled from the platform's own records
/// when a village opens the form and cannot be typed over; every other field is typed once.
/// </summary>
public sealed class FormField : IRegionScoped
{
    /// <summary>Longest label.</summary>
    public const int LabelMaxLength = 60;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Form.</summary>
    public long FormTemplateId { get; set; }
    /// <summary>County code (the form's).</summary>
    public required string RegionCode { get; set; }
    /// <summary>Position on the form, from 1.</summary>
    public int SortOrder { get; set; }
    /// <summary>Label.</summary>
    public required string Label { get; set; }
    /// <summary>Value type.</summary>
    public FieldType Type { get; set; } = FieldType.Text;
    /// <summary>Unit, e.g. 户, 人, 岁.</summary>
    public string? Unit { get; set; }
    /// <summary>Whether a value is required to submit.</summary>
    public bool Required { get; set; }
    /// <summary>Help text.</summary>
    public string? Help { get; set; }
    /// <summary>Answers of a choice field.</summary>
    public List<string> Choices { get; set; } = [];
    /// <summary>Bindable source key, or null when the village types the value.</summary>
    public string? Binding { get; set; }

    /// <summary>Whether the platform fills it.</summary>
    public bool IsBound => Binding is not null;

    /// <summary>Label with the unit, as the export header writes it: 户数（户）.</summary>
    public string Header => string.IsNullOrWhiteSpace(Unit) ? Label : $"{Label}（{Unit}）";

    internal void Apply(FieldSpec spec)
    {
        var label = spec.Label?.Trim() ?? "";
        if (label.Length == 0) throw new RuleException("请填写指标名称");
        if (label.Length > LabelMaxLength) throw new RuleException($"指标名称不能超过 {LabelMaxLength} 个字");
        if (!Enum.IsDefined(spec.Type)) throw new RuleException("请选择指标类型");
        var choices = (spec.Choices ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        BindableSource? source = null;
        if (!string.IsNullOrWhiteSpace(spec.Binding))
        {
            source = BindableSources.Find(spec.Binding) ?? throw new RuleException($"没有可绑定的数据来源“{spec.Binding.Trim()}”");
            if (spec.Type != FieldType.Number) throw new RuleException("绑定平台数据的指标必须是数字类型");
        }
        if (spec.Type == FieldType.Choice && choices.Count < 2) throw new RuleException("选项类指标至少要有两个选项");
        Label = label;
        Type = spec.Type;
        Unit = string.IsNullOrWhiteSpace(spec.Unit) ? source?.Unit : spec.Unit.Trim();
        Required = source is not null || spec.Required;
        Help = string.IsNullOrWhiteSpace(spec.Help) ? null : spec.Help.Trim();
        Choices = spec.Type == FieldType.Choice ? choices : [];
        Binding = source?.Key;
    }
}
