namespace Igo.Testing.Sockets;

/// <summary>The server sent a message the caller did not expect at this point (another type, or anything at all when quiet was expected).</summary>
public sealed class UnexpectedMessageException : Exception
{
    public UnexpectedMessageException()
    {
    }

    public UnexpectedMessageException(string message)
        : base(message)
    {
    }

    public UnexpectedMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
