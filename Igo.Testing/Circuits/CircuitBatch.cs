namespace Igo.Testing.Circuits;

/// <summary>
/// One render batch a circuit received: when (Unix milliseconds on this machine's clock), its size on the wire (the
/// batch's bytes, without SignalR's framing), what it changed (<see cref="RenderBatchShape"/>) and its strings.
/// </summary>
public sealed record CircuitBatch(long Id, double ReceivedAt, int Bytes, RenderBatchShape Shape, IReadOnlyList<string> Strings);
