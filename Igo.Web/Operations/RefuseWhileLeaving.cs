using Microsoft.AspNetCore.Diagnostics;

namespace Igo.Web.Operations;

/// <summary>
/// Once the instance is leaving, a new request gets 503 with <c>Connection: close</c>, so a proxy retries it on another
/// instance (nginx: <c>proxy_next_upstream http_503</c>) instead of opening a circuit or a socket here that would be
/// cut a moment later. The health endpoints still answer.
/// </summary>
internal sealed class RefuseWhileLeaving(RequestDelegate next, ShutdownSignal signal)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!signal.IsLeaving || OperationsEndpoints.IsOperationsPath(context.Request.Path))
        {
            return next(context);
        }

        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.Connection = "close";
        context.Response.Headers.RetryAfter = "1";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This instance is shutting down; try again.", context.RequestAborted);
    }
}
