namespace Igo.Computer.MonteCarlo;

/// <summary>
/// How much the built-in player thinks per move: a number of playouts, a time, or both (whichever ends first).
/// A playout budget with a <see cref="Seed"/> makes the search repeatable (tests, strength measurements);
/// <see cref="Threads"/> searches run side by side (root parallelism) and their root statistics are added up.
/// <see cref="JudgePlayouts"/> random games measure who owns what for dead stones and score estimates.
/// <see cref="Tactics"/> makes playouts answer the last move (capture a chain in atari, save one's own) before playing at
/// random. Off by default: in self-play at 1,000 playouts a move the player with tactics won 7 of 20 games against the
/// same player without (docs/BENCHMARKS.md), and tactics blur the ownership of groups whose eyes are not yet formed.
/// </summary>
public sealed record MonteCarloSettings(int? Playouts, TimeSpan? Time, int Threads, int? Seed = null, int JudgePlayouts = 1000)
{
    public bool Tactics { get; init; }

    /// <summary>
    /// The search threads take only CPU that nothing else wants (<c>SCHED_IDLE</c> on Linux): for background work, such
    /// as the engine review, that must never slow the games being played.
    /// </summary>
    public bool OnIdleCpuOnly { get; init; }

    public static int AllCores => Environment.ProcessorCount;

    public MonteCarloSettings Validate()
    {
        if (Playouts is null && Time is null)
        {
            throw new ArgumentException("A search needs a playout budget, a time budget, or both.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(JudgePlayouts, 1, nameof(JudgePlayouts));
        return this;
    }
}
