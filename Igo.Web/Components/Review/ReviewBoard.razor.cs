using Igo.Domain;
using Igo.Web.Components.Play;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Igo.Web.Components.Review;

public sealed partial class ReviewBoard
{
    private const int PageStep = 10;

    private ReviewLine line = default!;
    private bool showNumbers;
    private string? announcement;
    private string? refusal;

    /// <summary>The game to review (its settings and moves); a new record starts the review afresh, at its end.</summary>
    [Parameter, EditorRequired]
    public ReviewRecord Record { get; set; } = default!;

    /// <summary>Black's estimated lead before the first move and after each; null while there is none.</summary>
    [Parameter]
    public IReadOnlyList<double>? Leads { get; set; }

    /// <summary>The engine review is being made: the graph says so.</summary>
    [Parameter]
    public bool LeadsPending { get; set; }

    /// <summary>The engine the leads come from, for the graph's caption.</summary>
    [Parameter]
    public string? Engine { get; set; }

    /// <summary>
    /// A live game's review: a longer record of the same game lengthens the line and leaves the viewer where they are
    /// (a spectator stepping back is not pulled to the new move); otherwise a new record starts afresh.
    /// </summary>
    [Parameter]
    public bool FollowsLive { get; set; }

    /// <summary>Whether the engine's score graph has a place (a live game has no engine review yet).</summary>
    [Parameter]
    public bool ShowGraph { get; set; } = true;

    /// <summary>The top of the side column, inside the review (so the review's keys work from it).</summary>
    [Parameter]
    public RenderFragment? Header { get; set; }

    /// <summary>More for the side column (the page's own links).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void OnParametersSet()
    {
        if (line is not null && line.Record != Record && FollowsLive && line.Follow(Record))
        {
            return;
        }

        if (line?.Record != Record)
        {
            line = new ReviewLine(Record);
            line.GoTo(Record.Moves.Count);
            refusal = null;
        }
    }

    private static string PositionNote(ReviewFrame frame) =>
        frame.View.Turn == Domain.Color.Black ? "Black to play" : "White to play";

    private void GoTo(int moveNumber)
    {
        refusal = null;
        if (line.GoTo(moveNumber))
        {
            Announce();
        }
    }

    private void Slide(ChangeEventArgs change)
    {
        if (int.TryParse(change.Value?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var moveNumber))
        {
            GoTo(moveNumber);
        }
    }

    private void JumpFromGraph(int moveNumber)
    {
        line.BackToGame();
        GoTo(moveNumber);
        Announce();
    }

    private void OnKey(KeyboardEventArgs key)
    {
        Action? step = key.Key switch
        {
            "ArrowLeft" => () => GoTo(line.Cursor - 1),
            "ArrowRight" => () => GoTo(line.Cursor + 1),
            "PageUp" => () => GoTo(line.Cursor - PageStep),
            "PageDown" => () => GoTo(line.Cursor + PageStep),
            "Home" => () => GoTo(0),
            "End" => () => GoTo(line.Moves.Count),
            _ => null,
        };
        step?.Invoke();
    }

    private void Try(Point point)
    {
        refusal = line.Try(point) is { } refused ? OutcomeText.OfRefusal(refused) : null;
        if (refusal is null)
        {
            Announce();
        }
    }

    private void Refused(ActionRefusal refused)
    {
        refusal = OutcomeText.OfRefusal(refused);
        announcement = refusal;
    }

    private void BackToGame()
    {
        refusal = null;
        if (line.BackToGame())
        {
            announcement = $"Back to the game. {line.Frame().Describe()}";
        }
    }

    private void ShowNumbers(ChangeEventArgs change) => showNumbers = change.Value is true;

    private void Announce()
    {
        var frame = line.Frame();
        announcement = line.InVariation ? $"Variation: {frame.Describe()}" : frame.Describe();
    }
}
