using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>
/// What a screen reader says for one point of the board: "D4, empty", "Q16, black stone, last move",
/// "C3, white stone, suggested dead by the engine".
/// </summary>
public static class PointDescription
{
    public static string Describe(GameView view, Point point, bool suggestedDead = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = view[point];
        var parts = new List<string>(4) { point.ToLabel(view.Size) };
        if (state.Stone.ToColor() is { } color)
        {
            parts.Add($"{color.ToWord()} stone");
            if (state.MarkedDead)
            {
                parts.Add("marked dead");
            }
            else if (suggestedDead)
            {
                parts.Add("suggested dead by the engine");
            }

            if (view.LastMove == point)
            {
                parts.Add("last move");
            }
        }
        else
        {
            parts.Add("empty");
        }

        if (state.Counted && state.CountsFor.ToColor() is { } owner)
        {
            parts.Add($"{owner.ToWord()} territory");
        }

        return string.Join(", ", parts);
    }
}
