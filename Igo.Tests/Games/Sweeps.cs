using Igo.Data.Stores;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Igo.Tests.Games;

/// <summary>One timeout sweep of an instance, on the test's clock, for tests that take the instance's own sweep out.</summary>
internal static class Sweeps
{
    /// <summary>Sweeps once as the instance's <see cref="TimeoutSweeper"/> would; the number of games it timed out.</summary>
    public static Task<int> RunAsync(IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<ClockOptions>>();
        return new TimeoutSweeper(services.GetRequiredService<GameStore>(), services.GetRequiredService<GameCoordinator>(), options, time, NullLogger<TimeoutSweeper>.Instance)
            .SweepAsync(options.Value, cancellationToken);
    }
}
