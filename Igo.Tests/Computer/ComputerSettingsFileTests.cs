using Igo.Computer;
using Microsoft.Extensions.Configuration;

namespace Igo.Tests.Computer;

/// <summary>The root appsettings.json shows operators the computer players' settings; its values must be the code's defaults.</summary>
[Trait("Category", "Ai")]
public sealed class ComputerSettingsFileTests
{
    [Fact]
    public void The_settings_file_holds_the_computer_section_with_the_code_defaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RootSettingsFile(), optional: false).Build();
        var section = configuration.GetSection(ComputerOptions.SectionName);
        var defaults = new ComputerOptions();

        // Every setting is written out (binding alone would fill a missing one with the default and hide its absence).
        foreach (var name in new[] { "GnuGoCommand", "GnuGoMaxProcesses", "Threads", "CommandTimeout", "ThinkTimeout", "SweepInterval", "OpponentAwayGrace" })
        {
            Assert.True(section[name] is not null, $"appsettings.json lacks Computer:{name}");
        }

        var bound = section.Get<ComputerOptions>()!;
        Assert.Equal(defaults.GnuGoCommand, bound.GnuGoCommand);
        Assert.Equal(defaults.GnuGoMaxProcesses, bound.GnuGoMaxProcesses);
        Assert.Equal(defaults.Threads, bound.Threads);
        Assert.Equal(defaults.CommandTimeout, bound.CommandTimeout);
        Assert.Equal(defaults.ThinkTimeout, bound.ThinkTimeout);
        Assert.Equal(defaults.SweepInterval, bound.SweepInterval);
        Assert.Equal(defaults.OpponentAwayGrace, bound.OpponentAwayGrace);
        Assert.Empty(bound.Engines);
        Assert.Null(bound.BuiltInPlayouts);
    }

    private static string RootSettingsFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Igo.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Igo.sln not found above the test binaries."), "appsettings.json");
    }
}
