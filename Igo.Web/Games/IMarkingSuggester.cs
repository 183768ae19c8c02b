using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// The stones an engine thinks are dead when a game enters its scoring phase: the shared board's starting marking,
/// which both players then correct (<see cref="ActionType.SuggestDead"/>). Takes up to seconds; empty suggests nothing.
/// </summary>
public interface IMarkingSuggester
{
    Task<IReadOnlyList<Point>> SuggestDeadAsync(GameView view, CancellationToken cancellationToken = default);
}
