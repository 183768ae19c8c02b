using System.Buffers.Binary;
using System.Text;

namespace Igo.Testing.Circuits;

/// <summary>
/// The strings of one render batch, read from its string table: every text, attribute value and markup the batch
/// sends. Blazor's RenderBatchWriter ends a batch with five little-endian int32 offsets of its sections, the last that
/// of the string table: one int32 position per string, each pointing at a 7-bit-length-prefixed UTF-8 string.
/// </summary>
public static class RenderBatchStrings
{
    private const int Sections = 5;

    public static IReadOnlyList<string> Read(ReadOnlySpan<byte> batch)
    {
        if (batch.Length < Sections * 4)
        {
            return [];
        }

        var tail = batch.Length - (Sections * 4);
        var table = BinaryPrimitives.ReadInt32LittleEndian(batch[(tail + ((Sections - 1) * 4))..]);
        if (table < 0 || table > tail || (tail - table) % 4 != 0)
        {
            throw new FormatException($"Not a render batch: string table at {table} of {batch.Length} bytes");
        }

        var strings = new List<string>((tail - table) / 4);
        for (var entry = table; entry < tail; entry += 4)
        {
            var position = BinaryPrimitives.ReadInt32LittleEndian(batch[entry..]);
            var (length, prefix) = ReadLength(batch, position);
            strings.Add(Encoding.UTF8.GetString(batch.Slice(position + prefix, length)));
        }

        return strings;
    }

    // BinaryWriter's 7-bit encoded length.
    private static (int Length, int Bytes) ReadLength(ReadOnlySpan<byte> batch, int position)
    {
        var length = 0;
        for (var i = 0; i < 5; i++)
        {
            var part = batch[position + i];
            length |= (part & 0x7F) << (7 * i);
            if ((part & 0x80) == 0)
            {
                return (length, i + 1);
            }
        }

        throw new FormatException($"Bad string length at {position}");
    }
}
