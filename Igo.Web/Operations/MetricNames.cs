using Igo.Web.Games;

namespace Igo.Web.Operations;

/// <summary>The attribute values the web side records with <see cref="Igo.Data.Diagnostics.IgoMetrics"/>.</summary>
internal static class MetricNames
{
    public static string Kind(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Circuit => "circuit",
        ConnectionKind.Socket => "socket",
        ConnectionKind.Computer => "computer",
        _ => "other",
    };

    public static string Outcome(ActionReply reply) => reply.Success ? "accepted" : reply.Failure switch
    {
        ActionFailure.RuleViolation => "rule_violation",
        ActionFailure.NotPermitted => "not_permitted",
        ActionFailure.Preempted => "preempted",
        _ => "refused",
    };
}
