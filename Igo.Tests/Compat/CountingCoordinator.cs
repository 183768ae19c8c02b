using Igo.Web.Games;

namespace Igo.Tests.Compat;

/// <summary>The fake coordinator, counting the joins that reach it (to show that a throttled join never does).</summary>
public sealed class CountingCoordinator(FakeCoordinator inner) : IGameCoordinator
{
    private int joins;

    public int Joins => Volatile.Read(ref joins);

    public Task<SeatOutcome> CreateGameAsync(NewGameRequest request, SeatHolder holder, CancellationToken cancellationToken = default) =>
        inner.CreateGameAsync(request, holder, cancellationToken);

    public Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref joins);
        return inner.JoinGameAsync(key, computerSecret, holder, cancellationToken);
    }
}
