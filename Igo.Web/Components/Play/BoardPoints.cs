using System.Runtime.CompilerServices;
using Igo.Domain;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Play;

/// <summary>
/// The markup of every point of one game view in one board mode, with no point focused, built once and shared by every
/// board that draws that view: all the spectators of a game (and its players) are handed the same view object, so the
/// first board to render a move builds its looks and the others read an array (issue 12: a watched move's render was
/// 361 looks worked out and looked up per spectator). A board draws its own focused and tapped points itself; with
/// engine advice or move numbers it builds every point (<see cref="GoBoard"/>). Kept as long as the view is.
/// </summary>
internal static class BoardPoints
{
    private static readonly ConditionalWeakTable<GameView, MarkupString[]?[]> Built = [];

    // No point of any board: every look here is unfocused and untapped.
    private static readonly Point Nowhere = new(-1, -1);

    public static MarkupString[] Of(GameView view, BoardMode mode)
    {
        ArgumentNullException.ThrowIfNull(view);
        var byMode = Built.GetValue(view, static _ => new MarkupString[]?[Enum.GetValues<BoardMode>().Length]);
        var index = (int)mode;
        if (Volatile.Read(ref byMode[index]) is { } points)
        {
            return points;
        }

        // Two boards may build the same view at once: the same markup, and the first one kept.
        var built = new MarkupString[view.Size * view.Size];
        for (var row = 0; row < view.Size; row++)
        {
            for (var col = 0; col < view.Size; col++)
            {
                var point = new Point(row, col);
                built[(row * view.Size) + col] = PointMarkup.For(view.Size, point, PointLook.Of(view, point, mode, null, Nowhere, null));
            }
        }

        return Interlocked.CompareExchange(ref byMode[index], built, null) ?? built;
    }
}
