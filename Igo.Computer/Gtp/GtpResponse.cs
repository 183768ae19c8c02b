namespace Igo.Computer.Gtp;

/// <summary>
/// One answer of a GTP engine: success (<c>=</c>) or failure (<c>?</c>), the id it echoed (if the command had one)
/// and the text, with the lines of a multi-line answer joined by <c>\n</c> and surrounding whitespace trimmed.
/// </summary>
public sealed record GtpResponse(bool Success, int? Id, string Text);
