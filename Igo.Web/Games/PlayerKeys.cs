using System.Security.Cryptography;

namespace Igo.Web.Games;

/// <summary>Player keys and computer secrets: 10 characters of base-62 from a cryptographic generator (docs/PROTOCOL.md §4).</summary>
internal static class PlayerKeys
{
    public const int Length = 10;

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? key) => key is { Length: Length } && key.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>Compares a secret in constant time, so its characters cannot be guessed one by one from response times.</summary>
    public static bool SecretMatches(string expected, string? given) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(given));
}
