using Bunit;
using Igo.Web.Components.Play;
using MudBlazor;

namespace Igo.Tests.Components;

/// <summary>The player cards' chips look as MudBlazor's would: the same classes, icon and content.</summary>
[Trait("Category", "Components")]
public sealed class ChipLookTests : ComponentTestBase
{
    [Theory]
    [InlineData("to move", Color.Primary, null)]
    [InlineData("winner", Color.Success, Icons.Material.Filled.EmojiEvents)]
    public void A_chip_has_MudChips_markup(string text, Color color, string? icon)
    {
        var mud = Context.Render<MudChip<string>>(p => p
            .Add(c => c.Size, Size.Small).Add(c => c.Color, color).Add(c => c.Variant, Variant.Filled)
            .Add(c => c.Icon, icon).Add(c => c.Class, "ms-1").AddChildContent(text));
        var ours = Context.Render(builder => builder.AddContent(0, ChipLook.Of(text, color, icon)));

        // MudChip's container also carries an id and a key handler, which only a clickable chip uses.
        Assert.Equal(mud.Find(".mud-chip-container").ClassName, ours.Find(".mud-chip-container").ClassName);
        ours.Find(".mud-chip-container").InnerHtml.MarkupMatches(mud.Find(".mud-chip-container").InnerHtml);
    }
}
