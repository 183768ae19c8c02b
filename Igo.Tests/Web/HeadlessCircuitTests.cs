using System.Text.RegularExpressions;
using Igo.Data;
using Igo.Testing.Circuits;
using Igo.Testing.Sockets;
using Igo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Web;

/// <summary>
/// The headless Blazor circuit client of the spectator benchmark (Igo.Testing/Circuits) against the real app: it reads
/// a real watch page's prerendered markers, opens the page's circuit without a browser, and receives the render batch
/// that shows a move the players made, with the move in the batch's strings.
/// </summary>
public sealed partial class HeadlessCircuitTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private AppOnRealPort app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app = AppOnRealPort.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_watch_pages_prerendered_html_gives_its_server_component_and_state()
    {
        var (black, watchId) = await CreateGameAsync();
        await using var player = black;
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var page = PrerenderedPage.Parse(await http.GetStringAsync(new Uri($"/watch/{watchId}", UriKind.Relative), Cancel));

        // The head outlet and the routes, each opened once: a closing marker carries no descriptor and is left out.
        Assert.Equal([0, 1], page.ServerComponents.Select(marker => marker.GetProperty("sequence").GetInt32()));
        Assert.All(page.ServerComponents, marker =>
        {
            Assert.Equal("server", marker.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(marker.GetProperty("descriptor").GetString()));
            Assert.True(marker.TryGetProperty("key", out _));
        });
        Assert.NotEqual(string.Empty, page.ApplicationState);
        Assert.Contains("\"type\":\"add\"", page.AddOperationsJson(1), StringComparison.Ordinal);
        Assert.Empty(PrerenderedPage.Parse("<html><body>No Blazor here</body></html>").ServerComponents);
    }

    [Fact]
    public async Task A_headless_spectator_receives_the_batch_that_shows_a_move()
    {
        var (black, watchId) = await CreateGameAsync();
        await using var player = black;
        await using var circuit = await HeadlessCircuit.OpenAsync(app.BaseAddress, $"/watch/{watchId}", keepBatches: true, Cancel);

        // The board as the circuit first rendered it: an empty 9x9 board, every point named.
        var seen = new List<string>();
        while (!seen.Contains("Board"))
        {
            seen.AddRange((await circuit.NextBatchAsync(Deadline, Cancel)).Strings);
        }

        var clicked = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await player.SendAsync(new { type = "game_action", key = player.Key, action_type = "place_stone", coords = new[] { 4, 2 } });
        while (true)
        {
            var batch = await circuit.NextBatchAsync(Deadline, Cancel);
            if (batch.Strings.FirstOrDefault(text => Announcement().IsMatch(text)) is { } announced)
            {
                Assert.Equal("Black C5", announced);
                Assert.True(batch.ReceivedAt >= clicked);
                break;
            }
        }

        Assert.Null(circuit.Failure);
    }

    private async Task<(Player Black, string WatchId)> CreateGameAsync()
    {
        var socket = await ProtocolClient.ConnectAsync(app.WebSocketUri(), Cancel);
        await socket.SendAsync("""{"type":"new_game","vs":"human","color":"black","size":9,"komi":6.5}""");
        var created = await socket.ExpectAsync("new_game_response");
        var key = created.GetProperty("keys").GetProperty("black").GetString()!;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<IgoDbContext>>().CreateDbContextAsync(Cancel);
        var watchId = await db.Games.Select(game => game.WatchId).SingleAsync(Cancel);
        return (new Player(socket, key), watchId);
    }

    [GeneratedRegex(@"^(Black|White) [A-HJ-T]\d{1,2}\b")]
    private static partial Regex Announcement();

    private sealed record Player(ProtocolClient Socket, string Key) : IAsyncDisposable
    {
        public Task SendAsync(object message) => Socket.SendAsync(message);

        public ValueTask DisposeAsync() => Socket.DisposeAsync();
    }
}
