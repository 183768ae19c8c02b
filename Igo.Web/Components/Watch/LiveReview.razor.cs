using Igo.Domain;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Watch;

/// <summary>
/// The watched game's moves so far as a review. The record is rebuilt only when the game's moves or result change, so
/// the review board sees a longer record of the same game and follows it (<see cref="ReviewLine.Follow"/>).
/// </summary>
public sealed partial class LiveReview
{
    private ElementReference backToLive;
    private LineKey? built;
    private ReviewRecord record = default!;

    /// <summary>The game as it stands now.</summary>
    [Parameter, EditorRequired]
    public GameSnapshot Snapshot { get; set; } = default!;

    [Parameter]
    public EventCallback OnBackToLive { get; set; }

    /// <summary>More for the side column (the game's live status, the spectators' chat).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    private ReviewRecord Record => record;

    private string LiveNote => Snapshot.View.Status == GameStatus.Complete
        ? $"The game is over, after {Moves(Snapshot.Moves.Count)}."
        : $"Live: {Moves(Snapshot.Moves.Count)} played.";

    protected override void OnParametersSet()
    {
        var key = new LineKey(Snapshot.Moves, Snapshot.View.Result);
        if (built != key)
        {
            built = key;
            record = RecordOf(Snapshot);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The review's keys work from inside it: the spectator can step back at once with ←.
        if (firstRender)
        {
            await backToLive.FocusAsync();
        }
    }

    /// <summary>The review record of a watched game as it stands: a finished game's with its final board when it was counted.</summary>
    public static ReviewRecord RecordOf(GameSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var view = snapshot.View;
        var final = view.Status == GameStatus.Complete && view.Score is not null ? view.Points : null;
        return new ReviewRecord(view.Size, view.Rules, snapshot.Moves, final, view.Result);
    }

    private static string Moves(int count) => count == 1 ? "1 move" : $"{count} moves";

    // Moves are shared between snapshots until a move is made: their reference says whether the line changed.
    private sealed record LineKey(object Moves, GameResult? Result);
}
