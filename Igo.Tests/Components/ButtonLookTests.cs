using Bunit;
using Igo.Web.Components.Layout;
using MudBlazor;

namespace Igo.Tests.Components;

/// <summary>The game page's plain buttons look as MudBlazor's would: the same classes and icon markup.</summary>
[Trait("Category", "Components")]
public sealed class ButtonLookTests : ComponentTestBase
{
    [Theory]
    [InlineData(Variant.Filled, Color.Primary, Size.Medium)]
    [InlineData(Variant.Outlined, Color.Default, Size.Medium)]
    [InlineData(Variant.Outlined, Color.Error, Size.Medium)]
    [InlineData(Variant.Text, Color.Default, Size.Small)]
    public void A_plain_button_has_MudButtons_classes_and_start_icon(Variant variant, Color color, Size size)
    {
        var mud = Context.Render<MudButton>(p => p
            .Add(b => b.Variant, variant).Add(b => b.Color, color).Add(b => b.Size, size)
            .Add(b => b.StartIcon, Icons.Material.Filled.SkipNext).Add(b => b.ChildContent, "Pass"));

        var button = mud.Find("button");
        Assert.Equal(button.ClassName, ButtonLook.Of(variant, color, size));
        button.QuerySelector(".mud-button-label")!.InnerHtml.MarkupMatches(ButtonLook.StartIcon(Icons.Material.Filled.SkipNext, size).Value + "Pass");
    }

    [Theory]
    [InlineData(Color.Default)]
    [InlineData(Color.Primary)]
    public void A_plain_icon_button_has_MudIconButtons_classes_and_icon(Color color)
    {
        var mud = Context.Render<MudIconButton>(p => p.Add(b => b.Icon, Icons.Material.Filled.Send).Add(b => b.Color, color));

        var button = mud.Find("button");
        Assert.Equal(button.ClassName, ButtonLook.OfIconButton(color));
        button.QuerySelector(".mud-icon-button-label")!.InnerHtml.MarkupMatches(IconMarkup.Of(Icons.Material.Filled.Send).Value);
    }
}
