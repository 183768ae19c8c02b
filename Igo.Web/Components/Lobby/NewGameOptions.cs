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

/// <summary>
/// What the new-game form edits; turns into the coordinator's request. Plain properties, so that the last choices can
/// be remembered in the browser as JSON (<see cref="Browser.Preferences.NewGame"/>) and restored (<see cref="Restore"/>).
/// </summary>
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

    public TimeChoice Time { get; set; } = new();

    /// <summary>Public (listed in the lobby) or unlisted (watchable by link only), as chosen; null until a choice is made.</summary>
    public bool? Listed { get; set; }

    /// <summary>What the game will be: as chosen, else public between people and unlisted against the computer.</summary>
    public bool IsListed => Listed ?? Opponent == OpponentKind.Human;

    /// <summary>The komi players usually agree on for these rules and handicap.</summary>
    public static double UsualKomi(RulesChoice rules, int handicap) => handicap >= 2 ? 0.5 : rules == RulesChoice.Chinese ? 7.5 : Ruleset.DefaultKomi;

    /// <summary>Takes the remembered choices that are still possible (a computer player still offered, a size the form has).</summary>
    public void Restore(NewGameOptions saved, IEnumerable<string> computerIds)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(computerIds);
        Opponent = Enum.IsDefined(saved.Opponent) ? saved.Opponent : Opponent;
        ComputerId = saved.ComputerId is { } id && computerIds.Contains(id) ? id : ComputerId;
        if (Opponent == OpponentKind.Computer && ComputerId is null)
        {
            Opponent = OpponentKind.Human;
        }

        Colour = Enum.IsDefined(saved.Colour) ? saved.Colour : Colour;
        Size = saved.Size is 9 or 13 or 19 ? saved.Size : Size;
        Rules = Enum.IsDefined(saved.Rules) ? saved.Rules : Rules;
        Komi = double.IsFinite(saved.Komi) && Math.Abs(saved.Komi) <= 50 ? saved.Komi : UsualKomi(Rules, Handicap);
        Handicap = saved.Handicap is 0 or (>= 2 and <= 9) ? saved.Handicap : Handicap;
        Listed = saved.Listed;
        if (saved.Time is { } time)
        {
            Time.Restore(time);
        }
    }

    /// <summary>The request for these options, timed by <paramref name="timeControl"/> (from <see cref="TimeChoice.Resolve"/>).</summary>
    public NewGameRequest ToRequest(Random random, TimeControl? timeControl = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var colour = Colour switch
        {
            ColourChoice.White => Color.White,
            ColourChoice.Random => random.Next(2) == 0 ? Color.Black : Color.White,
            _ => Color.Black,
        };
        var rules = (Rules == RulesChoice.Chinese ? Ruleset.Chinese(Komi) : Ruleset.Japanese(Komi)) with { Handicap = Handicap };
        return new NewGameRequest(Size, rules, colour, Opponent, Opponent == OpponentKind.Computer ? ComputerId : null, timeControl is { IsTimed: true } ? timeControl : null) { Listed = IsListed };
    }
}
