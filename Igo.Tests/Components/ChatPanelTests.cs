using Bunit;
using Igo.Domain;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components.Web;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class ChatPanelTests : ComponentTestBase
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 5, 0, TimeSpan.Zero);
    private readonly List<string> sent = [];
    private bool accept = true;

    private IRenderedComponent<ChatPanel> RenderChat(IReadOnlyList<ChatMessage> messages, TimeSpan? offset = null) =>
        Context.Render<ChatPanel>(p => p
            .Add(c => c.Messages, messages)
            .Add(c => c.Player, Color.Black)
            .Add(c => c.Offset, offset ?? TimeSpan.Zero)
            .Add(c => c.Send, text =>
            {
                sent.Add(text);
                return Task.FromResult(accept);
            }));

    [Fact]
    public void Messages_show_author_and_local_time()
    {
        var chat = RenderChat(
        [
            new ChatMessage(1, Noon, Color.White, "Good luck"),
            new ChatMessage(2, Noon.AddMinutes(1), Color.Black, "You too"),
        ], TimeSpan.FromHours(2));

        var messages = chat.FindAll("li.msg");
        Assert.Equal(2, messages.Count);
        Assert.Contains("White", messages[0].QuerySelector(".author")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("14:05", messages[0].QuerySelector("time")!.TextContent);
        Assert.Equal("Good luck", messages[0].QuerySelector(".text")!.TextContent);
        Assert.Equal("You", messages[1].QuerySelector(".author")!.TextContent);
        Assert.Contains("mine", messages[1].ClassList);
    }

    [Fact]
    public void Enter_sends_the_trimmed_text_and_clears_the_input()
    {
        var chat = RenderChat([]);

        chat.Find("#chat-input").Input("  hello there ");
        chat.Find("#chat-input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["hello there"], sent);
        Assert.Equal(string.Empty, chat.Find("#chat-input").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public void A_refused_message_stays_in_the_input_to_be_fixed()
    {
        accept = false;
        var chat = RenderChat([]);

        chat.Find("#chat-input").Input("too long");
        chat.Find("[data-action=send]").Click();

        Assert.Equal(["too long"], sent);
        Assert.Equal("too long", chat.Find("#chat-input").GetAttribute("value"));
    }

    [Fact]
    public void An_empty_message_is_not_sent()
    {
        var chat = RenderChat([]);

        chat.Find("#chat-input").Input("   ");
        chat.Find("#chat-input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Empty(sent);
    }

    [Fact]
    public void New_messages_from_the_opponent_are_marked_unread_until_the_player_looks()
    {
        List<ChatMessage> history = [new(1, Noon, Color.White, "hi")];
        var chat = RenderChat(history);
        Assert.Empty(chat.FindAll("[data-unread]"));

        chat.Render(p => p.Add(c => c.Messages, [.. history, new(2, Noon, Color.Black, "hello"), new(3, Noon, Color.White, "ready?"), new(4, Noon, Color.White, "go")]));

        Assert.Equal("2", chat.Find("[data-unread]").GetAttribute("data-unread"));
        var items = chat.FindAll(".chat-list li").Select(li => li.ClassName).ToList();
        Assert.Equal(["msg theirs", "msg mine", "unread-divider", "msg theirs", "msg theirs"], items);

        // The log role sits on a wrapper, so the list keeps its own and every item is a plain list item.
        Assert.Equal("OL", chat.Find("[role=log] > .chat-list").TagName);
        Assert.Empty(chat.FindAll("ol[role], li[role], header"));

        chat.Find("section.chat").Click();

        Assert.Empty(chat.FindAll("[data-unread]"));
        Assert.Empty(chat.FindAll(".unread-divider"));
    }
}
