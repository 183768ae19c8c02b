using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Testing.Circuits;

/// <summary>
/// A Blazor Server circuit without a browser, opened the way blazor.web.js opens one: the prerendered page is fetched,
/// the /_blazor hub is connected with the "blazorpack" protocol, <c>StartCircuit</c> is called, then
/// <c>UpdateRootComponents</c> adds the page's server components with its persisted state. Every render batch is
/// acknowledged at once and timestamped (its string table kept, for whoever needs to know what it showed); every JS
/// interop call is answered (<see cref="IgoPageScripts"/>), so that the circuit never waits on a client. Nothing is
/// rendered: a spectator in a load test costs the server what a browser's would, and the client almost nothing.
/// </summary>
public sealed class HeadlessCircuit : IAsyncDisposable
{
    private readonly HubConnection hub;
    private readonly IgoPageScripts scripts = new();
    private readonly Channel<CircuitBatch> batches = Channel.CreateUnbounded<CircuitBatch>();
    private readonly bool keepBatches;
    private TaskCompletionSource? firstBatch;
    private long received;
    private long receivedBytes;
    private string? failure;

    private HeadlessCircuit(HubConnection hub, bool keepBatches)
    {
        this.hub = hub;
        this.keepBatches = keepBatches;
        hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], OnRenderBatchAsync);

        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        hub.On("JS.Error", [typeof(string)], args =>
        {
            failure ??= "JS.Error: " + args[0];
            return Task.CompletedTask;
        });
        hub.Closed += exception =>
        {
            failure ??= "closed" + (exception is null ? string.Empty : ": " + exception.Message);
            batches.Writer.TryComplete();
            return Task.CompletedTask;
        };
    }

    /// <summary>Called with every batch as it arrives, on the connection's receive loop: keep it short.</summary>
    public Action<CircuitBatch>? OnBatch { get; set; }

    /// <summary>Render batches received so far.</summary>
    public long BatchesReceived => Interlocked.Read(ref received);

    /// <summary>The render batches' bytes received so far (without SignalR's framing).</summary>
    public long BytesReceived => Interlocked.Read(ref receivedBytes);

    /// <summary>Why the circuit failed or closed, if it did.</summary>
    public string? Failure => failure;

    /// <summary>
    /// Opens a circuit on the page at <paramref name="path"/> of the app at <paramref name="baseAddress"/> and waits for
    /// its first render batch. With <paramref name="keepBatches"/>, every batch is also queued for <see cref="NextBatchAsync"/>.
    /// </summary>
    public static async Task<HeadlessCircuit> OpenAsync(Uri baseAddress, string path, bool keepBatches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var cookies = new CookieContainer();
        var pageUri = new Uri(baseAddress, path);
        string html;
        using (var handler = new HttpClientHandler { CookieContainer = cookies })
        using (var http = new HttpClient(handler))
        {
            html = await http.GetStringAsync(pageUri, cancellationToken);
        }

        var page = PrerenderedPage.Parse(html);
        if (page.ServerComponents.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server component");
        }

        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "_blazor"), options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var circuit = new HeadlessCircuit(builder.Build(), keepBatches);
        try
        {
            var first = circuit.FirstBatchAsync();
            await circuit.hub.StartAsync(cancellationToken);
            var circuitId = await circuit.hub.InvokeAsync<string?>("StartCircuit", baseAddress.ToString(), pageUri.ToString(), "[]", string.Empty, cancellationToken);
            if (string.IsNullOrEmpty(circuitId))
            {
                throw new InvalidOperationException($"The server refused to start a circuit for {path}");
            }

            await circuit.hub.SendAsync("UpdateRootComponents", page.AddOperationsJson(1), page.ApplicationState, cancellationToken);
            await first.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next batch received (only with keepBatches), or a timeout.</summary>
    public async Task<CircuitBatch> NextBatchAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await batches.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No render batch within {timeout}{(failure is null ? string.Empty : "; " + failure)}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The circuit closed: " + failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await hub.DisposeAsync();
        batches.Writer.TryComplete();
    }

    private Task FirstBatchAsync()
    {
        firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return firstBatch.Task;
    }

    private async Task OnRenderBatchAsync(object?[] args)
    {
        var at = (double)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = (long)args[0]!;
        var bytes = (byte[])args[1]!;

        // Acknowledged first: the server holds back further batches while too many are unacknowledged.
        await hub.SendAsync("OnRenderCompleted", id, null);
        Interlocked.Increment(ref received);
        Interlocked.Add(ref receivedBytes, bytes.Length);
        if (keepBatches || OnBatch is not null)
        {
            var batch = new CircuitBatch(id, at, bytes.Length, RenderBatchShape.Read(bytes), RenderBatchStrings.Read(bytes));
            OnBatch?.Invoke(batch);
            if (keepBatches)
            {
                batches.Writer.TryWrite(batch);
            }
        }

        firstBatch?.TrySetResult();
    }

    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        var handle = (long)args[0]!;
        if (handle == 0)
        {
            // A call that wants no answer.
            return;
        }

        var result = scripts.ResultJson((string)args[1]!, (int)args[3]!);
        await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }
}
