using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Burden;

/// <summary>
/// A message waiting for (or done with) a county's or town's group robot: the robot outbox (README "Running several nodes").
/// Added in the same save as the reminder it pushes, so a node that dies after the save loses nothing; any node's sender
/// claims due rows with one conditional UPDATE (<see cref="ClaimedBy"/>, <see cref="ClaimedUntilUtc"/>), sends, and marks
/// them sent. The robot is referenced by <see cref="WebhookId"/> only: its URL and signing secret are credentials and stay
/// encrypted in <see cref="ReminderWebhook"/>, read and decrypted at the moment of sending.
/// </summary>
public sealed class RobotMessage : IRegionScoped
{
    /// <summary>Surrogate key (also the sending order).</summary>
    public long Id { get; set; }
    /// <summary>County or town code of the robot (12 digits).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>The robot (<see cref="ReminderWebhook"/>.Id); not a foreign key, so deleting a robot keeps its history.</summary>
    public long WebhookId { get; set; }
    /// <summary>DingTalk or WeCom, as the robot was when the message was made.</summary>
    public RobotKind Kind { get; set; }
    /// <summary>What the group will read.</summary>
    public string Text { get; set; } = "";
    /// <summary>When it was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>How many times a sender has claimed it (a claim that never finished counts).</summary>
    public int Attempts { get; set; }
    /// <summary>Not to be tried before this (UTC): creation, then each failure pushes it back.</summary>
    public DateTime NextAttemptAtUtc { get; set; }
    /// <summary>The claim of the sender working on it (node and claim number); null when unclaimed.</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>When that claim lapses (UTC): after it another node may take the message.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
    /// <summary>When the robot accepted it (UTC).</summary>
    public DateTime? SentAtUtc { get; set; }
    /// <summary>When the sender gave up on it (UTC): the last attempt failed, or the robot was removed or turned off.</summary>
    public DateTime? AbandonedAtUtc { get; set; }
    /// <summary>Why the last attempt failed, in Chinese (status or error code; never the URL or the key).</summary>
    public string? LastError { get; set; }
}

/// <summary>When a failed robot message is tried again (pure).</summary>
public static class RobotRetry
{
    /// <summary>
    /// After the <paramref name="attempts"/>th failed attempt: null when <paramref name="maxAttempts"/> are used up, else
    /// the pause before the next, <paramref name="firstPause"/> doubled per attempt and at most an hour.
    /// </summary>
    public static TimeSpan? PauseAfter(int attempts, int maxAttempts, TimeSpan firstPause)
    {
        if (attempts >= maxAttempts) return null;
        var pause = firstPause.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(pause, 3600));
    }
}
