using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.People;

namespace Cunzhi.Domain.Tests;

public sealed class FormTests
{
    [Theory]
    [InlineData("户数", "农户数")]
    [InlineData("户数", "总户数")]
    [InlineData("户数（户）", "农户数(户)")]
    [InlineData("户数/户", "户 数")]
    [InlineData("人口数", "总人口")]
    [InlineData("人口数", "人口总数")]
    [InlineData("常住人口（人）", "人口数")]
    [InlineData("其中：大专及以上学历人数", "大专及以上学历村干部人数")]
    [InlineData("村干部人数", "村两委干部人数")]
    [InlineData("３５岁以下村干部人数", "35岁及以下村干部人数")]
    [InlineData("网格个数", "网格数")]
    [InlineData("耕地面积（亩）", "耕地总面积")]
    [InlineData("Ａ类项目数", "a类项目数")]
    [InlineData("村集体经济收入（万元）", "集体经营性收入")]
    public void Labels_that_mean_the_same_normalise_to_the_same_key(string a, string b) =>
        FieldDuplicates.Normalize(a).ShouldBe(FieldDuplicates.Normalize(b));

    [Theory]
    [InlineData("户数", "人口数")]
    [InlineData("村干部人数", "后备干部人数")]
    [InlineData("女性村干部人数", "党员村干部人数")]
    [InlineData("耕地面积", "林地面积")]
    [InlineData("村民小组数", "网格数")]
    public void Different_things_stay_different(string a, string b) =>
        FieldDuplicates.Normalize(a).ShouldNotBe(FieldDuplicates.Normalize(b));

    private static FieldRef F(long form, string title, long id, string label, string? binding = null) => new(form, title, id, label, binding);

    public static TheoryData<string, string?, string, string?, DuplicateKind[]> Cases => new()
    {
        // field of the form checked, its binding, a field of another form, its binding → kinds found
        { "农户数", null, "户数", null, [DuplicateKind.SameMeaning, DuplicateKind.Bindable] },
        { "户数", "households.count", "总户数", "households.count", [DuplicateKind.SameBinding] },
        { "户数", "households.count", "户数", null, [DuplicateKind.SameMeaning] },
        { "在校学生数", null, "户数", null, [] },
        { "耕地面积（亩）", null, "耕地总面积", null, [DuplicateKind.SameMeaning] },
        { "总人口", null, "外出务工人数", null, [DuplicateKind.Bindable] },
        { "网格数", "grids.count", "林地面积", null, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Duplicates_across_forms_and_platform_sources_are_found(string label, string? binding, string otherLabel, string? otherBinding, DuplicateKind[] expected)
    {
        var findings = FieldDuplicates.Find([F(1, "本表", 10, label, binding)], [F(2, "农业基本情况表", 20, otherLabel, otherBinding)]);
        findings.Select(d => d.Kind).ShouldBe(expected, ignoreOrder: true);
        foreach (var d in findings.Where(d => d.Kind != DuplicateKind.Bindable))
        {
            d.Other!.FormTitle.ShouldBe("农业基本情况表");
            d.Message.ShouldContain("《农业基本情况表》");
        }
        foreach (var d in findings.Where(d => d.Kind == DuplicateKind.Bindable))
            d.Message.ShouldContain("这个数平台已有，可绑定自动填写");
    }

    [Fact]
    public void Two_fields_of_one_form_asking_the_same_are_reported_once_on_the_later_one()
    {
        var findings = FieldDuplicates.Find([F(1, "表", 1, "户数", "households.count"), F(1, "表", 2, "农户数", null), F(1, "表", 3, "总户数", "households.count")], []);
        findings.Where(d => d.Kind != DuplicateKind.Bindable).Select(d => (d.Field.FieldId, d.Other!.FieldId, d.Kind)).ShouldBe(
            [(2, 1, DuplicateKind.SameMeaning), (3, 1, DuplicateKind.SameBinding), (3, 2, DuplicateKind.SameMeaning)]);
        findings.Single(d => d.Kind == DuplicateKind.Bindable).Field.FieldId.ShouldBe(2);
    }

    private static FormField Field(long id, FieldType type, bool required = false, string? binding = null, params string[] choices) =>
        new() { Id = id, RegionCode = "360922000000", Label = $"指标{id}", Type = type, Required = required, Binding = binding, Choices = [.. choices], SortOrder = (int)id };

    public static TheoryData<FieldType, string?, bool, string?> Entries => new()
    {
        { FieldType.Number, "12", true, null },
        { FieldType.Number, "-3.5", true, null },
        { FieldType.Number, "十二", true, "须填写数字" },
        { FieldType.Number, "1,200", true, "须填写数字" },
        { FieldType.Number, "", true, "请填写“指标1”" },
        { FieldType.Number, "", false, null },
        { FieldType.Date, "2026-03-01", true, null },
        { FieldType.Date, "2026/3/1", true, "须填写日期" },
        { FieldType.Date, "2026-02-30", true, "须填写日期" },
        { FieldType.Choice, "是", true, null },
        { FieldType.Choice, "也许", true, "须从选项中选择：是、否" },
        { FieldType.Text, "村里有一处塘坝需要修缮", true, null },
        { FieldType.Text, new string('字', 501), true, "不能超过 500 个字" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Typed_values_are_checked_by_type_and_required(FieldType type, string? value, bool submitting, string? error)
    {
        var field = Field(1, type, required: true, choices: type == FieldType.Choice ? ["是", "否"] : []);
        var errors = FormEntry.Check([field], new Dictionary<long, string?> { [1] = value }, submitting);
        if (error is null) errors.ShouldBeEmpty();
        else errors.ShouldHaveSingleItem().Message.ShouldContain(error);
    }

    [Fact]
    public void A_bound_field_cannot_be_typed() =>
        FormEntry.Check([Field(1, FieldType.Number, binding: "households.count")], new Dictionary<long, string?> { [1] = "99" }, false)
            .Select(e => e.Message).ShouldBe(["“指标1”由平台自动填写，不能手工修改"]);

    [Fact]
    public void Unknown_fields_are_refused_before_the_known_ones_are_checked()
    {
        var errors = FormEntry.Check([Field(1, FieldType.Number, binding: "households.count")], new Dictionary<long, string?> { [1] = "99", [7] = "1" }, false);
        errors.Select(e => e.Message).ShouldBe(["报表中没有该指标", "“指标1”由平台自动填写，不能手工修改"]);
    }

    /// <summary>A bound field (households), a required number and an optional text.</summary>
    private static readonly FormField[] SubmissionFields =
        [Field(1, FieldType.Number, binding: "households.count"), Field(2, FieldType.Number, required: true), Field(3, FieldType.Text)];

    /// <summary>A draft with the required number typed as "007.50".</summary>
    private static FormSubmission Draft()
    {
        var s = FormSubmission.Start(5, 9, "360922106208");
        s.Save(SubmissionFields, new Dictionary<long, string?> { [2] = "007.50" }, null, "village.naoping", new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc));
        return s;
    }

    /// <summary>The draft submitted with both typed fields and 312 households from the platform.</summary>
    private static FormSubmission Submitted()
    {
        var s = Draft();
        s.Save(SubmissionFields, new Dictionary<long, string?> { [2] = "8", [3] = "无" }, new Dictionary<long, decimal> { [1] = 312 }, "v", TestClock.Instant);
        return s;
    }

    [Fact]
    public void A_draft_stores_typed_numbers_normalised()
    {
        var s = Draft();
        (s.Status, s.Values.Single().Value).ShouldBe((SubmissionStatus.Draft, "7.5"));
    }

    [Fact]
    public void Submission_needs_every_required_field()
    {
        var s = Draft();
        var missing = Should.Throw<FormEntryException>(() => s.Save(SubmissionFields, new Dictionary<long, string?>(), new Dictionary<long, decimal> { [1] = 3 }, "v", TestClock.Instant));
        missing.Errors.ShouldHaveSingleItem().Message.ShouldBe("请填写“指标2”");
    }

    [Fact]
    public void Submission_stores_automatic_values_as_a_snapshot()
    {
        var s = Submitted();
        s.Status.ShouldBe(SubmissionStatus.Submitted);
        s.Values.Select(v => (v.FieldId, v.Value, v.Source)).ShouldBe([(2, "8", null), (3, "无", null), (1, "312", "households.count")], ignoreOrder: true);
    }

    [Fact]
    public void Submission_counts_typed_and_automatic_fields()
    {
        var s = Submitted();
        (s.AutoFilledCount, s.TypedCount).ShouldBe((1, 2));
    }

    [Fact]
    public void A_submitted_form_cannot_be_saved_again() =>
        Should.Throw<RuleException>(() => Submitted().Save(SubmissionFields, new Dictionary<long, string?> { [2] = "9" }, null, "v", TestClock.Instant))
            .Message.ShouldContain("已提交");

    [Fact]
    public void Cadre_figures_follow_the_catalog_definitions()
    {
        var asOf = new DateOnly(2026, 3, 1);
        var cadres = new[]
        {
            new CadreFigureInput(new DateOnly(1991, 3, 1), Gender.Female, "college", true),    // 35 today: young
            new CadreFigureInput(new DateOnly(1990, 3, 2), Gender.Male, "senior", true),       // 35 still (36 tomorrow)
            new CadreFigureInput(new DateOnly(1980, 1, 1), Gender.Male, "bachelor", false),    // 46
            new CadreFigureInput(new DateOnly(1970, 6, 1), Gender.Female, "junior", true),     // 55
        };
        var v = CadreFigures.Compute(cadres, asOf);
        v["cadres.count"].ShouldBe(4);
        v["cadres.college"].ShouldBe(2);
        v["cadres.young"].ShouldBe(2);
        v["cadres.women"].ShouldBe(2);
        v["cadres.party"].ShouldBe(3);
        v["cadres.avgAge"].ShouldBe(42.8m); // (35 + 35 + 46 + 55) / 4 = 42.75 → 42.8
        CadreFigures.Compute([], asOf)["cadres.avgAge"].ShouldBe(0);
        BindableSources.All.Where(s => s.Key.StartsWith("cadres.")).Select(s => s.Key).ShouldBe(v.Keys, ignoreOrder: true);
    }

    [Theory]
    [InlineData("", FieldType.Number, null, "请填写指标名称")]
    [InlineData("户数", FieldType.Text, "households.count", "必须是数字类型")]
    [InlineData("户数", FieldType.Number, "nope", "没有可绑定的数据来源")]
    [InlineData("是否通路", FieldType.Choice, null, "至少要有两个选项")]
    public void Field_rules_refuse_bad_designs(string label, FieldType type, string? binding, string message)
    {
        var form = new FormTemplate { RegionCode = "360922000000", OwnerUserId = "u", DepartmentName = "局", Title = "表" };
        Should.Throw<RuleException>(() => form.AddField(new FieldSpec(label, type, null, false, null, null, binding))).Message.ShouldContain(message);
    }

    private static FormTemplate NewForm() => new() { RegionCode = "360922000000", OwnerUserId = "u", DepartmentName = "局", Title = "表" };

    private static FormField AddBoundHouseholds(FormTemplate form) =>
        form.AddField(new FieldSpec("户数", FieldType.Number, null, false, null, null, "HOUSEHOLDS.COUNT"));

    [Fact]
    public void A_form_without_fields_cannot_be_filed() =>
        Should.Throw<RuleException>(() => NewForm().MarkFiled(TestClock.Instant)).Message.ShouldContain("还没有指标");

    [Fact]
    public void A_bound_field_is_defined_by_its_source()
    {
        var f = AddBoundHouseholds(NewForm());
        (f.Unit, f.Required, f.Binding, f.Header).ShouldBe(("户", true, "households.count", "户数（户）"));
    }

    [Fact]
    public void A_filed_form_is_fixed()
    {
        var form = NewForm();
        AddBoundHouseholds(form);
        form.MarkFiled(TestClock.Instant);
        Should.Throw<RuleException>(() => form.AddField(new FieldSpec("人口", FieldType.Number, null, false, null, null, null))).Message.ShouldContain("不能再修改");
    }
}
