namespace Igo.Computer.Gtp;

/// <summary>How long to wait for an engine: <see cref="Command"/> for quick commands, <see cref="Think"/> for genmove and judgements.</summary>
public sealed record GtpTimeouts(TimeSpan Command, TimeSpan Think)
{
    public static readonly GtpTimeouts Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120));
}
