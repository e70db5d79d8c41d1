using Cunzhi.Domain.Burden;

namespace Cunzhi.Domain.Tests;

public sealed class RobotRetryTests
{
    [Theory]
    [InlineData(1, 3, 2, 2.0)]       // first failure: the first pause
    [InlineData(2, 3, 2, 4.0)]       // doubled
    [InlineData(3, 3, 2, null)]      // attempts used up: abandoned
    [InlineData(4, 3, 2, null)]      // a claim that died after the last attempt
    [InlineData(1, 1, 2, null)]      // one attempt only
    [InlineData(5, 10, 2, 32.0)]
    [InlineData(9, 10, 60, 3600.0)]  // at most an hour
    [InlineData(0, 3, 2, 2.0)]       // never tried (defensive): the first pause
    public void Failed_messages_back_off_and_stop(int attempts, int max, double firstSeconds, double? pauseSeconds)
    {
        double? pause = RobotRetry.PauseAfter(attempts, max, TimeSpan.FromSeconds(firstSeconds))?.TotalSeconds;
        pause.ShouldBe(pauseSeconds);
    }
}
