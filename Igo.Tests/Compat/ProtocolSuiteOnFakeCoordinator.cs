using Igo.Tests.Infrastructure;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Compat;

/// <summary>The app on a real port with <see cref="FakeCoordinator"/> in place of the real one.</summary>
public sealed class FakeCoordinatorApp : IAsyncLifetime
{
    public FakeCoordinator Coordinator { get; } = new();

    public AppOnRealPort App { get; private set; } = null!;

    public static AppOnRealPort Start(FakeCoordinator coordinator, IReadOnlyDictionary<string, string?>? settings = null) =>
        AppOnRealPort.Start(SharedAppLimits.With(settings), services => services.AddSingleton<IGameCoordinator>(coordinator));

    public ValueTask InitializeAsync()
    {
        App = Start(Coordinator);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>The protocol suite against the translation layer alone (the fake coordinator).</summary>
[Trait("Category", "Compat")]
public sealed class ProtocolSuiteOnFakeCoordinator(FakeCoordinatorApp fixture) : ProtocolSuite, IClassFixture<FakeCoordinatorApp>
{
    protected override AppOnRealPort App => fixture.App;
}

/// <summary>The bad-input suite against the translation layer alone (the fake coordinator).</summary>
[Trait("Category", "Compat")]
public sealed class BadInputSuiteOnFakeCoordinator(FakeCoordinatorApp fixture) : BadInputSuite, IClassFixture<FakeCoordinatorApp>
{
    protected override AppOnRealPort App => fixture.App;
}
