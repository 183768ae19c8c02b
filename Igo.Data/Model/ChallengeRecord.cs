using Igo.Domain;

namespace Igo.Data.Model;

/// <summary>
/// An open challenge in the lobby: a game's settings waiting for an opponent, kept alive by its creator's page
/// (<see cref="SeenAt"/>, refreshed every few seconds) and gone once taken, withdrawn, or its creator has been away
/// longer than the grace. Taking it deletes the row and creates the game in one transaction
/// (docs/decisions/0012-lobby.md).
/// </summary>
public sealed class ChallengeRecord : IStoredGameSettings
{
    public long Id { get; set; }

    public int Size { get; set; }

    public KoRule KoRule { get; set; }

    public ScoringRule Scoring { get; set; }

    public double Komi { get; set; }

    public int Handicap { get; set; }

    /// <summary>The creator's colour; the taker plays the other.</summary>
    public Color CreatorColor { get; set; }

    /// <summary>
    /// The creator's key in the game that taking the challenge creates, drawn when the challenge is posted and known
    /// only to the creator's page, which goes there once the key exists. Never listed.
    /// </summary>
    public required string CreatorKey { get; set; }

    /// <summary>The creator's page (its instance and circuit): it keeps the challenge alive, may withdraw it, and may not take it.</summary>
    public Guid CreatorInstance { get; set; }

    public required string CreatorConnection { get; set; }

    public TimeSystem TimeSystem { get; set; }

    public long MainTimeMs { get; set; }

    public long PeriodTimeMs { get; set; }

    public int Periods { get; set; }

    public int Stones { get; set; }

    public long IncrementMs { get; set; }

    public long? CapMs { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the creator's page last said it is still there.</summary>
    public DateTimeOffset SeenAt { get; set; }

    public Ruleset Rules => this.ReadRules();

    public TimeControl TimeControl
    {
        get => this.ReadTimeControl();
        set => this.WriteTimeControl(value);
    }
}
