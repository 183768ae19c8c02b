using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Tests.Browser;

/// <summary>
/// Games played straight through the coordinator (no browser), so the screenshot test can show a real position
/// quickly. The moves come from GNU Go playing itself (level 4); they are data, not a test of GNU Go.
/// </summary>
internal static class ScriptedGames
{
    public const string Opening19 =
        "Q16 D5 D16 Q5 K3 C14 C12 E14 F16 G14 H16 K17 Q3 R3 R2 R4 P2 R9 O4 R14 D3 C3 C2 C4 E2 C9 F4 N17 H17 O6 Q14 R13 " +
        "R15 Q18 P12 Q11 O14 B16 C17 B17 M6 F6 H6 M14 G8 G5 H3 N5 M3 D7 M8 M5 O9 P11 S2 R6 T5 H5 J5 C18 D18 B18 L6 J15 " +
        "N12 L12 O11 J11 M10 G10";

    /// <summary>A whole 9×9 game ending in two passes; white's D6-D5 chain is dead.</summary>
    public const string Whole9 = "F5 D5 E7 E3 C6 G4 G7 C3 C5 D6 D7 G5 D4 D3 E4 B4 B5 H6 H7 F4 G6 C4 E5 H5 J6 J5 J7 A5 A6 A4 PASS PASS";

    public static Task<GameKeys> PlayAsync(IGameCoordinator coordinator, int size, string moves, params string[] chat) =>
        PlayAsync(coordinator, size, moves, resign: false, chat);

    /// <summary>Plays the moves; then, with <paramref name="resign"/>, the player to move resigns and the game is over.</summary>
    public static async Task<GameKeys> PlayAsync(IGameCoordinator coordinator, int size, string moves, bool resign, params string[] chat)
    {
        var black = await Seat(coordinator.CreateGameAsync(new NewGameRequest(size, Ruleset.Japanese(), Color.Black, OpponentKind.Human), Holder()));
        var white = await Seat(coordinator.JoinGameAsync(black.Keys.White, null, Holder()));
        try
        {
            var turn = black;
            foreach (var move in moves.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var reply = move == "PASS"
                    ? await turn.ActAsync(ActionType.Pass, null)
                    : await turn.ActAsync(ActionType.PlaceStone, Point.FromLabel(move, size) ?? throw new ArgumentException(move));
                Assert.True(reply.Success, $"{move}: {reply}");
                turn = turn == black ? white : black;
            }

            if (resign)
            {
                Assert.True((await turn.ActAsync(ActionType.Resign, null)).Success);
            }

            for (var i = 0; i < chat.Length; i++)
            {
                Assert.True((await (i % 2 == 0 ? black : white).ChatAsync(chat[i])).Success);
            }

            return black.Keys;
        }
        finally
        {
            await black.DisposeAsync();
            await white.DisposeAsync();
        }
    }

    private static SeatHolder Holder() => new(ConnectionKind.Circuit, "script-" + Guid.NewGuid().ToString("N"));

    private static async Task<IGameSeat> Seat(Task<SeatOutcome> outcome) =>
        (await outcome).Seat ?? throw new InvalidOperationException((await outcome).ToString());
}
