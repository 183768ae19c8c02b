namespace Igo.Data;

/// <summary>This process among the instances that share a store: a new id per start unless <c>Igo:InstanceId</c> sets one.</summary>
public sealed record IgoInstance(Guid Id);
