using System.Security.Cryptography;

namespace Igo.Data;

/// <summary>
/// A game's watch id: 128 bits from the cryptographic RNG as 32 lowercase hex digits, unrelated to either player key
/// (which are 10 base-62 characters), so sharing it never gives away a seat and it cannot be guessed.
/// </summary>
public static class WatchIds
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>Whether <paramref name="text"/> could be a watch id: anything else is refused without a look-up.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
