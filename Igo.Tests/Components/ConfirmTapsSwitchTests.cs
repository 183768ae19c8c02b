using Bunit;
using Igo.Web.Browser;
using Igo.Web.Components.Play;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class ConfirmTapsSwitchTests : ComponentTestBase
{
    private readonly List<bool> changes = [];

    public ConfirmTapsSwitchTests() => Context.Services.AddIgoBrowser();

    private IRenderedComponent<ConfirmTapsSwitch> RenderSwitch(bool value = false)
    {
        RenderInteractively();
        return Context.Render<ConfirmTapsSwitch>(p => p.Add(s => s.Value, value).Add(s => s.ValueChanged, changes.Add));
    }

    [Fact]
    public void Without_a_remembered_choice_a_touch_screen_turns_it_on()
    {
        Context.JSInterop.Setup<bool>("igo.prefersTouch").SetResult(true);

        var toggle = RenderSwitch();

        toggle.WaitForAssertion(() => Assert.Equal([true], changes));
    }

    [Fact]
    public void A_remembered_choice_wins_over_the_touch_screen()
    {
        Context.JSInterop.Setup<string?>("igo.storage.get", Preferences.ConfirmTaps).SetResult("false");
        Context.JSInterop.Setup<bool>("igo.prefersTouch").SetResult(true);

        RenderSwitch();

        Assert.Empty(changes);
        Assert.Empty(Context.JSInterop.Invocations["igo.prefersTouch"]);
    }

    [Fact]
    public void Switching_it_tells_the_page_and_remembers_the_choice()
    {
        var toggle = RenderSwitch();
        Assert.NotNull(toggle.Find("[data-option=confirm-taps]"));
        Assert.Contains("Tap twice to play", toggle.Markup, StringComparison.Ordinal);

        toggle.Find("input[type=checkbox]").Change(true);

        Assert.Equal([true], changes);
        var stored = Context.JSInterop.VerifyInvoke("igo.storage.set");
        Assert.Equal([Preferences.ConfirmTaps, "true"], stored.Arguments);
    }
}
