using System.Text;
using BenchmarkDotNet.Attributes;
using Igo.Domain;
using Igo.Web.Compat;
using Igo.Web.Games;

namespace Igo.Bench.Compat;

/// <summary>
/// The compatibility endpoint's own cost per message: reading a game_action frame, and writing a full 19×19
/// game_status (the largest message, sent to both players after every move; written once per snapshot).
/// </summary>
[MemoryDiagnoser]
public class CompatWireBenchmarks
{
    private readonly byte[] action = Encoding.UTF8.GetBytes("""{"type":"game_action","key":"a8Xk2LmQ0z","action_type":"place_stone","coords":[3,15]}""");
    private GameSnapshot snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var points = new PointState[19 * 19];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = PointState.Empty with { Stone = (i % 3) switch { 0 => Stone.Black, 1 => Stone.White, _ => Stone.Empty } };
        }

        var view = new GameView(19, Ruleset.Japanese(), GameStatus.Play, Color.Black, points, new PerColor<int>(3, 4), new PerColor<int>(0, 0), null, null, new Point(3, 15), 120, 120, null, new bool[points.Length]);
        snapshot = new GameSnapshot(1, view, 123.4, null, new PerColor<bool>(true, true));
    }

    [Benchmark]
    public object? ParseGameAction() => InboundParser.Parse(action).Message;

    [Benchmark]
    public int WriteGameStatus19x19()
    {
        // A new snapshot each time, so that the per-snapshot cache does not hide the cost of writing.
        var fresh = snapshot with { TimePlayedSeconds = snapshot.TimePlayedSeconds + 1 };
        return OutboundMessages.GameStatus(fresh).Length;
    }
}
