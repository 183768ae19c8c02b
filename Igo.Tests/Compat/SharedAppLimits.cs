namespace Igo.Tests.Compat;

/// <summary>
/// The suites share one app among many test clients, all on loopback, so all one "address": the per-address limits
/// are raised there (ClientAddressLimitTests checks them with their defaults' shape on apps of their own).
/// </summary>
internal static class SharedAppLimits
{
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Compat:MaxConnectionsPerAddress"] = "10000",
            ["Security:FailedJoinBurst"] = "100000",
            ["Compat:ChatBurst"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }
}
