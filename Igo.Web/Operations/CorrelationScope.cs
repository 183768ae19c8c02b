using System.Collections;
using Igo.Web.Games;

namespace Igo.Web.Operations;

/// <summary>
/// A logging scope that tags every line written inside it with the game or the connection it concerns
/// (<c>GameId</c>; <c>ConnectionKind</c> and <c>ConnectionId</c>), as structured properties: the JSON console
/// formatter and OpenTelemetry log exporters show them as fields. Never a player key: connection ids are made up
/// per connection and mean nothing outside the logs.
/// </summary>
internal sealed class CorrelationScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] values;
    private readonly string text;

    private CorrelationScope(string text, params KeyValuePair<string, object?>[] values)
    {
        this.text = text;
        this.values = values;
    }

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public static CorrelationScope Game(long gameId) =>
        new($"game {gameId}", new KeyValuePair<string, object?>("GameId", gameId));

    public static CorrelationScope Connection(ConnectionKind kind, string connectionId)
    {
        var name = MetricNames.Kind(kind);
        return new(
            $"{name} {connectionId}",
            new KeyValuePair<string, object?>("ConnectionKind", name),
            new KeyValuePair<string, object?>("ConnectionId", connectionId));
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text;
}
