namespace Igo.Domain;

/// <summary>What is wrong with the settings of a game that cannot be created (see <see cref="GameSettings.Check"/>).</summary>
public enum SettingsRefusal
{
    /// <summary>The board is smaller than <see cref="Board.MinSize"/> or larger than <see cref="Board.MaxSize"/>.</summary>
    BoardSize,

    /// <summary>No ruleset was given.</summary>
    MissingRules,

    /// <summary>Komi is not a finite number.</summary>
    Komi,

    /// <summary>The handicap is not 0, or 2 to 9 stones on 9x9, 13x13 or 19x19 (<see cref="Handicap.IsSupported"/>).</summary>
    Handicap,
}

/// <summary>The one judgement of whether a game can be played with these settings; <see cref="Game.Create(int, Ruleset, TimeControl)"/> relies on it.</summary>
public static class GameSettings
{
    /// <summary>Null when a game of this size can be played under these rules; else the first thing wrong.</summary>
    public static SettingsRefusal? Check(int size, Ruleset? rules)
    {
        if (size is < Board.MinSize or > Board.MaxSize)
        {
            return SettingsRefusal.BoardSize;
        }

        if (rules is null)
        {
            return SettingsRefusal.MissingRules;
        }

        if (!double.IsFinite(rules.Komi))
        {
            return SettingsRefusal.Komi;
        }

        return Handicap.IsSupported(size, rules.Handicap) ? null : SettingsRefusal.Handicap;
    }
}
