using Bunit;
using Igo.Computer;
using Igo.Domain;
using Igo.Testing.Games;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Components.Lobby;
using Igo.Web.Games;
using Igo.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>The new-game form's time control: presets, custom controls checked by the Domain, and the choices remembered.</summary>
[Trait("Category", "Components")]
public sealed class TimeControlFormTests : ComponentTestBase
{
    private readonly InMemoryCoordinator coordinator = new();

    public TimeControlFormTests()
    {
        Context.Services.AddSingleton<IGameCoordinator>(coordinator);
        Context.Services.AddSingleton<IComputerOpponents>(new FakeComputerOpponents(new ComputerOpponent("mc-easy", "Easy", "Plays quickly and kindly")));
        Context.Services.AddIgoSecurity();
        Context.Services.AddIgoCircuits().AddIgoBrowser();
        Context.Services.AddFakeLobby(new FakeLobby());
    }

    [Theory]
    [InlineData(TimePreset.Blitz, "5 min + 3 × 10 s byo-yomi")]
    [InlineData(TimePreset.Rapid, "10 min + 5 × 30 s byo-yomi")]
    [InlineData(TimePreset.Live, "20 min + 5 × 30 s byo-yomi")]
    [InlineData(TimePreset.Fischer, "5 min + 5 s a move (Fischer)")]
    public void A_preset_starts_a_game_under_its_control(TimePreset preset, string written)
    {
        var form = RenderForm();

        form.Find($"[data-preset={preset}] input").Change(true);
        Assert.Equal($"Each player: {written}.", form.Find("[data-time-summary]").TextContent);
        form.Find("[data-action=create]").Click();

        var (request, _) = Assert.Single(coordinator.Creations);
        Assert.Equal(written, Igo.Web.Components.Play.ClockText.Control(request.TimeControl!));
    }

    [Fact]
    public void No_time_control_starts_an_untimed_game()
    {
        RenderForm().Find("[data-action=create]").Click();

        Assert.Null(Assert.Single(coordinator.Creations).Request.TimeControl);
    }

    [Fact]
    public void A_custom_control_is_built_from_its_fields()
    {
        var form = RenderForm();
        form.Find("[data-preset=Custom] input").Change(true);
        form.Find("[data-system=Canadian] input").Change(true);
        form.Find("[data-time-field=main]").Change("15");
        form.Find("[data-time-field=stones]").Change("20");
        form.Find("[data-time-field=block]").Change("4:30");

        form.Find("[data-action=create]").Click();

        Assert.Equal(TimeControl.Canadian(TimeSpan.FromMinutes(15), 20, TimeSpan.FromSeconds(270)), Assert.Single(coordinator.Creations).Request.TimeControl);
    }

    [Theory]
    [InlineData("ByoYomi", "periods", "0", "Byo-yomi has 1 to 60 periods.")]
    [InlineData("ByoYomi", "period", "0", "A byo-yomi period must last 1 s to 1 h.")]
    [InlineData("Absolute", "main", "0", "Main time must be more than 0 and at most 24 h.")]
    [InlineData("Absolute", "main", "ten", "Main time: write minutes (10) or minutes and seconds (0:30).")]
    [InlineData("Fischer", "cap", "1", "The cap must be at least the main time and the increment, and at most 24 h.")]
    public void A_custom_control_the_domain_refuses_is_explained_and_starts_nothing(string system, string field, string value, string message)
    {
        var form = RenderForm();
        form.Find("[data-preset=Custom] input").Change(true);
        form.Find($"[data-system={system}] input").Change(true);
        form.Find($"[data-time-field={field}]").Change(value);

        Assert.Equal(message, form.Find("[data-time-error]").TextContent);
        form.Find("[data-action=create]").Click();

        Assert.Empty(coordinator.Creations);
        Assert.Equal($"Time control: {message}", form.Find("[data-create-error]").TextContent.Trim());
    }

    [Fact]
    public void Time_choices_are_radio_buttons_in_a_group()
    {
        var form = RenderForm();

        var presets = form.FindAll("[data-field=time] input[name=time-preset]");
        Assert.Equal(6, presets.Count);
        Assert.All(presets, input => Assert.Equal("radio", input.GetAttribute("type")));
        Assert.Equal("Time control", form.Find("[data-field=time] > legend").TextContent);
    }

    [Fact]
    public void The_last_choices_are_remembered_and_offered_again()
    {
        var form = RenderForm();
        form.Find("[data-preset=Custom] input").Change(true);
        form.Find("[data-system=Absolute] input").Change(true);
        form.Find("[data-time-field=main]").Change("0:10");
        form.Find("[data-field=size]").QuerySelectorAll(".mud-toggle-item").Single(b => b.TextContent.Contains("9×9", StringComparison.Ordinal)).Click();
        form.Find("[data-action=create]").Click();
        Assert.Equal(TimeControl.Absolute(TimeSpan.FromSeconds(10)), Assert.Single(coordinator.Creations).Request.TimeControl);
        var saved = (string)Context.JSInterop.VerifyInvoke("igo.storage.set").Arguments[1]!;

        // A new page in the same browser reads them back.
        Context.JSInterop.Setup<string?>("igo.storage.get", Preferences.NewGame).SetResult(saved);
        var restored = Context.Render<NewGameForm>();

        restored.WaitForAssertion(() => Assert.Equal("0:10", restored.Find("[data-time-field=main]").GetAttribute("value")));
        Assert.NotNull(restored.Find("[data-system=Absolute] input").GetAttribute("checked"));
        restored.Find("[data-action=create]").Click();
        var request = coordinator.Creations[^1].Request;
        Assert.Equal(9, request.Size);
        Assert.Equal(TimeControl.Absolute(TimeSpan.FromSeconds(10)), request.TimeControl);
        Assert.Equal(Color.Black, request.CreatorColor);
    }

    private IRenderedComponent<NewGameForm> RenderForm()
    {
        RenderInteractively();
        Context.Render<MudPopoverProvider>();
        return Context.Render<NewGameForm>();
    }
}
