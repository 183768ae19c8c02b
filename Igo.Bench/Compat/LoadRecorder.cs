namespace Igo.Bench.Compat;

/// <summary>
/// Takes every slot's samples into each window that is open (the cold and warm windows may overlap), counts the games a
/// phase started (for per-game store counters) and writes the first failures of a phase to stderr, so a failing run
/// says why.
/// </summary>
internal sealed class LoadRecorder(IReadOnlyList<LoadWindow> windows)
{
    private const int FailuresShown = 20;
    private long started;
    private long completed;
    private long failuresSeen;

    public long Started => Interlocked.Read(ref started);

    /// <summary>Over the whole phase, windows or not: games started, completed and failed (a game cut off by the end of the run is neither).</summary>
    public string Totals => $"Whole phase: {Started} games started, {Interlocked.Read(ref completed)} completed, {Interlocked.Read(ref failuresSeen)} failed";

    public void GameStarted() => Interlocked.Increment(ref started);

    public void Record(Timing timing, double milliseconds)
    {
        foreach (var window in windows)
        {
            window.Record(timing, milliseconds);
        }
    }

    public void GameCompleted()
    {
        Interlocked.Increment(ref completed);
        foreach (var window in windows)
        {
            window.GameCompleted();
        }
    }

    public void Failed(LoadFailure failure, string detail)
    {
        foreach (var window in windows)
        {
            window.Failed(failure);
        }

        if (Interlocked.Increment(ref failuresSeen) <= FailuresShown)
        {
            Console.Error.WriteLine($"A game failed ({failure}): {detail}");
        }
    }
}
