namespace Igo.Computer.Gtp;

/// <summary>The engine could not answer: it is not installed, it died, it timed out, or it refused a command we rely on.</summary>
public sealed class GtpEngineException : Exception
{
    public GtpEngineException()
    {
    }

    public GtpEngineException(string message)
        : base(message)
    {
    }

    public GtpEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
