using Igo.Testing.Sockets;
using Igo.Tests.Compat;
using Igo.Tests.Data;
using Igo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Igo.Tests.Operations;

[Trait("Category", "Operations")]
public sealed class LogCorrelationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Connection_lines_carry_the_connection_id_game_lines_the_game_id_and_no_line_a_key_or_the_password()
    {
        const string Password = "pw-that-must-never-be-logged";
        var withPassword = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password }.ConnectionString;
        var logs = new CapturedLogs();
        string black;
        string white;
        await using (var app = AppOnRealPort.Start(
            new Dictionary<string, string?> { ["ConnectionStrings:Igo"] = withPassword },
            services => services.AddLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace))))
        {
            await using var client = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
            await client.SendAsync(Wire.NewGame("black", 9, 6.5));
            var created = await client.ExpectAsync("new_game_response");
            (black, white) = (created.Key("black"), created.Key("white"));
            await client.SendAsync(Wire.Place(black, 2, 2));
            await client.WaitForAsync("game_action_response");
        }

        var lines = logs.Lines;
        var opened = Assert.Single(lines, l => l.Text.StartsWith("Compatibility connection", StringComparison.Ordinal) && l.Text.EndsWith("opened", StringComparison.Ordinal));
        Assert.Equal("socket", opened.Scope["ConnectionKind"]);
        Assert.Contains(opened.Scope["ConnectionId"]!, opened.Text, StringComparison.Ordinal);

        // The game's own loop (opening it) logs under the game, not under the connection that opened it.
        var gameLines = lines.Where(l => l.Scope.ContainsKey("GameId")).ToList();
        Assert.NotEmpty(gameLines);
        Assert.Contains(gameLines, l => !l.Scope.ContainsKey("ConnectionId"));

        foreach (var line in lines)
        {
            var all = line.Text + line.Exception + string.Join(' ', line.Scope.Values);
            Assert.DoesNotContain(black, all, StringComparison.Ordinal);
            Assert.DoesNotContain(white, all, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, all, StringComparison.Ordinal);
        }
    }
}
