using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Components.Lobby;

public enum ColourChoice
{
    Black,
    White,
    Random,
}

public enum RulesChoice
{
    Japanese,
    Chinese,
}

/// <summary>What the new-game form edits; turns into the coordinator's request.</summary>
public sealed class NewGameOptions
{
    public OpponentKind Opponent { get; set; } = OpponentKind.Human;

    public string? ComputerId { get; set; }

    public ColourChoice Colour { get; set; } = ColourChoice.Black;

    public int Size { get; set; } = 19;

    public RulesChoice Rules { get; set; } = RulesChoice.Japanese;

    public double Komi { get; set; } = Ruleset.DefaultKomi;

    /// <summary>0 for an even game; otherwise 2 to 9 stones.</summary>
    public int Handicap { get; set; }

    /// <summary>The komi players usually agree on for these rules and handicap.</summary>
    public static double UsualKomi(RulesChoice rules, int handicap) => handicap >= 2 ? 0.5 : rules == RulesChoice.Chinese ? 7.5 : Ruleset.DefaultKomi;

    public NewGameRequest ToRequest(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var colour = Colour switch
        {
            ColourChoice.White => Color.White,
            ColourChoice.Random => random.Next(2) == 0 ? Color.Black : Color.White,
            _ => Color.Black,
        };
        var rules = (Rules == RulesChoice.Chinese ? Ruleset.Chinese(Komi) : Ruleset.Japanese(Komi)) with { Handicap = Handicap };
        return new NewGameRequest(Size, rules, colour, Opponent, Opponent == OpponentKind.Computer ? ComputerId : null);
    }
}
