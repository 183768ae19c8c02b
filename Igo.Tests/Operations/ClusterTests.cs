using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Igo.Testing.Sockets;
using Igo.Tests.Compat;
using Igo.Tests.Data;
using Npgsql;

namespace Igo.Tests.Operations;

/// <summary>
/// scripts/cluster.sh as an operator runs it, on the tests' PostgreSQL and build: two Igo processes behind nginx, two
/// players pinned to different instances by the route cookie, a game played across them, and one instance stopped
/// with SIGTERM in the middle of it.
/// </summary>
[Trait("Category", "Operations")]
public sealed class ClusterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_game_through_nginx_with_players_on_different_instances_survives_one_instance_stopping()
    {
        if (!File.Exists("/usr/sbin/nginx") && Environment.UserName != "root")
        {
            Assert.Skip("nginx is not installed and only root may install it (apt-get install nginx)");
        }

        var cluster = new Cluster(database.ConnectionString);
        try
        {
            var up = await cluster.RunAsync("up", TimeSpan.FromSeconds(60));
            Assert.True(up.ExitCode == 0, $"cluster.sh up failed:\n{up.Output}");
            Assert.Contains($"http://127.0.0.1:{cluster.Port}/", up.Output, StringComparison.Ordinal);
            var (idA, idB) = (cluster.InstanceId("a"), cluster.InstanceId("b"));

            await using var black = await cluster.ConnectAsync("a");
            await using var white = await cluster.ConnectAsync("b");
            await black.SendAsync(Wire.NewGame("black", 9, 6.5));
            var keys = await black.ExpectAsync("new_game_response");
            await white.SendAsync(Wire.Join(keys.Key("white")));
            Assert.True((await white.ExpectAsync("join_game_response")).Flag("success"));
            Assert.Equal(idA, await OperationsHelpers.HolderAsync(database.ConnectionString, keys.Key("black")));
            Assert.Equal(idB, await OperationsHelpers.HolderAsync(database.ConnectionString, keys.Key("white")));

            await black.SendAsync(Wire.Place(keys.Key("black"), 2, 2));
            Assert.True((await black.WaitForAsync("game_action_response")).Flag("success"));
            await white.WaitForAsync("game_status", s => s.PointAt(2, 2).StartsWith("[\"b\"", StringComparison.Ordinal));
            await white.SendAsync(Wire.Place(keys.Key("white"), 6, 6));
            Assert.True((await white.WaitForAsync("game_action_response")).Flag("success"));
            await black.WaitForAsync("game_status", s => s.PointAt(6, 6).StartsWith("[\"w\"", StringComparison.Ordinal));

            // SIGTERM to instance a: its socket is told to go away, the process ends within its shutdown timeout.
            using var instanceA = Process.GetProcessById(cluster.Pid("a"));
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, (await cluster.ShellAsync($"kill -TERM {instanceA.Id}", TimeSpan.FromSeconds(5))).ExitCode);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await black.Closed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
            await instanceA.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"instance a took {clock.Elapsed} to stop");

            // The same client reconnects with its cookie for a: nginx sends it to b, where its key is free.
            await using var rejoined = await cluster.ConnectAsync("a");
            await rejoined.SendAsync(Wire.Join(keys.Key("black")));
            Assert.True((await rejoined.ExpectAsync("join_game_response")).Flag("success"));
            var status = await rejoined.ExpectAsync("game_status");
            Assert.StartsWith("[\"b\"", status.PointAt(2, 2), StringComparison.Ordinal);
            Assert.StartsWith("[\"w\"", status.PointAt(6, 6), StringComparison.Ordinal);
            Assert.Equal(idB, await OperationsHelpers.HolderAsync(database.ConnectionString, keys.Key("black")));

            await rejoined.SendAsync(Wire.Place(keys.Key("black"), 2, 6));
            Assert.True((await rejoined.WaitForAsync("game_action_response")).Flag("success"));
            await white.WaitForAsync("game_status", s => s.PointAt(2, 6).StartsWith("[\"b\"", StringComparison.Ordinal));
        }
        finally
        {
            var down = await cluster.RunAsync("down", TimeSpan.FromSeconds(40));
            Assert.True(down.ExitCode == 0, $"cluster.sh down failed:\n{down.Output}");
            Assert.False(Directory.Exists(cluster.Directory), "cluster.sh down left its state behind");
        }
    }

    private sealed class Cluster
    {
        private readonly string databaseUrl;

        public Cluster(string connectionString)
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            databaseUrl = $"postgres://{Uri.EscapeDataString(pg.Username!)}:{Uri.EscapeDataString(pg.Password ?? string.Empty)}@{pg.Host}:{pg.Port}/{Uri.EscapeDataString(pg.Database!)}";
            Directory = Path.Combine(Path.GetTempPath(), $"igo-cluster-test-{Guid.NewGuid():N}");
            Port = FreePortRun(3);
        }

        public string Directory { get; }

        public int Port { get; }

        public Guid InstanceId(string name) => Guid.Parse(File.ReadAllText(Path.Combine(Directory, $"{name}.id")).Trim());

        public int Pid(string name) => int.Parse(File.ReadAllText(Path.Combine(Directory, $"{name}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A socket through nginx carrying the route cookie of one instance, as a browser that was served by it would.</summary>
        public Task<ProtocolClient> ConnectAsync(string route) =>
            ProtocolClient.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/websocket"), TestContext.Current.CancellationToken, configure: o => o.SetRequestHeader("Cookie", $"igo_route={route}"));

        public Task<(int ExitCode, string Output)> RunAsync(string command, TimeSpan timeout) =>
            ShellAsync($"\"{Path.Combine(RepositoryRoot(), "scripts", "cluster.sh")}\" {command}", timeout);

        public async Task<(int ExitCode, string Output)> ShellAsync(string command, TimeSpan timeout)
        {
            var start = new ProcessStartInfo("bash", ["-c", $"{command} 2>&1"]) { RedirectStandardOutput = true };
            start.Environment["IGO_CLUSTER_DIR"] = Directory;
            start.Environment["IGO_CLUSTER_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["IGO_CLUSTER_DLL"] = WebDll();
            start.Environment["IGO_CLUSTER_DATABASE_URL"] = databaseUrl;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            try
            {
                await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{command}' took more than {timeout}: {await output}");
            }

            return (process.ExitCode, await output);
        }

        private static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Igo.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Igo.sln not found above the test binaries");
        }

        /// <summary>The Igo.Web build beside this test build (same configuration), run as the cluster's instances.</summary>
        private static string WebDll()
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(RepositoryRoot(), "Igo.Web", "bin", configuration, "net10.0", "Igo.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is not built");
        }

        /// <summary>The first of <paramref name="count"/> consecutive free loopback ports (nginx, instance a, instance b).</summary>
        private static int FreePortRun(int count)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var first = Random.Shared.Next(20000, 30000);
                if (Enumerable.Range(first, count).All(IsFree))
                {
                    return first;
                }
            }

            throw new InvalidOperationException("No run of free ports found");
        }

        private static bool IsFree(int port)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
