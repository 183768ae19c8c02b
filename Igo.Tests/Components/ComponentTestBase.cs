using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Igo.Tests.Components;

/// <summary>A fresh bUnit context per test with MudBlazor's services, as the app registers them (docs/DEVELOPMENT.md, component tests).</summary>
public abstract class ComponentTestBase : IAsyncLifetime
{
    protected ComponentTestBase()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton<TimeProvider>(Clock);

        // What the app binds its options from; empty, so every setting has its default.
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
    }

    protected BunitContext Context { get; } = new();

    /// <summary>The time every component sees; it stands still unless a test moves it.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Renders as an interactive Blazor Server circuit (components that read RendererInfo need it). Call it after
    /// registering the test's services: it starts the service provider.
    /// </summary>
    protected void RenderInteractively() => Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    // MudBlazor registers services that only implement IAsyncDisposable: the synchronous Dispose throws.
    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
