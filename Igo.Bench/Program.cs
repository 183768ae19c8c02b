using BenchmarkDotNet.Running;

namespace Igo.Bench;

public static class BenchProgram
{
    // Runs the BenchmarkDotNet suites: dotnet run -c Release --project Igo.Bench -- --filter '*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
