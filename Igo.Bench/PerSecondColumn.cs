using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Igo.Bench;

/// <summary>A rate column: operations per second from the mean time per operation (moves, playouts…).</summary>
internal sealed class PerSecondColumn(string columnName, string legend) : IColumn
{
    /// <summary>Moves per second on one thread; one operation is one move.</summary>
    public static PerSecondColumn Moves { get; } = new("Moves/s", "Moves per second on one thread (1 s / mean time per move)");

    /// <summary>Playouts per second (of the whole search when it runs on several threads); one operation is one playout.</summary>
    public static PerSecondColumn Playouts { get; } = new("Playouts/s", "Playouts per second, all threads of a search together (1 s / mean time per playout)");

    public string Id => nameof(PerSecondColumn) + columnName;

    public string ColumnName => columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
