using Igo.Testing.Games;
using Igo.Tests.Infrastructure;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Compat;

/// <summary>The app on a real port with <see cref="InMemoryCoordinator"/> in place of the real one.</summary>
public sealed class InMemoryCoordinatorApp : IAsyncLifetime
{
    public InMemoryCoordinator Coordinator { get; } = new();

    public AppOnRealPort App { get; private set; } = null!;

    /// <summary>The app with <paramref name="coordinator"/>; <paramref name="services"/> adds a test's own registrations.</summary>
    public static AppOnRealPort Start(InMemoryCoordinator coordinator, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        AppOnRealPort.Start(SharedAppLimits.With(settings), collection =>
        {
            collection.AddSingleton<IGameCoordinator>(coordinator);
            services?.Invoke(collection);
        });

    public ValueTask InitializeAsync()
    {
        App = Start(Coordinator);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>The protocol suite against the translation layer on the coordinator in memory (the real rules, no store).</summary>
[Trait("Category", "Compat")]
public sealed class ProtocolSuiteInMemory(InMemoryCoordinatorApp fixture) : ProtocolSuite, IClassFixture<InMemoryCoordinatorApp>
{
    protected override AppOnRealPort App => fixture.App;
}

/// <summary>The bad-input suite against the translation layer on the coordinator in memory (the real rules, no store).</summary>
[Trait("Category", "Compat")]
public sealed class BadInputSuiteInMemory(InMemoryCoordinatorApp fixture) : BadInputSuite, IClassFixture<InMemoryCoordinatorApp>
{
    protected override AppOnRealPort App => fixture.App;
}
