using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>A line of the spectators' chat: the name its author chose, and the server's id and time.</summary>
public sealed record SpectatorMessage(long Id, DateTimeOffset At, string Name, string Text);

/// <summary>Why a spectators' chat line is refused, beyond <see cref="Igo.Data.ChatRules"/>.</summary>
public enum SpectatorChatFailure
{
    /// <summary>The name is empty, longer than <see cref="Igo.Data.SpectatorNames.MaxLength"/>, or holds a control character.</summary>
    BadName,

    /// <summary>The text breaks <see cref="Igo.Data.ChatRules"/>.</summary>
    BadText,

    /// <summary>The store could not be reached, or the watch has ended.</summary>
    Unavailable,
}

/// <summary>Receives what spectators see beyond the players' observers: the spectators' chat.</summary>
public interface ISpectatorObserver : IGameObserver
{
    Task OnSpectatorChatAsync(SpectatorMessage message);
}

/// <summary>
/// A spectator's view of one live game: it follows the game as a seat does, but takes no key and can send no action,
/// only lines of the spectators' chat. It knows neither player key. Disposing it stops following the game.
/// </summary>
public interface IGameWatch : IAsyncDisposable
{
    string WatchId { get; }

    /// <summary>The latest committed state this instance knows.</summary>
    GameSnapshot Snapshot { get; }

    /// <summary>The computer player of each colour (an <see cref="Igo.Computer.IComputerOpponents"/> id, or "" for the default); null for a person.</summary>
    PerColor<string?> Computers { get; }

    IDisposable Subscribe(ISpectatorObserver observer);

    /// <summary>The spectators' chat so far, as this instance has seen it; later lines arrive through the observer.</summary>
    Task<IReadOnlyList<SpectatorMessage>> ChatThreadAsync(CancellationToken cancellationToken = default);

    /// <summary>Says a line in the spectators' chat under <paramref name="name"/>; null when posted, else why not.</summary>
    Task<SpectatorChatFailure?> ChatAsync(string name, string text, CancellationToken cancellationToken = default);
}

/// <summary>A watch, or why there is none.</summary>
public sealed record WatchOutcome(IGameWatch? Watch, bool NotFound)
{
    public static WatchOutcome Unavailable { get; } = new(null, false);

    public static WatchOutcome Missing { get; } = new(null, true);
}

/// <summary>Opens a game's watch by its watch id.</summary>
public interface IGameWatching
{
    Task<WatchOutcome> WatchGameAsync(string watchId, CancellationToken cancellationToken = default);
}
