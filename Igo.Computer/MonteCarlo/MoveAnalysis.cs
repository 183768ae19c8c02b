using Igo.Domain;

namespace Igo.Computer.MonteCarlo;

/// <summary>One candidate at the root after a search: visits, winning rate and mean result in points for the player to move.</summary>
public sealed record CandidateMove(Point? Point, int Visits, double WinRate, double MeanPoints);

/// <summary>
/// What a search found: the chosen move (null: pass), the candidates by visits, the playouts run, black's mean lead over
/// them, and each point's ownership (+1 black to -1 white, row-major).
/// </summary>
public sealed record MoveAnalysis(Point? Move, IReadOnlyList<CandidateMove> Candidates, int Playouts, double BlackLeadMean, IReadOnlyList<double> Ownership);
