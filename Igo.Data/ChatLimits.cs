namespace Igo.Data;

public static class ChatLimits
{
    /// <summary>The longest chat message accepted, in characters.</summary>
    public const int MaxLength = 2000;
}
