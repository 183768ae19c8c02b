using System.Text;

namespace Igo.Domain;

/// <summary>One node of an SGF game tree: its properties in file order (identifier, values).</summary>
internal sealed record SgfNode(IReadOnlyList<(string Id, IReadOnlyList<string> Values)> Properties)
{
    public IReadOnlyList<string>? this[string id] =>
        Properties.Where(p => p.Id == id).Select(p => p.Values).FirstOrDefault();

    public string? Single(string id) => this[id] is [var value, ..] ? value : null;
}

/// <summary>An SGF file that does not follow the FF[4] grammar; the message says where.</summary>
internal sealed class SgfFormatException(string message) : Exception(message);

/// <summary>
/// Reads the main line of the first game of an SGF collection (FF[4] grammar; FF[3]-style lowercase letters in property
/// identifiers are ignored as the standard asks). Iterative, so deeply nested variations cannot exhaust the stack;
/// variations are checked for syntax and skipped.
/// </summary>
internal sealed class SgfReader
{
    public const int MaxLength = 4 * 1024 * 1024;

    private readonly string text;
    private int position;

    private SgfReader(string text) => this.text = text;

    public static IReadOnlyList<SgfNode> ReadMainLine(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new SgfFormatException($"The file is larger than {MaxLength / (1024 * 1024)} MB.");
        }

        return new SgfReader(text).MainLine();
    }

    private List<SgfNode> MainLine()
    {
        var start = text.IndexOf('(', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new SgfFormatException("No game tree found: an SGF file starts with \"(;\".");
        }

        position = start;
        var nodes = new List<SgfNode>();
        var depth = 0;
        var mainDepth = 1;     // the depth of the tree the main line is in
        var mainOpen = true;   // still reading the main line
        var treeHasNodes = false;
        while (true)
        {
            SkipWhitespace();
            if (position >= text.Length)
            {
                throw new SgfFormatException($"The file ends inside a game tree ({depth} unclosed \"(\").");
            }

            var c = text[position];
            switch (c)
            {
                case '(':
                    if (depth > 0 && !treeHasNodes)
                    {
                        throw Error("a game tree must start with a node (\";\")");
                    }

                    depth++;
                    position++;
                    treeHasNodes = false;
                    if (mainOpen && depth == mainDepth + 1)
                    {
                        mainDepth = depth; // the first variation continues the main line
                    }

                    break;
                case ')':
                    if (!treeHasNodes)
                    {
                        throw Error("empty game tree");
                    }

                    if (depth == mainDepth)
                    {
                        mainOpen = false;
                    }

                    depth--;
                    position++;
                    if (depth == 0)
                    {
                        return nodes; // the first game of the collection is complete; anything after is ignored
                    }

                    treeHasNodes = true; // back in the parent, which had its nodes before its variations
                    break;
                case ';':
                    position++;
                    var node = ReadNode();
                    treeHasNodes = true;
                    if (mainOpen && depth == mainDepth)
                    {
                        nodes.Add(node);
                    }

                    break;
                default:
                    throw Error($"unexpected character '{c}'");
            }
        }
    }

    private SgfNode ReadNode()
    {
        var properties = new List<(string, IReadOnlyList<string>)>();
        while (true)
        {
            SkipWhitespace();
            if (position >= text.Length || !char.IsAsciiLetter(text[position]))
            {
                return new SgfNode(properties);
            }

            var identifier = new StringBuilder();
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                if (char.IsAsciiLetterUpper(text[position]))
                {
                    identifier.Append(text[position]);
                }

                position++;
            }

            if (identifier.Length == 0)
            {
                throw Error("a property identifier needs at least one capital letter");
            }

            var values = new List<string>();
            SkipWhitespace();
            while (position < text.Length && text[position] == '[')
            {
                values.Add(ReadValue());
                SkipWhitespace();
            }

            if (values.Count == 0)
            {
                throw Error($"property {identifier} has no value");
            }

            properties.Add((identifier.ToString(), values));
        }
    }

    private string ReadValue()
    {
        var opening = position;
        position++; // '['
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == ']')
            {
                return value.ToString();
            }

            if (c == '\\' && position < text.Length)
            {
                var escaped = text[position++];
                if (escaped == '\r' && position < text.Length && text[position] == '\n')
                {
                    position++; // soft line break: removed
                }
                else if (escaped is not ('\n' or '\r'))
                {
                    value.Append(escaped);
                }

                continue;
            }

            value.Append(c);
        }

        position = opening;
        throw Error("a property value is not closed with \"]\"");
    }

    private void SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private SgfFormatException Error(string what)
    {
        var line = 1 + text.AsSpan(0, Math.Min(position, text.Length)).Count('\n');
        return new SgfFormatException($"Malformed SGF at line {line}: {what}.");
    }
}
