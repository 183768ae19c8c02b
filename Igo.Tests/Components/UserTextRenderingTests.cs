using Bunit;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// Text a person typed (a chat line, a key in the address bar, a refusal that quotes it) is rendered as text: markup in
/// it becomes visible characters, never an element, so nobody can run script in another player's page. (Refusals of
/// actions quote nothing a person typed: they are typed outcomes, worded by the page.)
/// </summary>
[Trait("Category", "Components")]
public sealed class UserTextRenderingTests : GamePageTestBase
{
    public static readonly TheoryData<string> Hostile = new()
    {
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "<iframe src=javascript:alert(1)></iframe>",
    };

    private const string InjectedElements = "img, script, svg, iframe";

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_chat_line_with_markup_is_shown_as_its_characters(string text)
    {
        var chat = Context.Render<ChatPanel>(p => p
            .Add(c => c.Messages, [new ChatMessage(1, Clock.GetUtcNow(), Color.White, text)])
            .Add(c => c.Player, Color.Black)
            .Add(c => c.Offset, TimeSpan.Zero)
            .Add(c => c.Send, _ => Task.FromResult(true)));

        // The line's paragraph holds the characters and no element at all (the author's stone icon beside it is an svg).
        var line = chat.Find("li.msg .text");
        Assert.Equal(text, line.TextContent);
        Assert.Empty(line.Children);
        Assert.Contains("&lt;", line.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.FindAll(InjectedElements), e => e.HasAttribute("onerror") || e.HasAttribute("onload") || e.TagName is "SCRIPT" or "IFRAME");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_key_with_markup_in_the_address_and_the_refusal_that_quotes_it_are_shown_as_text(string key)
    {
        var (providers, page) = OpenGame(key, SeatOutcome.Refused(SeatFailure.NotFound));

        page.WaitForAssertion(() => Assert.Contains(key, page.Find("[data-explanation]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(page.FindAll(InjectedElements), e => e.HasAttribute("onerror") || e.HasAttribute("onload") || e.TagName is "SCRIPT" or "IFRAME");
        Assert.DoesNotContain(providers.FindAll(InjectedElements), e => e.HasAttribute("onerror") || e.HasAttribute("onload"));
    }
}
