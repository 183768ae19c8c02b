using BenchmarkDotNet.Running;

namespace Igo.Bench;

public static class BenchProgram
{
    // Runs the BenchmarkDotNet suites: dotnet run -c Release --project Igo.Bench -- --filter '*'
    // or the coordinator's load generator: dotnet run -c Release --project Igo.Bench -- coordinator "<Npgsql connection string>" [seconds]
    public static async Task Main(string[] args)
    {
        if (args is ["coordinator", var connectionString, ..])
        {
            var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
            await CoordinatorLoad.RunAsync(connectionString, TimeSpan.FromSeconds(seconds));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
