namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>
/// A fair queue in front of the shared render slots: each client renders one PDF at a time, and only a few more of its
/// requests may wait behind that one. One client sending many requests at once therefore holds one slot, not all of them.
/// </summary>
public sealed class ClientGates
{
    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    /// <summary>The client's render in progress plus its requests waiting behind it.</summary>
    public int Requests(string client)
    {
        lock (sync)
        {
            return gates.TryGetValue(client, out var gate) ? gate.Users : 0;
        }
    }

    /// <summary>Raised with the client's name when one more of its requests has entered (rendering or waiting).</summary>
    public event Action<string>? Entered;

    /// <returns>A lease to dispose when the render is done, or null when the client already has too many waiting.</returns>
    public async Task<IDisposable?> EnterAsync(string client, int maxWaiting, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (sync)
        {
            if (!gates.TryGetValue(client, out gate!))
            {
                gates[client] = gate = new Gate();
            }
            if (gate.Users > maxWaiting)
            {
                return null;
            }
            gate.Users++;
        }
        Entered?.Invoke(client);
        try
        {
            await gate.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(client, gate, entered: false);
            throw;
        }
        return new Lease(this, client, gate);
    }

    private void Leave(string client, Gate gate, bool entered)
    {
        lock (sync)
        {
            if (entered)
            {
                gate.Turn.Release();
            }
            if (--gate.Users == 0)
            {
                gates.Remove(client);
                gate.Turn.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Turn { get; } = new(1);

        /// <summary>The client's render in progress plus its requests waiting for it.</summary>
        public int Users { get; set; }
    }

    private sealed class Lease(ClientGates owner, string client, Gate gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(client, gate, entered: true);
            }
        }
    }
}
