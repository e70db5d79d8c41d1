namespace Cunzhi.Domain.Common;

/// <summary>One entry of a reference list (post types, education levels …).</summary>
public sealed class ReferenceItem
{
    /// <summary>List name, e.g. <c>Post</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Stable code within the list.</summary>
    public required string Code { get; init; }
    /// <summary>Chinese name.</summary>
    public required string Name { get; set; }
    /// <summary>Display order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>The reference lists every deployment starts with (seeded idempotently).</summary>
public static class ReferenceData
{
    /// <summary>Kind of the post list.</summary>
    public const string Post = nameof(Post);
    /// <summary>Kind of the education list.</summary>
    public const string Education = nameof(Education);

    /// <summary>Posts of the village two committees (SPEC §1).</summary>
    public static IReadOnlyList<ReferenceItem> Posts { get; } =
    [
        new() { Kind = Post, Code = "secretary", Name = "党组织书记", SortOrder = 1 },
        new() { Kind = Post, Code = "secretary-director", Name = "书记、主任（一肩挑）", SortOrder = 2 },
        new() { Kind = Post, Code = "director", Name = "村（居）委会主任", SortOrder = 3 },
        new() { Kind = Post, Code = "deputy-secretary", Name = "党组织副书记", SortOrder = 4 },
        new() { Kind = Post, Code = "deputy-director", Name = "村（居）委会副主任", SortOrder = 5 },
        new() { Kind = Post, Code = "committee-member", Name = "委员", SortOrder = 6 },
        new() { Kind = Post, Code = "first-secretary", Name = "驻村第一书记", SortOrder = 7 },
    ];

    /// <summary>Education levels, highest last.</summary>
    public static IReadOnlyList<ReferenceItem> EducationLevels { get; } =
    [
        new() { Kind = Education, Code = "primary", Name = "小学", SortOrder = 1 },
        new() { Kind = Education, Code = "junior", Name = "初中", SortOrder = 2 },
        new() { Kind = Education, Code = "senior", Name = "高中/中专", SortOrder = 3 },
        new() { Kind = Education, Code = "college", Name = "大专", SortOrder = 4 },
        new() { Kind = Education, Code = "bachelor", Name = "本科", SortOrder = 5 },
        new() { Kind = Education, Code = "postgraduate", Name = "研究生", SortOrder = 6 },
    ];

    /// <summary>Every seeded list.</summary>
    public static IEnumerable<ReferenceItem> All => Posts.Concat(EducationLevels);
}
