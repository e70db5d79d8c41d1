using Cunzhi.Domain.Assessment;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>Chinese labels and badges the assessment pages share.</summary>
public static class AssessmentNames
{
    public static string Kind(ReviewKind k) => ReviewHandlers.KindName(k);
    public static string Template(TemplateStatus s) => s switch { TemplateStatus.Draft => "草稿", TemplateStatus.Published => "现行", _ => "已停用" };
    public static string Rating(Rating? r) => r is { } x ? Ratings.Name(x) : "未定";
    public static string RatingBadge(Rating? r) => r switch
    {
        Domain.Assessment.Rating.Excellent => "text-bg-success",
        Domain.Assessment.Rating.Competent => "text-bg-primary",
        Domain.Assessment.Rating.BasicallyCompetent => "text-bg-warning",
        Domain.Assessment.Rating.Incompetent => "text-bg-danger",
        _ => "text-bg-light border",
    };
    public static string Score(decimal? d) => d is { } x ? x.ToString("0.##") : "—";
    public static IReadOnlyList<(Rating Value, string Name)> AllRatings { get; } =
        Enum.GetValues<Rating>().Select(r => (r, Ratings.Name(r))).ToList();
}
