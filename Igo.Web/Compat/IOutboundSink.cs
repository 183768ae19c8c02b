namespace Igo.Web.Compat;

/// <summary>Where a session's frames go, in order. Never blocks: a sink that cannot keep up drops the connection.</summary>
internal interface IOutboundSink
{
    void Send(byte[] frame);
}
