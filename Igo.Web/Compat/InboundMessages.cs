using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>A client-to-server message whose fields have the right JSON types (values are checked when it is handled).</summary>
internal abstract record InboundMessage;

internal sealed record NewGameMessage(OpponentKind Opponent, Color Color, double Size, double Komi) : InboundMessage;

internal sealed record JoinGameMessage(string Key, string? ComputerSecret) : InboundMessage;

internal sealed record GameActionMessage(string Key, ActionType Action, string ActionName, Coords Coords) : InboundMessage;

internal sealed record ChatInMessage(string Key, string Text) : InboundMessage;

/// <summary>What the optional <c>coords</c> field held: nothing (absent or null), a row and column, or something else.</summary>
internal readonly record struct Coords(CoordsKind Kind, Point Point)
{
    public static readonly Coords None = new(CoordsKind.None, default);

    public static readonly Coords Malformed = new(CoordsKind.Malformed, default);
}

internal enum CoordsKind
{
    None,
    Given,
    Malformed,
}

/// <summary>The outcome of parsing one frame: a message, or the clear reason it was refused (sent back as <c>error</c>).</summary>
internal readonly record struct ParseResult(InboundMessage? Message, string? Error)
{
    public static ParseResult Refused(string error) => new(null, error);
}
