using Bunit;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class ChatNoticeTests : ComponentTestBase
{
    private static ChatMessage Line(long id, Color author) => new(id, DateTimeOffset.UnixEpoch, author, $"line {id}");

    private IRenderedComponent<ChatNotice> RenderNotice(params ChatMessage[] messages) =>
        Context.Render<ChatNotice>(p => p.Add(n => n.Messages, messages).Add(n => n.Player, Color.Black));

    [Fact]
    public void What_was_said_before_and_lines_while_the_chat_is_in_view_show_no_notice()
    {
        var notice = RenderNotice(Line(1, Color.White));

        notice.Render(p => p.Add(n => n.Messages, [Line(1, Color.White), Line(2, Color.White)]));

        Assert.Empty(notice.FindAll("[data-chat-notice]"));
        Assert.Single(Context.JSInterop.Invocations["igoChat.arrived"]);
    }

    [Fact]
    public async Task The_opponents_lines_out_of_view_are_counted_and_a_click_jumps_to_the_chat()
    {
        var notice = RenderNotice(Line(1, Color.White));
        await notice.InvokeAsync(() => notice.Instance.ChatInView(false));

        notice.Render(p => p.Add(n => n.Messages, [Line(1, Color.White), Line(2, Color.White), Line(3, Color.Black), Line(4, Color.White)]));

        Assert.Equal("2", notice.Find("[data-chat-notice]").GetAttribute("data-chat-notice"));
        Assert.Equal("2 new messages from White", notice.Find("[data-chat-notice] span").TextContent);
        Assert.Single(Context.JSInterop.Invocations["igoChat.arrived"]);

        notice.Find("[data-chat-notice]").Click();

        Assert.Empty(notice.FindAll("[data-chat-notice]"));
        Assert.Single(Context.JSInterop.Invocations["igoChat.show"]);
    }

    [Fact]
    public async Task Scrolling_the_chat_into_view_counts_its_lines_as_seen()
    {
        var notice = RenderNotice();
        await notice.InvokeAsync(() => notice.Instance.ChatInView(false));
        notice.Render(p => p.Add(n => n.Messages, [Line(1, Color.White)]));
        Assert.Equal("1 new message from White", notice.Find("[data-chat-notice] span").TextContent);

        await notice.InvokeAsync(() => notice.Instance.ChatInView(true));
        await notice.InvokeAsync(() => notice.Instance.ChatInView(false));

        Assert.Empty(notice.FindAll("[data-chat-notice]"));
    }

    [Fact]
    public void The_players_own_lines_are_never_news()
    {
        var notice = RenderNotice();

        notice.Render(p => p.Add(n => n.Messages, [Line(1, Color.Black)]));

        Assert.Empty(Context.JSInterop.Invocations["igoChat.arrived"]);
    }
}
