using System.ComponentModel.DataAnnotations;

namespace Igo.Web.Circuits;

/// <summary>How the game page tells a player about the opponent's connection (section <c>Play</c>).</summary>
public sealed class SeatNoticeOptions
{
    public const string SectionName = "Play";

    /// <summary>
    /// How long the opponent may be gone before the page says they left: a reload lets go of the key and takes it back
    /// within a second or two, and is then not news. Zero says it at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan LeftNoticeDelay { get; set; } = TimeSpan.FromSeconds(5);
}
