using System.Collections.Concurrent;

namespace Igo.Web.Compat;

/// <summary>
/// The keys held by compatibility connections on this instance, for the original's three error texts about a key a
/// connection does not hold (docs/PROTOCOL.md §3.4: "unknown key" means no connection on this server holds it).
/// </summary>
internal sealed class HeldKeys
{
    private readonly ConcurrentDictionary<string, string> holders = new(StringComparer.Ordinal);

    public void Hold(string key, string connectionId) => holders[key] = connectionId;

    public void Release(string key, string connectionId) =>
        holders.TryRemove(new KeyValuePair<string, string>(key, connectionId));

    public bool IsHeld(string key) => holders.ContainsKey(key);
}
