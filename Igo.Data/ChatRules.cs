namespace Igo.Data;

/// <summary>Why a chat line is refused (<see cref="ChatRules.Check"/>).</summary>
public enum ChatRefusal
{
    /// <summary>Nothing but white space, or nothing at all.</summary>
    Empty,

    /// <summary>Longer than <see cref="ChatRules.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>Holds a NUL character, which a PostgreSQL text column cannot store.</summary>
    HasNul,
}

/// <summary>What a chat line may be, for every UI: the one place the limit is set (the column holds no more).</summary>
public static class ChatRules
{
    /// <summary>The longest chat line accepted, in characters (UTF-16 code units).</summary>
    public const int MaxLength = 2000;

    /// <summary>Null when the line may be posted; else why not.</summary>
    public static ChatRefusal? Check(string? text) => text switch
    {
        null => ChatRefusal.Empty,
        _ when string.IsNullOrWhiteSpace(text) => ChatRefusal.Empty,
        { Length: > MaxLength } => ChatRefusal.TooLong,
        _ when text.Contains('\0', StringComparison.Ordinal) => ChatRefusal.HasNul,
        _ => null,
    };
}
