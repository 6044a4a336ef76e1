using Linyi.Dashboard.Web.Hosting;
using Serilog.Events;

namespace Linyi.Dashboard.Tests.Unit;

public class RequestLogLevelTests
{
    [Theory]
    [InlineData("GET", 200, 3, LogEventLevel.Debug)]
    [InlineData("HEAD", 304, 3, LogEventLevel.Debug)]
    [InlineData("GET", 404, 3, LogEventLevel.Information)]
    [InlineData("POST", 302, 3, LogEventLevel.Information)]
    [InlineData("DELETE", 204, 3, LogEventLevel.Information)]
    [InlineData("GET", 200, 501, LogEventLevel.Warning)]
    [InlineData("POST", 200, 501, LogEventLevel.Warning)]
    [InlineData("GET", 503, 3, LogEventLevel.Error)]
    [InlineData("GET", 500, 501, LogEventLevel.Error)]
    public void LevelFollowsOutcomeSpeedAndMethod(string method, int status, double elapsed, LogEventLevel expected) =>
        Assert.Equal(expected, LoggingExtensions.RequestLevel(method, status, elapsed, null, slowMilliseconds: 500));

    [Fact]
    public void AnExceptionIsAnErrorWhateverTheStatus() =>
        Assert.Equal(LogEventLevel.Error, LoggingExtensions.RequestLevel("GET", 200, 1, new InvalidOperationException(), 500));
}
