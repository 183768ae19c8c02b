using System.Globalization;
using Igo.Computer;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Components.Play;

namespace Igo.Web.Components.Lobby;

/// <summary>How the lobby names challenges and live games, on screen and to screen readers.</summary>
public static class LobbyText
{
    /// <summary>"Black's 19×19 challenge": whose (the creator's colour) and what size.</summary>
    public static string Title(OpenChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return $"{Capital(challenge.CreatorColor)}'s {challenge.Size}×{challenge.Size} challenge";
    }

    /// <summary>"Japanese rules · komi 6.5 · no handicap · untimed": the settings a taker agrees to.</summary>
    public static string Settings(OpenChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var rules = challenge.Rules;
        var handicap = rules.Handicap >= 2 ? $"{rules.Handicap} stones handicap" : "no handicap";
        return string.Create(CultureInfo.InvariantCulture, $"{RulesName(rules)} rules · komi {rules.Komi} · {handicap} · {ClockText.Control(challenge.TimeControl)}");
    }

    /// <summary>"You play White".</summary>
    public static string TakerColour(OpenChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.CreatorColor == Color.Black ? "You play White" : "You play Black";
    }

    /// <summary>"Black: a person · White: GNU Go".</summary>
    public static string Players(LiveGameListing game, IComputerOpponents computers)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(computers);
        return $"Black: {Player(game.Computers.Black, computers)} · White: {Player(game.Computers.White, computers)}";
    }

    /// <summary>"12 moves".</summary>
    public static string Moves(int moves) => moves == 1 ? "1 move" : string.Create(CultureInfo.InvariantCulture, $"{moves} moves");

    public static string RulesName(Ruleset rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return (rules.Ko, rules.Scoring) switch
        {
            (KoRule.Simple, ScoringRule.Territory) => "Japanese",
            (KoRule.PositionalSuperko, ScoringRule.Area) => "Chinese",
            (_, ScoringRule.Area) => "Area-scoring",
            _ => "Territory-scoring",
        };
    }

    private static string Player(string? computer, IComputerOpponents computers) =>
        computer is null ? "a person" : computers.PlaysFor(computer.Length == 0 ? null : computer).Name;

    private static string Capital(Color color) => color == Color.Black ? "Black" : "White";
}
