using System.Text;
using Igo.Domain;
using Igo.Web.Compat;
using Igo.Web.Games;

namespace Igo.Tests.Compat;

/// <summary>Frames are written through one reused buffer per thread: each must carry exactly its own message.</summary>
[Trait("Category", "Compat")]
public sealed class OutboundFrameTests
{
    private const string ErrorFrame = """{"messageType":"error","data":{"errorMessage":"x"}}""";

    [Fact]
    public void A_small_frame_after_a_full_19x19_status_carries_nothing_of_it()
    {
        var status = OutboundMessages.GameStatus(Views.Snapshot(Views.Empty(19)));
        var error = OutboundMessages.Error("x");

        Assert.True(status.Length > 7_000, $"a 19x19 status is {status.Length} bytes");
        Assert.Equal(ErrorFrame, Encoding.UTF8.GetString(error));
    }

    [Fact]
    public void A_frame_larger_than_the_kept_buffer_is_whole_and_the_next_one_is_clean()
    {
        var thread = Enumerable.Range(1, 400)
            .Select(i => new ChatMessage(i, DateTimeOffset.UnixEpoch, i % 2 == 0 ? Color.Black : Color.White, new string('m', 200)))
            .ToList();

        var chat = Encoding.UTF8.GetString(OutboundMessages.Chat(thread, isComplete: true));
        var error = Encoding.UTF8.GetString(OutboundMessages.Error("x"));

        Assert.True(chat.Length > 64 * 1024, $"the chat frame is {chat.Length} bytes");
        Assert.StartsWith("""{"messageType":"chat","data":{"thread":[{"timestamp":0,"color":"white","message":"mmm""", chat, StringComparison.Ordinal);
        Assert.EndsWith("\",\"id\":400}],\"isComplete\":true}}", chat, StringComparison.Ordinal);
        Assert.Equal(ErrorFrame, error);
    }

    [Fact]
    public void Frames_written_on_many_threads_at_once_are_each_their_own()
    {
        var frames = new string[64];

        Parallel.For(0, frames.Length, i => frames[i] = Encoding.UTF8.GetString(OutboundMessages.Error($"message {i}")));

        for (var i = 0; i < frames.Length; i++)
        {
            Assert.Equal(ErrorFrame.Replace("\"x\"", $"\"message {i}\"", StringComparison.Ordinal), frames[i]);
        }
    }
}
