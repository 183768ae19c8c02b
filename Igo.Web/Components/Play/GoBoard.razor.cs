using Igo.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Igo.Web.Components.Play;

public sealed partial class GoBoard
{
    private ElementReference grid;
    private int size;
    private Point focused;
    private Point? awaitingConfirm;
    private bool moveFocusAfterRender;
    private int focusMoves;
    private RenderedBoard rendered;

    // Until the player moves around the board, its tab stop follows the last move, so Tab lands where the game is.
    private bool playerPlacedFocus;
    private int renderedVersion = -1;

    [Parameter, EditorRequired]
    public GameView View { get; set; } = default!;

    [Parameter]
    public BoardMode Mode { get; set; }

    /// <summary>A first tap shows the stone, a second tap on the same point plays it (against misclicks on small screens).</summary>
    [Parameter]
    public bool ConfirmTaps { get; set; }

    /// <summary>Stones an engine suggests are dead (endgame advice): drawn with their own marker, and said so to screen readers.</summary>
    [Parameter]
    public IReadOnlySet<Point>? SuggestedDead { get; set; }

    /// <summary>The number of the move that placed each stone (row-major, 0 for none), drawn on the stones when given (a review).</summary>
    [Parameter]
    public IReadOnlyList<int>? StoneNumbers { get; set; }

    /// <summary>A point the player chose: a stone to place (Place mode) or a chain to mark dead (MarkDead mode).</summary>
    [Parameter]
    public EventCallback<Point> OnPointChosen { get; set; }

    /// <summary>The player chose a point the rules refuse them now (occupied, suicide, ko): the rules' reason, to be said.</summary>
    [Parameter]
    public EventCallback<ActionRefusal> OnPointRefused { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private int Extent => BoardDrawing.Extent(View.Size);

    private string ModeClass => Mode switch
    {
        BoardMode.Place => "mode-place",
        BoardMode.MarkDead => "mode-mark-dead",
        _ => "mode-watch",
    };

    // The preview is always the colour of the player to move: a class of the board, so that no point changes with the turn.
    private string PreviewClass => View.Turn == Color.Black ? "preview-black" : "preview-white";

    private string AriaLabel => Mode switch
    {
        BoardMode.Place => $"Go board, {View.Size} by {View.Size}. Arrow keys move, Enter or Space plays a stone.",
        BoardMode.MarkDead => $"Go board, {View.Size} by {View.Size}. Arrow keys move, Enter or Space marks a group dead or alive.",
        _ => $"Go board, {View.Size} by {View.Size}.",
    };

    protected override void OnParametersSet()
    {
        if (size != View.Size)
        {
            size = View.Size;
            focused = View.LastPlay?.Point is { } last && last.IsOnBoard(View.Size) ? last : new Point(View.Size / 2, View.Size / 2);
        }

        if (View.Version != renderedVersion)
        {
            renderedVersion = View.Version;
            awaitingConfirm = null;
            if (!playerPlacedFocus && View.LastPlay?.Point is { } last && last.IsOnBoard(View.Size))
            {
                focused = last;
            }
        }
    }

    // The page re-renders for many reasons (chat, presence, a new callback each time): the board only when what it draws changed.
    protected override bool ShouldRender()
    {
        var now = new RenderedBoard(View, Mode, ConfirmTaps, SuggestedDead, StoneNumbers, focused, awaitingConfirm, focusMoves);
        var changed = now != rendered;
        rendered = now;
        return changed;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (moveFocusAfterRender)
        {
            moveFocusAfterRender = false;
            await JS.InvokeVoidAsync("igo.focusPoint", grid, focused.ToLabel(View.Size));
        }
    }

    /// <summary>The view's points as every board in this mode draws them, when this board adds nothing of its own but its focus.</summary>
    private MarkupString[]? SharedPoints() => SuggestedDead is null && StoneNumbers is null ? BoardPoints.Of(View, Mode) : null;

    private MarkupString PointMarkupOf(Point point, MarkupString[]? shared) =>
        shared is not null && point != focused && point != awaitingConfirm
            ? shared[(point.Row * View.Size) + point.Col]
            : PointMarkup.For(View.Size, point, PointLook.Of(View, point, Mode, SuggestedDead, focused, awaitingConfirm, StoneNumbers));

    /// <summary>The point a delegated event names, when it is one of this board's.</summary>
    private Point? PointOf(BoardInputEventArgs input) =>
        input.Point is { } label ? Point.FromLabel(label, View.Size) : null;

    private Task OnPointClickAsync(BoardInputEventArgs input) => PointOf(input) is { } point ? ClickedAsync(point) : Task.CompletedTask;

    private Task OnPointKeyAsync(BoardInputEventArgs input) =>
        PointOf(input) is { } point && input.Key is { } key ? KeyPressedAsync(point, key) : Task.CompletedTask;

    private Task ClickedAsync(Point point)
    {
        // The clicked point becomes the board's single tab stop, so the keyboard carries on from there. (Focus events
        // are not used for this: a late one from an earlier move would pull the tab stop back.)
        playerPlacedFocus = true;
        if (focused != point)
        {
            focused = point;
            StateHasChanged();
        }

        if (ConfirmTaps && Mode == BoardMode.Place && View.IsLegalPlacement(point) && awaitingConfirm != point)
        {
            awaitingConfirm = point;
            focused = point;
            StateHasChanged();
            return Task.CompletedTask;
        }

        return ChooseAsync(point);
    }

    private Task KeyPressedAsync(Point target, string key)
    {
        // Keys typed faster than a round trip still name the element focus was on when they were pressed; the
        // board's own focused point is where the player has moved to by then, so it is the origin of every key.
        var point = target == focused || !focused.IsOnBoard(View.Size) ? target : focused;
        var size = View.Size;
        Point? moved = key switch
        {
            "ArrowUp" => point with { Row = Math.Max(0, point.Row - 1) },
            "ArrowDown" => point with { Row = Math.Min(size - 1, point.Row + 1) },
            "ArrowLeft" => point with { Col = Math.Max(0, point.Col - 1) },
            "ArrowRight" => point with { Col = Math.Min(size - 1, point.Col + 1) },
            "Home" => point with { Col = 0 },
            "End" => point with { Col = size - 1 },
            _ => null,
        };
        if (moved is { } next)
        {
            playerPlacedFocus = true;
            focused = next;
            moveFocusAfterRender = true;
            focusMoves++;
            StateHasChanged();
            return Task.CompletedTask;
        }

        // The keyboard's focus already is the preview, so Enter plays at once even in confirm mode.
        return key is "Enter" or " " ? ChooseAsync(point) : Task.CompletedTask;
    }

    private async Task ChooseAsync(Point point)
    {
        var allowed = Mode switch
        {
            BoardMode.Place => View.IsLegalPlacement(point),
            BoardMode.MarkDead => View[point].Stone != Stone.Empty,
            _ => false,
        };
        if (!allowed)
        {
            // Nothing happening would leave the player guessing: the board says why, from the rules' own reason.
            if (Mode == BoardMode.Place && View.PlacementRefusal(point) is { } refusal)
            {
                await OnPointRefused.InvokeAsync(refusal);
            }

            return;
        }

        awaitingConfirm = null;
        focused = point;
        await OnPointChosen.InvokeAsync(point);
    }

    private readonly record struct RenderedBoard(
        GameView? View, BoardMode Mode, bool ConfirmTaps, IReadOnlySet<Point>? SuggestedDead, IReadOnlyList<int>? StoneNumbers, Point Focused, Point? AwaitingConfirm, int FocusMoves);
}
