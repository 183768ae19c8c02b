namespace Igo.Data;

/// <summary>What a spectator's chosen name may be, for every UI (the column holds no more).</summary>
public static class SpectatorNames
{
    public const int MaxLength = 24;

    /// <summary>The name trimmed, or null when it is empty, too long or holds a control character.</summary>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim();
        return trimmed is { Length: > 0 and <= MaxLength } && !trimmed.Any(char.IsControl) ? trimmed : null;
    }
}
