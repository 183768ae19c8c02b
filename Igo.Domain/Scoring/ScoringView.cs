namespace Igo.Domain;

/// <summary>
/// The scoring phase as the players see it: the shared marking and the count it gives now (territory, prisoners with
/// the dead stones, the score). Once the count is accepted, the marking and the count the game ended on.
/// </summary>
/// <param name="Marking">The stones marked dead and the marking's version (what an acceptance names).</param>
/// <param name="Count">The count of the board with the marked stones taken off.</param>
/// <param name="Accepted">The player whose acceptance of this marking waits for the other's, if any.</param>
public sealed record ScoringView(DeadMarking Marking, ScoreTally Count, Color? Accepted);
