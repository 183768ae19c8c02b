using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Web.Computer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class ComputerPlayerCatalogTests : IDisposable
{
    private readonly FakeGtpEngine fake = new();

    public void Dispose() => fake.Dispose();

    [Fact]
    public async Task With_GNU_Go_installed_it_is_the_default_and_the_built_in_levels_follow()
    {
        GnuGo.SkipUnlessInstalled();
        await using var engines = new GtpEngines(Options.Create(new ComputerOptions()), NullLoggerFactory.Instance);
        var catalog = new ComputerPlayerCatalog(engines, Options.Create(new ComputerOptions()), NullLoggerFactory.Instance);

        var ids = catalog.Available.Select(opponent => opponent.Id).ToList();

        Assert.Equal(["gnugo", "gnugo-5", "gnugo-1", ComputerPlayerCatalog.BeginnerId, ComputerPlayerCatalog.ClubId, ComputerPlayerCatalog.StrongId], ids);
        Assert.True(catalog.GnuGoAvailable);
        Assert.IsType<GtpProfile>(catalog.Resolve(null));
        Assert.IsType<GtpBrain>(catalog.BrainFor(catalog.Default));
    }

    [Fact]
    public async Task Without_GNU_Go_the_built_in_player_is_the_default_and_says_why()
    {
        var options = Options.Create(new ComputerOptions { GnuGoCommand = "/nonexistent/gnugo" });
        await using var engines = new GtpEngines(options, NullLoggerFactory.Instance);
        var catalog = new ComputerPlayerCatalog(engines, options, NullLoggerFactory.Instance);

        var available = catalog.Available;

        Assert.Equal([ComputerPlayerCatalog.ClubId, ComputerPlayerCatalog.BeginnerId, ComputerPlayerCatalog.StrongId], available.Select(opponent => opponent.Id));
        Assert.Contains("GNU Go is not available", available[0].Description, StringComparison.Ordinal);
        Assert.False(catalog.GnuGoAvailable);
        Assert.IsType<MonteCarloBrain>(catalog.BrainFor(catalog.Default));
    }

    [Fact]
    public async Task A_game_stored_with_an_opponent_this_instance_cannot_run_gets_the_built_in_club_level()
    {
        var options = Options.Create(new ComputerOptions { GnuGoCommand = string.Empty });
        await using var engines = new GtpEngines(options, NullLoggerFactory.Instance);
        var catalog = new ComputerPlayerCatalog(engines, options, NullLoggerFactory.Instance);

        Assert.Equal(ComputerPlayerCatalog.ClubId, catalog.Resolve("gnugo").Id);
        Assert.Equal(ComputerPlayerCatalog.StrongId, catalog.Resolve(ComputerPlayerCatalog.StrongId).Id);
        Assert.False(catalog.IsAvailable("gnugo"));
        Assert.DoesNotContain("GNU Go", catalog.Available[0].Description, StringComparison.Ordinal);

        // What the game page shows: the stand-in, saying that it stands in; an opponent that runs here, as it is.
        var standIn = catalog.PlaysFor("gnugo");
        Assert.Equal(ComputerPlayerCatalog.ClubId, standIn.Id);
        Assert.Contains("cannot run on this server", standIn.Description, StringComparison.Ordinal);
        Assert.Equal(catalog.Available.Single(o => o.Id == ComputerPlayerCatalog.StrongId), catalog.PlaysFor(ComputerPlayerCatalog.StrongId));
        Assert.Equal(catalog.Available[0], catalog.PlaysFor(null));
    }

    [Fact]
    public async Task Configured_GTP_engines_bind_from_configuration_and_only_installed_ones_are_offered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Computer:GnuGoCommand"] = string.Empty,
            ["Computer:Threads"] = "1",
            ["Computer:Engines:0:Id"] = "fake",
            ["Computer:Engines:0:Name"] = "Fake engine",
            ["Computer:Engines:0:Command"] = fake.Path,
            ["Computer:Engines:0:Arguments:0"] = "--quiet",
            ["Computer:Engines:1:Id"] = "katago",
            ["Computer:Engines:1:Command"] = "/nonexistent/katago",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddIgoComputer();
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ComputerOptions>>().Value;
        var catalog = provider.GetRequiredService<ComputerPlayerCatalog>();

        Assert.Equal(["--quiet"], options.Engines[0].Arguments);
        Assert.Equal(["fake", ComputerPlayerCatalog.ClubId, ComputerPlayerCatalog.BeginnerId, ComputerPlayerCatalog.StrongId], catalog.Available.Select(opponent => opponent.Id));
        Assert.Equal("Fake engine", catalog.Available[0].Name);
        Assert.Same(catalog, provider.GetRequiredService<Igo.Computer.IComputerOpponents>());
        Assert.Equal(1, ((MonteCarloProfile)catalog.Resolve(ComputerPlayerCatalog.ClubId)).Settings.Threads);
    }
}
