using Igo.Data.Stores;
using Igo.Web.Games;
using Igo.Web.Lobby;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Components;

/// <summary>A lobby in memory: lists a test sets and publishes, and the posts, withdrawals and takes pages make.</summary>
internal sealed class FakeLobby : ILobby
{
    private readonly List<Action<LobbySnapshot>> watchers = [];
    private int keeps;

    public LobbySnapshot Current { get; private set; } = LobbySnapshot.Empty;

    public List<NewGameRequest> Posts { get; } = [];

    public List<long> Withdrawn { get; } = [];

    public List<long> Takes { get; } = [];

    /// <summary>What a take answers; by default, that someone else took the challenge first.</summary>
    public Func<long, ChallengeReply> AnswerTake { get; set; } = _ => new ChallengeReply(ChallengeTakeOutcome.Gone, null);

    /// <summary>Whether a posted challenge is still standing (the keep-alive's answer).</summary>
    public bool Standing { get; set; } = true;

    /// <summary>Whether a gone challenge was taken (its game exists).</summary>
    public bool Started { get; set; }

    public int Watchers => watchers.Count;

    /// <summary>How many times a page kept its challenge alive.</summary>
    public int Keeps => Volatile.Read(ref keeps);

    /// <summary>New lists, as the shared feed would hand them to every page.</summary>
    public void Publish(LobbySnapshot snapshot)
    {
        Current = snapshot;
        foreach (var watcher in watchers.ToList())
        {
            watcher(snapshot);
        }
    }

    public IDisposable Watch(Action<LobbySnapshot> changed)
    {
        watchers.Add(changed);
        return new Unwatch(() => watchers.Remove(changed));
    }

    public Task<PostReply> PostAsync(NewGameRequest request, SeatHolder creator, CancellationToken cancellationToken = default)
    {
        Posts.Add(request);
        return Task.FromResult(new PostReply(new PostedChallenge(Posts.Count, $"Creator{Posts.Count:000}"), null));
    }

    public Task<bool> KeepAsync(PostedChallenge challenge, SeatHolder creator, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref keeps);
        return Task.FromResult(Standing);
    }

    public Task<bool> WithdrawAsync(PostedChallenge challenge, SeatHolder creator, CancellationToken cancellationToken = default)
    {
        Withdrawn.Add(challenge.Id);
        return Task.FromResult(Standing);
    }

    public Task<bool> HasStartedAsync(PostedChallenge challenge, CancellationToken cancellationToken = default) => Task.FromResult(Started);

    public Task<ChallengeReply> TakeAsync(long challengeId, SeatHolder taker, CancellationToken cancellationToken = default)
    {
        Takes.Add(challengeId);
        return Task.FromResult(AnswerTake(challengeId));
    }

    private sealed class Unwatch(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}

internal static class FakeLobbyRegistration
{
    /// <summary>The lobby a page sees (<paramref name="lobby"/>) and the page's own challenge on top of it.</summary>
    public static IServiceCollection AddFakeLobby(this IServiceCollection services, FakeLobby lobby)
    {
        services.AddSingleton<ILobby>(lobby);
        services.AddOptions<LobbyOptions>();
        services.AddScoped<MyChallenge>();
        return services;
    }
}
