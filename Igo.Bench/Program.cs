using BenchmarkDotNet.Running;

namespace Igo.Bench;

public static class BenchProgram
{
    // Runs the BenchmarkDotNet suites: dotnet run -c Release --project Igo.Bench -- --filter '*'
    // or the computer players' strength matches: dotnet run -c Release --project Igo.Bench -- strength [games] [playouts]
    public static void Main(string[] args)
    {
        if (args is ["strength", .. var rest])
        {
            StrengthMatches.RunAsync(rest).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
