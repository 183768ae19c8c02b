using BenchmarkDotNet.Running;

namespace Igo.Bench;

public static class BenchProgram
{
    // Runs the BenchmarkDotNet suites: dotnet run -c Release --project Igo.Bench -- --filter '*'
    // or the original's load pattern over /websocket: dotnet run -c Release --project Igo.Bench -- perf-load --url ws://127.0.0.1:8888/websocket --slots 200
    //   (game setup alone, create, join and both releases: the same with --moves 0 --passes 0)
    // or the coordinator's: dotnet run -c Release --project Igo.Bench -- coordinator "<Npgsql connection string>" [seconds]
    // or the soak over two instances: dotnet run -c Release --project Igo.Bench -- soak --games 200 --minutes 10 --pg "<Npgsql connection string>"
    // or what timeouts cost the store: dotnet run -c Release --project Igo.Bench -- timeouts "<Npgsql connection string>" [games=1000] [due=50]
    // or the computer players' strength matches: dotnet run -c Release --project Igo.Bench -- strength [games] [playouts]
    // or what an idle Blazor page costs the server: dotnet run -c Release --project Igo.Bench -- blazor-idle [--kinds home,9,19] [--pages 50,100]
    // or how many Blazor players one instance holds: dotnet run -c Release --project Igo.Bench -- blazor-load [--players 20,50,100,150,200]
    // or how long an engine review takes: dotnet run -c Release --project Igo.Bench -- engine-review [file.sgf] [--engine gnugo|playouts|both] [--playouts 400] [--budget 5]
    // or what spectators cost a watched game: dotnet run -c Release --project Igo.Bench -- blazor-watch [--headless] [--spectators 0,100,250,500]
    // or what one spectator costs the server per move, without a browser: dotnet run -c Release --project Igo.Bench -- blazor-watch-cost [--spectators 0,100,500]
    public static async Task<int> Main(string[] args)
    {
        if (args is ["perf-load", .. var perfOptions])
        {
            return await Compat.PerfLoad.RunAsync(perfOptions);
        }

        if (args is ["soak", .. var soakOptions])
        {
            return await Soak.SoakRunner.RunAsync(soakOptions);
        }

        if (args is ["coordinator", var connectionString, ..])
        {
            var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
            await CoordinatorLoad.RunAsync(connectionString, TimeSpan.FromSeconds(seconds));
            return 0;
        }

        if (args is ["blazor-idle", .. var idleOptions])
        {
            return await Blazor.IdleCircuits.RunAsync(idleOptions);
        }

        if (args is ["blazor-load", .. var loadOptions])
        {
            return await Blazor.BlazorLoad.RunAsync(loadOptions);
        }

        if (args is ["blazor-watch", .. var watchOptions])
        {
            return await Blazor.WatchLoad.RunAsync(watchOptions);
        }

        if (args is ["blazor-spectators", .. var spectatorOptions])
        {
            return await Blazor.SpectatorClients.RunAsync(spectatorOptions);
        }

        if (args is ["blazor-watch-cost", .. var costOptions])
        {
            return await Blazor.SpectatorCost.RunAsync(costOptions);
        }

        if (args is ["timeouts", var timeoutsConnection, ..])
        {
            await TimeoutLoad.RunAsync(timeoutsConnection, TimeoutLoad.Number(args, 2, 1000), TimeoutLoad.Number(args, 3, 50));
            return 0;
        }

        if (args is ["engine-review", .. var reviewOptions])
        {
            return await EngineReviewTiming.RunAsync(reviewOptions);
        }

        if (args is ["strength", .. var options])
        {
            await StrengthMatches.RunAsync(options);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
