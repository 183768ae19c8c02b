using Igo.Domain;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Play;

public sealed partial class GoBoard
{
    /// <summary>Distance between lines in SVG units; the SVG scales to its container.</summary>
    internal const int Cell = 100;

    internal const int Margin = 104;

    private BoardPoint?[] cells = [];
    private Point focused;
    private Point? awaitingConfirm;
    private bool moveFocusAfterRender;

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

    /// <summary>A point the player chose: a stone to place (Place mode) or a chain to mark dead (MarkDead mode).</summary>
    [Parameter]
    public EventCallback<Point> OnPointChosen { get; set; }

    private int Extent => ((View.Size - 1) * Cell) + (2 * Margin);

    private int Far => Margin + ((View.Size - 1) * Cell);

    private static int LabelNear => 38;

    private int LabelFar => Extent - LabelNear;

    private string ModeClass => Mode switch
    {
        BoardMode.Place => "mode-place",
        BoardMode.MarkDead => "mode-mark-dead",
        _ => "mode-watch",
    };

    private string AriaLabel => Mode switch
    {
        BoardMode.Place => $"Go board, {View.Size} by {View.Size}. Arrow keys move, Enter or Space plays a stone.",
        BoardMode.MarkDead => $"Go board, {View.Size} by {View.Size}. Arrow keys move, Enter or Space proposes a chain as dead.",
        _ => $"Go board, {View.Size} by {View.Size}.",
    };

    private static int Coordinate(int line) => Margin + (line * Cell);

    protected override void OnParametersSet()
    {
        var count = View.Size * View.Size;
        if (cells.Length != count)
        {
            cells = new BoardPoint?[count];
            focused = View.LastMove is { } last && last.IsOnBoard(View.Size) ? last : new Point(View.Size / 2, View.Size / 2);
        }

        if (View.Version != renderedVersion)
        {
            renderedVersion = View.Version;
            awaitingConfirm = null;
            if (!playerPlacedFocus && View.LastMove is { } last && last.IsOnBoard(View.Size))
            {
                focused = last;
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (moveFocusAfterRender)
        {
            moveFocusAfterRender = false;
            if (cells[Index(focused)] is { } cell)
            {
                await cell.FocusAsync();
            }
        }
    }

    private PointVisual VisualOf(Point point)
    {
        var state = View[point];
        var playable = Mode == BoardMode.Place && View.IsLegalPlacement(point);
        var suggested = state.Stone != Stone.Empty && SuggestedDead?.Contains(point) == true;
        return new PointVisual(
            PointDescription.Describe(View, point, suggested),
            state.Stone,
            View.LastMove == point,
            state.MarkedDead,
            state.Counted ? state.CountsFor : Stone.Empty,
            playable,
            Mode == BoardMode.MarkDead && state.Stone != Stone.Empty,
            point == focused,
            playable && awaitingConfirm == point,
            playable ? View.Turn.ToStone() : Stone.Empty,
            suggested);
    }

    private int Index(Point point) => (point.Row * View.Size) + point.Col;

    internal Task ClickedAsync(Point point)
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

    internal Task KeyPressedAsync(Point target, string key)
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
            return;
        }

        awaitingConfirm = null;
        focused = point;
        await OnPointChosen.InvokeAsync(point);
    }
}
