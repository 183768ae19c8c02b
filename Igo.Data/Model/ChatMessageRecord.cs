using Igo.Domain;

namespace Igo.Data.Model;

/// <summary>A chat line. <see cref="Id"/> is assigned by the database and increases within a game in commit order.</summary>
public sealed class ChatMessageRecord
{
    public long Id { get; set; }

    public long GameId { get; set; }

    public DateTimeOffset At { get; set; }

    public Color Color { get; set; }

    public required string Text { get; set; }
}
