using Bunit;
using Igo.Web.Components.Layout;
using MudBlazor;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class SharedThemeProviderTests : ComponentTestBase
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void It_renders_what_MudBlazors_own_provider_renders(bool dark, bool defaultScrollbar)
    {
        var mud = Context.Render<MudThemeProvider>(p => p
            .Add(t => t.Theme, IgoTheme.Theme).Add(t => t.IsDarkMode, dark).Add(t => t.DefaultScrollbar, defaultScrollbar));
        var shared = Context.Render<SharedThemeProvider>(p => p
            .Add(t => t.Theme, IgoTheme.Theme).Add(t => t.IsDarkMode, dark).Add(t => t.DefaultScrollbar, defaultScrollbar));

        Assert.Equal(mud.Markup, shared.Markup);
        Assert.Contains("--mud-palette-primary", shared.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Styles_with_the_same_text_are_one_shared_copy()
    {
        var first = new string('x', 3) + "{--a: 1}";
        var second = "xxx" + new string('{', 1) + "--a: 1}";
        Assert.NotSame(first, second);

        Assert.Same(SharedThemeProvider.Share(first).Value, SharedThemeProvider.Share(second).Value);
    }
}
