namespace Igo.Data.Model;

/// <summary>
/// How many spectators one instance has on one game. The count the players see is the sum over instances whose
/// presence lease is current (docs/decisions/0010-spectator-count.md); an instance writes only its own rows.
/// </summary>
public sealed class GameSpectatorsRecord
{
    public long GameId { get; set; }

    public Guid InstanceId { get; set; }

    public int Count { get; set; }
}
