using System.Buffers.Binary;

namespace Igo.Testing.Circuits;

/// <summary>
/// What one render batch changed, read from its sections (Blazor's RenderBatchWriter): the components that rendered
/// and sent a diff, their edits, the new frames the edits refer to, and the strings. A component that rendered
/// without a change still appears with 0 edits; one that skipped its render (ShouldRender) does not appear.
/// </summary>
/// <param name="Components">The components in the batch's updated-components section.</param>
/// <param name="Edits">Their edits, all together.</param>
/// <param name="ReferenceFrames">The frames the edits insert or update (elements, text, markup, attributes).</param>
/// <param name="StringBytes">The string table's bytes (each string's UTF-8 and length prefix, and its entry).</param>
public readonly record struct RenderBatchShape(int Components, int Edits, int ReferenceFrames, int StringBytes)
{
    private const int Sections = 5;

    public static RenderBatchShape Read(ReadOnlySpan<byte> batch)
    {
        if (batch.Length < Sections * 4)
        {
            return default;
        }

        var tail = batch.Length - (Sections * 4);

        // The updated components: a table of a count and one position per diff; each diff starts with its component's
        // id and its edit count.
        var table = Offset(batch, tail, 0);
        var components = BinaryPrimitives.ReadInt32LittleEndian(batch[table..]);
        var edits = 0;
        for (var i = 0; i < components; i++)
        {
            var diff = BinaryPrimitives.ReadInt32LittleEndian(batch[(table + 4 + (i * 4))..]);
            edits += BinaryPrimitives.ReadInt32LittleEndian(batch[(diff + 4)..]);
        }

        var frames = BinaryPrimitives.ReadInt32LittleEndian(batch[Offset(batch, tail, 1)..]);

        // The strings follow the disposed event handlers' ids (a count, then 8 bytes each) and end with their table.
        var handlers = Offset(batch, tail, 3);
        var strings = handlers + 4 + (BinaryPrimitives.ReadInt32LittleEndian(batch[handlers..]) * 8);
        return new RenderBatchShape(components, edits, frames, tail - strings);
    }

    private static int Offset(ReadOnlySpan<byte> batch, int tail, int section) => BinaryPrimitives.ReadInt32LittleEndian(batch[(tail + (section * 4))..]);
}
