using Igo.Data;
using Igo.Data.Diagnostics;
using Igo.Data.Events;
using Igo.Data.Stores;

namespace Igo.Web.Games;

/// <summary>What every live game needs, bundled once by the coordinator. <see cref="Suggester"/> is null without computer players.</summary>
internal sealed record GameServices(
    GameStore Store,
    ActionWriter Writer,
    IGameEventBus Bus,
    IgoInstance Instance,
    TimeProvider Time,
    ClockOptions Clocks,
    IgoMetrics Metrics,
    ILogger Logger,
    IMarkingSuggester? Suggester = null);
