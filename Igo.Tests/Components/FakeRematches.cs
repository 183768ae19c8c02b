using Igo.Data.Stores;
using Igo.Web.Games;

namespace Igo.Tests.Components;

/// <summary>Rematches as a test sets them: the status it answers, the answer to a "yes", and a change it announces as the bus would.</summary>
internal sealed class FakeRematches : IRematches
{
    private Action? changed;

    public RematchStatus? Status { get; set; }

    public RematchStatus? AfterAnswer { get; set; }

    public RematchAnswer YesAnswer { get; set; } = new(RematchOutcome.Offered, 1, 7);

    public List<string> Calls { get; } = [];

    /// <summary>The watch id of the rematch, once there is one.</summary>
    public string? RematchWatchId { get; set; }

    public List<long> Watched { get; } = [];

    public Task<RematchAnswer> YesAsync(string key, CancellationToken cancellationToken = default) => Answer("yes", key, YesAnswer);

    public Task<RematchAnswer> NoAsync(string key, CancellationToken cancellationToken = default) => Answer("no", key, new RematchAnswer(RematchOutcome.Withdrawn, 1, 7));

    public Task<RematchStatus?> StatusAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(Status);

    public Task<string?> RematchWatchIdAsync(long gameId, CancellationToken cancellationToken = default) => Task.FromResult(RematchWatchId);

    public IDisposable Watch(long gameId, Action changed)
    {
        Watched.Add(gameId);
        this.changed = changed;
        return new Unwatch(() => this.changed = null);
    }

    /// <summary>The store's state moves on elsewhere and the bus says so.</summary>
    public Task ChangeAsync(RematchStatus next)
    {
        Status = next;
        changed?.Invoke();
        return Task.CompletedTask;
    }

    /// <summary>The players made the rematch elsewhere and the bus says so.</summary>
    public void Rematched(string watchId)
    {
        RematchWatchId = watchId;
        changed?.Invoke();
    }

    private Task<RematchAnswer> Answer(string verb, string key, RematchAnswer answer)
    {
        Calls.Add($"{verb} {key}");
        Status = AfterAnswer ?? Status;
        return Task.FromResult(answer);
    }

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
