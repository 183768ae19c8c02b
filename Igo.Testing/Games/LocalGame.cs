using Igo.Computer.Players;
using Igo.Domain;

namespace Igo.Testing.Games;

/// <summary>A player in a <see cref="LocalGame"/>: decides from the view, hears about refusals.</summary>
public interface ILocalPlayer
{
    Task<ComputerIntent?> DecideAsync(GameView view, CancellationToken cancellationToken);

    void Refused(GameView view, ComputerIntent intent);
}

/// <summary>The computer player's own policy, seated in a local game.</summary>
public sealed class PolicyPlayer(ComputerPlayerPolicy policy) : ILocalPlayer
{
    public Task<ComputerIntent?> DecideAsync(GameView view, CancellationToken cancellationToken) => policy.DecideAsync(view, cancellationToken);

    public void Refused(GameView view, ComputerIntent intent) => policy.Refused(view, intent);
}

/// <summary>The original's random player: a uniformly random legal point, a pass when there is none, and yes to every request.</summary>
public sealed class RandomPlayer(Color color, int seed) : ILocalPlayer
{
    private readonly Random random = new(seed);

    public Task<ComputerIntent?> DecideAsync(GameView view, CancellationToken cancellationToken)
    {
        if (view.Status == GameStatus.RequestPending && view.PendingRequest?.Initiator != color)
        {
            return Task.FromResult<ComputerIntent?>(new ComputerIntent(ActionType.Accept));
        }

        if (view.Status != GameStatus.Play || view.Turn != color)
        {
            return Task.FromResult<ComputerIntent?>(null);
        }

        var legal = Enumerable.Range(0, view.LegalForTurn.Count).Where(i => view.LegalForTurn[i]).ToList();
        if (legal.Count == 0)
        {
            return Task.FromResult<ComputerIntent?>(ComputerIntent.Pass);
        }

        var index = legal[random.Next(legal.Count)];
        return Task.FromResult<ComputerIntent?>(new ComputerIntent(ActionType.PlaceStone, new Point(index / view.Size, index % view.Size)));
    }

    public void Refused(GameView view, ComputerIntent intent) => throw new InvalidOperationException($"The random player only plays legal moves, yet {intent} was refused.");
}

/// <summary>
/// Two players on one <see cref="Game"/> of the rules engine, in turn, until the game is complete: the same actions the
/// coordinator would pass on, without the store. Records every action and every refusal.
/// </summary>
public sealed class LocalGame(Game game, ILocalPlayer black, ILocalPlayer white)
{
    public Game Game => game;

    public List<(Color Player, ComputerIntent Intent, ActionOutcome Outcome)> Log { get; } = [];

    public int Refusals => Log.Count(entry => !entry.Outcome.Accepted);

    public static LocalGame Create(int size, Ruleset rules, ILocalPlayer black, ILocalPlayer white) => new(Game.Create(size, rules), black, white);

    /// <summary>
    /// Plays until the game is complete. Throws <see cref="InvalidOperationException"/> (failing a test; the strength
    /// runner counts the game unfinished) when nobody acts or the game does not end within <paramref name="maxActions"/>.
    /// </summary>
    public async Task<GameResult> PlayAsync(int maxActions, CancellationToken cancellationToken)
    {
        for (var actions = 0; actions < maxActions; actions++)
        {
            if (game.Status == GameStatus.Complete)
            {
                return game.Result!;
            }

            var acted = false;
            foreach (var (color, player) in new[] { (Color.Black, black), (Color.White, white) })
            {
                var view = game.View();
                if (await player.DecideAsync(view, cancellationToken) is not { } intent)
                {
                    continue;
                }

                var outcome = game.Apply(new GameAction(intent.Type, color, intent.Point, DateTimeOffset.UnixEpoch) { MarkingVersion = intent.MarkingVersion });
                Log.Add((color, intent, outcome));
                if (!outcome.Accepted)
                {
                    player.Refused(view, intent);
                }

                acted = true;
                break;
            }

            if (!acted)
            {
                throw new InvalidOperationException($"Nobody acts in status {game.Status} at move {game.View().MoveNumber}:\n{game.CopyBoard()}");
            }
        }

        throw new InvalidOperationException($"The game did not end within {maxActions} actions:\n{game.CopyBoard()}");
    }
}
