using Igo.Data;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// A live game's starting marking in the scoring phase: the engine's suggestion, asked off the queue, then each
/// suggested group committed as the server's <see cref="ActionType.SuggestDead"/> on the queue. The rules refuse a
/// group already dead and every suggestion once a player has acted, so a suggestion made twice (by two instances, or
/// again after a reload) changes nothing and never undoes a correction or withdraws an acceptance.
/// </summary>
internal sealed partial class LiveGame
{
    private int suggestedFor = -1;

    /// <summary>Asks for the suggestion once per scoring phase this instance sees begin untouched.</summary>
    private void SuggestIfScoringBegan()
    {
        var view = copy.Snapshot.View;
        if (services.Suggester is not { } suggester || view is not { Status: GameStatus.Endgame, Scoring.Marking.Version: 0 } || view.Version == suggestedFor)
        {
            return;
        }

        suggestedFor = view.Version;
        _ = Task.Run(() => SuggestAsync(suggester, view));
    }

    private async Task SuggestAsync(IMarkingSuggester suggester, GameView judged)
    {
        try
        {
            var dead = await suggester.SuggestDeadAsync(judged);
            if (dead.Count > 0)
            {
                var marked = await queue.RunAsync(() => ApplySuggestionAsync(judged, dead));
                LiveGameLog.SuggestionApplied(logger, Id, judged.Version, marked);
            }
        }
        catch (ObjectDisposedException)
        {
            // The game left memory meanwhile: whoever opens it next suggests again if nobody has marked yet.
        }
#pragma warning disable CA1031 // A failed suggestion leaves the marking to the players; the game goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.SuggestionFailed(logger, exception, Id);
        }
    }

    // On the queue: each suggested stone's group dead, for as long as the phase judged is the game's and untouched.
    private async Task<int> ApplySuggestionAsync(GameView judged, IReadOnlyList<Point> dead)
    {
        if (copy.Stale && await resync.TryReloadAsync() is null)
        {
            return 0;
        }

        var marked = 0;
        foreach (var stone in dead)
        {
            if (copy.Game.View() is not { Status: GameStatus.Endgame } now || now.MoveNumber != judged.MoveNumber || judged[stone].Stone.ToColor() is not { } color)
            {
                break;
            }

            var version = copy.Game.Version;
            var action = new GameAction(ActionType.SuggestDead, color, stone, StoreTime.Now(services.Time));
            var outcome = copy.Game.Apply(action);
            if (outcome is ActionRefusal.SuggestionClosed)
            {
                break;
            }

            if (!outcome.Accepted)
            {
                // Its group is dead already (another stone of it came first, or another instance suggested it).
                continue;
            }

            if (!(await CommitAcceptedAsync(action, outcome, version, actorKey: null, holder: null)).Success)
            {
                break;
            }

            marked++;
        }

        return marked;
    }
}
