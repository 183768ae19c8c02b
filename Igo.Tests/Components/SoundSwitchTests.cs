using Bunit;
using Igo.Web.Browser;
using Igo.Web.Components.Play;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class SoundSwitchTests : ComponentTestBase
{
    public SoundSwitchTests() => Context.Services.AddIgoBrowser();

    private IRenderedComponent<SoundSwitch> RenderSwitch()
    {
        RenderInteractively();
        return Context.Render<SoundSwitch>(p => p
            .Add(s => s.Preference, Preferences.ChatSound)
            .Add(s => s.Option, "chat-sound")
            .Add(s => s.Label, "Chime for chat messages"));
    }

    [Fact]
    public void The_chat_chime_is_off_unless_chosen_and_the_choice_is_remembered()
    {
        var chime = RenderSwitch();
        Assert.False(chime.Find("[data-option=chat-sound] input").HasAttribute("checked"));

        chime.Find("input[type=checkbox]").Change(true);

        var stored = Context.JSInterop.VerifyInvoke("igo.storage.set");
        Assert.Equal([Preferences.ChatSound, "true"], stored.Arguments);
    }

    [Fact]
    public void A_remembered_choice_is_shown_on()
    {
        Context.JSInterop.Setup<string?>("igo.storage.get", Preferences.ChatSound).SetResult("true");

        var chime = RenderSwitch();

        chime.WaitForAssertion(() => Assert.True(chime.Find("input[type=checkbox]").HasAttribute("checked")));
    }
}
