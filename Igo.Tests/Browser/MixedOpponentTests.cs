using Igo.Testing.Sockets;
using Igo.Tests.Compat;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class MixedOpponentTests(BrowserHost host)
{
    [Fact]
    public async Task A_Blazor_player_and_an_igo_frontend_player_on_the_compatibility_socket_play_each_other()
    {
        var black = await host.NewPlayerAsync();
        await using var white = await ProtocolClient.ConnectAsync(host.App.WebSocketUri(), TestContext.Current.CancellationToken);
        try
        {
            await black.CreateGameAsync();
            var whiteKey = await black.Page.Locator("#opponent-key").InputValueAsync();

            await white.SendAsync(Wire.Join(whiteKey));
            Assert.True((await white.WaitForAsync("join_game_response")).Flag("success"));
            await Expect(black.Page.Locator("[data-opponent-away]")).ToHaveCountAsync(0);

            await black.PlayAsync("D4", "black");
            await white.WaitForAsync("game_status", status => status.PointAt(5, 3) == """["b",false,false,""]""");

            await white.SendAsync(Wire.Place(whiteKey, 2, 2));
            await black.ExpectStoneAsync("C7", "white");
            await Expect(black.LiveRegion).ToHaveTextAsync("White C7");

            await white.SendAsync(Wire.Chat(whiteKey, "hello from the React client"));
            await Expect(black.Page.Locator("li.msg.theirs .text")).ToHaveTextAsync("hello from the React client");
            await black.SayAsync("hello from Blazor");
            await white.WaitForAsync("chat", chat => chat.GetRawText().Contains("hello from Blazor", StringComparison.Ordinal));

            await white.CloseAsync();
            await Expect(black.Page.Locator("[data-opponent-away]")).ToBeVisibleAsync();
        }
        finally
        {
            await black.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_player_can_play_the_computer()
    {
        var player = await host.NewPlayerAsync();
        try
        {
            await player.OpenHomeAsync();
            await player.Page.Locator("[data-field=opponent] .mud-toggle-item", new() { HasText = "The computer" }).ClickAsync();
            await player.Page.Locator("[data-field=size] .mud-toggle-item", new() { HasText = "9×9" }).ClickAsync();
            await player.Page.Locator("[data-action=create]").ClickAsync();
            await player.WaitForBoardAsync();
            await Expect(player.Page.Locator("#invite-link")).ToHaveCountAsync(0);

            await player.PlayAsync("E5", "black");

            // The computer answers on its own; its move arrives pushed, and it is the player's turn again.
            await Expect(player.LiveRegion).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^White ([A-J][1-9]|passed)"), new() { Timeout = 60_000 });
            await Expect(player.Page.Locator("[data-status]")).ToContainTextAsync("Your move");
            var whiteCard = player.Page.Locator(".player-card", new() { HasText = "White" });
            await Expect(whiteCard.Locator(".presence")).ToContainTextAsync("computer");

            // The card names the computer player that was chosen (the default one here).
            await Expect(whiteCard.Locator("[data-computer]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(GNU Go|Built-in, club)$"));
            await Expect(player.Page.Locator("[data-action=pass]")).ToBeEnabledAsync();
            await player.ScreenshotAsync(Screenshots.PathOf("computer-game-light.png"));
        }
        finally
        {
            await player.Page.Context.CloseAsync();
        }
    }
}
