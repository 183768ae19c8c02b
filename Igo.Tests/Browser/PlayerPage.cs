using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>One player's browser tab on Igo, with the gestures a player makes, found the way a player finds them.</summary>
public sealed partial class PlayerPage
{
    // The page's console (Blazor's own connection log goes there), kept for a failure's description.
    private readonly ConcurrentQueue<string> console = new();

    public PlayerPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
    }

    public IPage Page { get; }

    public ILocator Cell(string label) => Page.Locator($"[role=gridcell][data-point='{label}']");

    public ILocator LiveRegion => Page.Locator("[data-live-region]");

    public ILocator Status => Page.Locator(".status-panel");

    public ILocator Result => Page.Locator("[data-result]");

    public async Task OpenHomeAsync()
    {
        await Page.GotoAsync("/");
        await Expect(Page.Locator("#render-mode")).ToHaveTextAsync("interactive");
    }

    /// <summary>Starts a human game of the given size as black from the home page; answers the invite link.</summary>
    public async Task<string> CreateGameAsync(string size = "9×9", string colour = "Black")
    {
        await OpenHomeAsync();
        await Page.Locator("[data-field=size] .mud-toggle-item", new() { HasText = size }).ClickAsync();
        await Page.Locator("[data-field=colour] .mud-toggle-item", new() { HasText = colour }).ClickAsync();
        await Page.Locator("[data-action=create]").ClickAsync();

        // Blazor navigates inside the document (history.pushState): there is no load event to wait for, and
        // Page.WaitForURLAsync, which waits for one, sometimes hung although the URL had changed.
        await Expect(Page).ToHaveURLAsync(GamePath());
        await WaitForBoardAsync();
        return await Page.Locator("#invite-link").InputValueAsync();
    }

    public async Task OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        await WaitForBoardAsync();
    }

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitForBoardAsync();
    }

    /// <summary>The board's points exist only once the circuit holds the key (never while prerendering).</summary>
    public Task WaitForBoardAsync() => Expect(Page.Locator("[role=gridcell]").First).ToBeVisibleAsync();

    public async Task PlayAsync(string label, string colour)
    {
        await Cell(label).ClickAsync();
        await ExpectStoneAsync(label, colour);
    }

    public Task ExpectStoneAsync(string label, string colour) =>
        Expect(Cell(label)).ToHaveAttributeAsync("aria-label", new Regex($"^{label}, {colour} stone"));

    public Task ExpectEmptyAsync(string label) =>
        Expect(Cell(label)).ToHaveAttributeAsync("aria-label", new Regex($"^{label}, empty"));

    public Task ClickActionAsync(string action) => Page.Locator($"[data-action={action}]").ClickAsync();

    public Task AnswerAsync(bool accept) => Page.Locator($"[data-answer={(accept ? "accept" : "reject")}]").ClickAsync();

    public async Task SayAsync(string text)
    {
        await Page.Locator("#chat-input").FillAsync(text);
        await Page.Locator("#chat-input").PressAsync("Enter");
        await Expect(Page.Locator("li.msg.mine .text", new() { HasText = text })).ToBeVisibleAsync();
    }

    /// <summary>The whole page from its top: scrolled, a full-page shot draws the fixed app bar where the view was.</summary>
    public async Task ScreenshotAsync(string path)
    {
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }

    /// <summary>Where the page is and what it shows, with its console: for a failure's message, to see what a player saw.</summary>
    public async Task<string> DescribeAsync()
    {
        var text = await Page.InnerTextAsync("body", new() { Timeout = 5_000 });
        return $"page {Page.Url} shows: {text[..Math.Min(text.Length, 1_500)]}{Environment.NewLine}" +
               $"console: {string.Join(Environment.NewLine, console.TakeLast(40))}";
    }

    [GeneratedRegex(@"/game/[^/]+$")]
    private static partial Regex GamePath();
}
