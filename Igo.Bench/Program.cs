using BenchmarkDotNet.Running;

namespace Igo.Bench;

public static class BenchProgram
{
    // Runs the BenchmarkDotNet suites: dotnet run -c Release --project Igo.Bench -- --filter '*'
    // or a load generator: dotnet run -c Release --project Igo.Bench -- compat-load --url ws://127.0.0.1:8888/websocket
    public static async Task<int> Main(string[] args)
    {
        if (args is ["compat-load", .. var rest])
        {
            return await Compat.CompatLoad.RunAsync(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
