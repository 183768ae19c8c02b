using System.Globalization;
using System.Text;

namespace Igo.Computer.Gtp;

/// <summary>
/// Turns an engine's output, line by line, into responses (GTP 2, section 2.10): a response starts with <c>=</c> or
/// <c>?</c>, optionally followed by the command's id, and ends with an empty line. Carriage returns are dropped and tabs
/// read as spaces; lines outside a response (banners, debug chatter some engines print) are ignored.
/// </summary>
public sealed class GtpResponseParser
{
    private readonly StringBuilder text = new();
    private bool inResponse;
    private bool success;
    private int? id;

    /// <summary>Feeds one line (without its newline); returns the response it completes, if any.</summary>
    public GtpResponse? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var clean = line.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\t', ' ');
        if (!inResponse)
        {
            if (clean.Length == 0 || (clean[0] != '=' && clean[0] != '?'))
            {
                return null;
            }

            Begin(clean);
            return null;
        }

        if (clean.Trim().Length == 0)
        {
            inResponse = false;
            return new GtpResponse(success, id, text.ToString().Trim());
        }

        text.Append('\n').Append(clean);
        return null;
    }

    /// <summary>The response still being read when the output ended (an engine that exits right after answering <c>quit</c>).</summary>
    public GtpResponse? Flush()
    {
        if (!inResponse)
        {
            return null;
        }

        inResponse = false;
        return new GtpResponse(success, id, text.ToString().Trim());
    }

    private void Begin(string line)
    {
        inResponse = true;
        success = line[0] == '=';
        var digits = 1;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        id = digits > 1 && int.TryParse(line.AsSpan(1, digits - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        text.Clear();
        text.Append(line.AsSpan(digits).Trim());
    }
}
