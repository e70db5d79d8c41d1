namespace Cunzhi.Domain.Ranks;

/// <summary>A refused rank decision, with a Chinese message for the user.</summary>
public sealed class RankRuleException(string message) : Exception(message);
