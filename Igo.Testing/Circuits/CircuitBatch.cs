namespace Igo.Testing.Circuits;

/// <summary>One render batch a circuit received: when (Unix milliseconds on this machine's clock) and its strings.</summary>
public sealed record CircuitBatch(long Id, double ReceivedAt, IReadOnlyList<string> Strings);
