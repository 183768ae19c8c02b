using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>
/// What a screen reader says for one point of the board: "D4, empty", "Q16, black stone, last move",
/// "C3, white stone, suggested dead by the engine", "E5, empty, ko, can't be retaken at once".
/// </summary>
public static class PointDescription
{
    public static string Describe(string label, PointLook look)
    {
        var parts = new List<string>(4) { label };
        if (look.Stone.ToColor() is { } color)
        {
            parts.Add(look.Number > 0 ? $"{color.ToWord()} stone, move {look.Number}" : $"{color.ToWord()} stone");
            if (look.MarkedDead)
            {
                parts.Add("marked dead");
            }
            else if (look.SuggestedDead)
            {
                parts.Add("suggested dead by the engine");
            }

            if (look.LastMove)
            {
                parts.Add("last move");
            }
        }
        else
        {
            parts.Add("empty");
            if (look.Ko)
            {
                parts.Add("ko, can't be retaken at once");
            }
        }

        if (look.Territory.ToColor() is { } owner)
        {
            parts.Add($"{owner.ToWord()} territory");
        }

        return string.Join(", ", parts);
    }
}
