using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Igo.Tests.Components;

/// <summary>A fresh bUnit context per test with MudBlazor's services, as the app registers them (STACK-NOTES §5b).</summary>
public abstract class ComponentTestBase : IAsyncLifetime
{
    protected ComponentTestBase()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected BunitContext Context { get; } = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    // MudBlazor registers services that only implement IAsyncDisposable: the synchronous Dispose throws.
    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
