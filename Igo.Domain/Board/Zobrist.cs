namespace Igo.Domain;

/// <summary>
/// The Zobrist keys: one random 64-bit key per (point, colour), generated once from a fixed seed so that a
/// position hashes the same in every process and every run (hashes may be persisted and compared).
/// The hash of a board is the XOR of the keys of its stones; the empty board hashes to 0.
/// </summary>
internal static class Zobrist
{
    /// <summary>XORed into a position hash when white is to move (situational superko tells positions apart by it).</summary>
    public const ulong WhiteToMove = 0x6A09E667F3BCC909UL;

    private const ulong Seed = 0x243F6A8885A308D3UL;

    // Immutable after the type initializer: keys for (row, col, colour) on the largest board; smaller boards use the top-left corner.
    private static readonly ulong[] Keys = Generate(Board.MaxSize * Board.MaxSize * 2);

    public static ulong Key(int row, int col, Color color) =>
        Keys[(((row * Board.MaxSize) + col) * 2) + (color == Color.Black ? 0 : 1)];

    private static ulong[] Generate(int count)
    {
        var keys = new ulong[count];
        var state = Seed;
        for (var i = 0; i < count; i++)
        {
            keys[i] = SplitMix64(ref state);
        }

        return keys;
    }

    // SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and well distributed enough for hashing keys.
    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
