using Microsoft.JSInterop;

namespace Igo.Web.Browser;

/// <summary>
/// The browser's local storage, through the small igo.js helpers (which swallow storage that is disabled or full).
/// Only callable once the circuit is interactive, never while prerendering.
/// </summary>
public sealed class BrowserStorage(IJSRuntime js)
{
    public ValueTask<string?> GetAsync(string name) => js.InvokeAsync<string?>("igo.storage.get", name);

    public ValueTask SetAsync(string name, string value) => js.InvokeVoidAsync("igo.storage.set", name, value);
}
