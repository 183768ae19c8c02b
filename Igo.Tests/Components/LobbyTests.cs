using System.Text.Json;
using Bunit;
using Igo.Computer;
using Igo.Domain;
using Igo.Testing.Games;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Components.Lobby;
using Igo.Web.Games;
using Igo.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class LobbyTests : ComponentTestBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly InMemoryCoordinator coordinator = new();

    public LobbyTests()
    {
        Context.Services.AddSingleton<IGameCoordinator>(coordinator);
        Context.Services.AddSingleton<IComputerOpponents>(new FakeComputerOpponents(
            new ComputerOpponent("mc-easy", "Easy", "Plays quickly and kindly"),
            new ComputerOpponent("gnugo", "GNU Go", "A classic engine")));
        Context.Services.AddIgoSecurity();
        Context.Services.AddIgoCircuits().AddIgoBrowser();
        Context.Services.AddFakeLobby(new FakeLobby());
    }

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<NewGameForm> RenderForm()
    {
        RenderInteractively();
        Context.Render<MudPopoverProvider>();
        return Context.Render<NewGameForm>();
    }

    private static void Choose(IRenderedComponent<NewGameForm> form, string field, string text) =>
        form.Find($"[data-field={field}]").QuerySelectorAll(".mud-toggle-item").Single(b => b.TextContent.Contains(text, StringComparison.Ordinal)).Click();

    [Fact]
    public void Each_single_choice_is_a_named_radio_group_of_radios_with_one_checked()
    {
        var form = RenderForm();
        Choose(form, "size", "13×13");

        foreach (var (field, name) in new[] { ("opponent", "Opponent"), ("colour", "Your colour"), ("size", "Board size"), ("rules", "Rules") })
        {
            var group = form.Find($"[data-field={field}]");
            Assert.Equal("radiogroup", group.GetAttribute("role"));
            Assert.Equal(name, group.GetAttribute("aria-label"));
            Assert.All(group.QuerySelectorAll(".mud-toggle-item"), item => Assert.Equal("radio", item.GetAttribute("role")));
            Assert.Single(group.QuerySelectorAll("[aria-checked=true]"));
        }

        Assert.Contains("13×13", form.Find("[data-field=size] [aria-checked=true]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_a_game_sends_the_chosen_options_and_opens_it_with_the_seat_handed_over()
    {
        var seat = new FakeGameSeat("NewBlack01", Color.White, Snapshots.Of(TestViews.Empty(13)));
        coordinator.AnswerCreate = _ => SeatOutcome.Held(seat);
        var form = RenderForm();

        Choose(form, "colour", "White");
        Choose(form, "size", "13×13");
        Choose(form, "rules", "Chinese");
        form.Find("[data-action=create]").Click();

        var (request, holder) = Assert.Single(coordinator.Creations);
        Assert.Equal(new NewGameRequest(13, Ruleset.Chinese(7.5), Color.White, OpponentKind.Human, null), request);
        Assert.Equal(ConnectionKind.Circuit, holder.Kind);
        Assert.EndsWith("/game/NewBlack01", Navigation.Uri, StringComparison.Ordinal);
        Assert.Same(seat, Context.Services.GetRequiredService<SeatHandOff>().Take("NewBlack01"));
    }

    [Fact]
    public void Settings_the_rules_refuse_are_explained_in_the_pages_words()
    {
        coordinator.AnswerCreate = _ => SeatOutcome.InvalidBecause(InvalidRequest.Settings, SettingsRefusal.Handicap);
        var form = RenderForm();

        form.Find("[data-action=create]").Click();

        Assert.Single(coordinator.Creations);
        Assert.Equal("Handicap stones (2 to 9) go on 9×9, 13×13 or 19×19 boards only.", form.Find("[data-create-error]").TextContent.Trim());
        Assert.DoesNotContain("/game/", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computer_opponent_is_picked_from_the_catalogue()
    {
        coordinator.AnswerCreate = _ => SeatOutcome.Refused(SeatFailure.Unavailable);
        var form = RenderForm();

        Choose(form, "opponent", "The computer");
        Choose(form, "size", "9×9");
        form.Find("[data-action=create]").Click();

        var (request, _) = Assert.Single(coordinator.Creations);
        Assert.Equal(OpponentKind.Computer, request.Opponent);
        Assert.Equal("mc-easy", request.ComputerLevel);
        Assert.Equal(9, request.Size);
        Assert.Contains("Plays quickly and kindly", form.Markup, StringComparison.Ordinal);
        Assert.Equal("The game server can't be reached just now. Try again in a moment.", form.Find("[data-create-error]").TextContent.Trim());
        Assert.DoesNotContain("/game/", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handicap_lowers_the_komi_to_half_a_point()
    {
        Assert.Equal(0.5, NewGameOptions.UsualKomi(RulesChoice.Japanese, 4));
        Assert.Equal(6.5, NewGameOptions.UsualKomi(RulesChoice.Japanese, 0));
        Assert.Equal(7.5, NewGameOptions.UsualKomi(RulesChoice.Chinese, 0));
        var options = new NewGameOptions { Handicap = 3, Komi = 0.5 };
        Assert.Equal(3, options.ToRequest(new Random(1)).Rules.Handicap);
    }

    [Fact]
    public void A_random_colour_is_drawn_from_the_given_random_source()
    {
        var options = new NewGameOptions { Colour = ColourChoice.Random };

        var colours = Enumerable.Range(0, 40).Select(seed => options.ToRequest(new Random(seed)).CreatorColor).Distinct().ToList();

        Assert.Equal(2, colours.Count);
    }

    [Theory]
    [InlineData("AbCdE12345", "AbCdE12345")]
    [InlineData("  AbCdE12345 ", "AbCdE12345")]
    [InlineData("http://localhost:8888/game/AbCdE12345", "AbCdE12345")]
    [InlineData("https://igo.example/game/AbCdE12345?x=1#top", "AbCdE12345")]
    [InlineData("", null)]
    [InlineData("two words", null)]
    public void A_key_is_read_from_a_key_or_an_invite_link(string text, string? expected)
    {
        Assert.Equal(expected, JoinGameForm.KeyFrom(text));
    }

    [Fact]
    public void Joining_opens_the_game_page_of_the_key()
    {
        var form = Context.Render<JoinGameForm>();

        form.Find("#join-key").Input("http://localhost:8888/game/WhiteKey99");
        form.Find("#join-key").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.EndsWith("/game/WhiteKey99", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Joining_with_nothing_entered_explains_what_is_needed()
    {
        var form = Context.Render<JoinGameForm>();

        form.Find("[data-action=join]").Click();

        Assert.Contains("Enter the key you were given", form.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("/game/", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Recent_games_of_this_browser_are_listed_newest_first_with_a_link_to_resume()
    {
        var stored = new[]
        {
            new RecentGame("OlderKey01", Color.White, 9, "computer", Clock.GetUtcNow().AddDays(-2), "Black wins by 3.5 points"),
            new RecentGame("NewerKey01", Color.Black, 19, "human", Clock.GetUtcNow().AddMinutes(-5), "Move 42"),
        };
        Context.JSInterop.Setup<string?>("igo.storage.get", RecentGames.StorageName)
            .SetResult(JsonSerializer.Serialize(stored, Json));
        RenderInteractively();

        var list = Context.Render<RecentGamesList>();

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("li[data-recent-key]").Count));
        var links = list.FindAll("a.resume");
        Assert.Equal("/game/NewerKey01", links[0].GetAttribute("href"));
        Assert.Contains("19×19 against a person", links[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("5 min ago", links[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/game/OlderKey01", links[1].GetAttribute("href"));
        Assert.Contains("Black wins by 3.5 points", links[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_stored_games_the_list_explains_itself()
    {
        RenderInteractively();

        var list = Context.Render<RecentGamesList>();

        list.WaitForAssertion(() => Assert.Contains("Games you play in this browser appear here", list.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remembering_a_game_puts_it_first_and_keeps_one_entry_per_key()
    {
        Context.JSInterop.Setup<string?>("igo.storage.get", _ => true).SetResult(null);
        Context.JSInterop.SetupVoid("igo.storage.set", _ => true).SetVoidResult();
        var recent = Context.Services.GetRequiredService<RecentGames>();

        await recent.RememberAsync(new RecentGame("KeyOne0001", Color.Black, 9, "human", Clock.GetUtcNow(), "Move 1"));

        var written = Context.JSInterop.VerifyInvoke("igo.storage.set");
        Assert.Equal(RecentGames.StorageName, written.Arguments[0]);
        var games = JsonSerializer.Deserialize<List<RecentGame>>((string)written.Arguments[1]!, Json);
        Assert.Equal("KeyOne0001", Assert.Single(games!).Key);
    }
}
