using Bunit;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class LayoutTests : ComponentTestBase
{
    public LayoutTests() => Context.Services.AddIgoCircuits().AddIgoBrowser();

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=body>page</p>"))));

    [Fact]
    public void A_remembered_dark_theme_is_applied_and_the_toggle_switches_and_remembers_light()
    {
        Context.JSInterop.Setup<string?>("igo.storage.get", Preferences.DarkTheme).SetResult("true");
        RenderInteractively();

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find(".igo-dark #body")));
        Assert.Equal("Switch to the light theme", layout.Find("[data-action=toggle-theme]").GetAttribute("aria-label"));

        layout.Find("[data-action=toggle-theme]").Click();

        Assert.NotNull(layout.Find(".igo-light #body"));
        var stored = Context.JSInterop.VerifyInvoke("igo.storage.set");
        Assert.Equal([Preferences.DarkTheme, "false"], stored.Arguments);
    }

    [Fact]
    public void The_page_has_one_banner_the_app_bar_and_its_body_in_one_main_landmark()
    {
        RenderInteractively();

        var layout = RenderLayout();

        Assert.Single(layout.FindAll("header"));
        Assert.Single(layout.FindAll("main"));
        Assert.NotNull(layout.Find("main #body"));
        Assert.Empty(layout.FindAll("main header"));
    }

    [Fact]
    public void Without_a_remembered_choice_the_light_theme_is_the_default_here()
    {
        RenderInteractively();

        var layout = RenderLayout();

        Assert.NotNull(layout.Find(".igo-light #body"));
        Assert.Equal("Switch to the dark theme", layout.Find("[data-action=toggle-theme]").GetAttribute("aria-label"));
    }
}
