namespace Linyi.Dashboard.Web.Serving;

/// <summary>A version number that only moves forward (-1 while unknown), and a way to wait until it passes a value.</summary>
public sealed class RisingVersion
{
    private readonly Lock gate = new();
    private long current = -1;
    private TaskCompletionSource moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long? Current => Interlocked.Read(ref current) is var value && value >= 0 ? value : null;

    /// <summary>Moves to <paramref name="version"/> if it is later than the current one; an earlier one is ignored.</summary>
    public void Advance(long version)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            if (version <= current)
            {
                return;
            }
            Interlocked.Exchange(ref current, version);
            (done, moved) = (moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        done.SetResult();
    }

    /// <summary>Back to unknown; the next <see cref="Advance"/> to any version moves it again.</summary>
    public void Forget() => Interlocked.Exchange(ref current, -1);

    /// <summary>Completes once the version is known and at least <paramref name="version"/> (null: any known version).</summary>
    public async Task WhenAtLeastAsync(long? version, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (current >= 0 && (version is null || current >= version))
                {
                    return;
                }
                next = moved.Task;
            }
            await next.WaitAsync(cancellationToken);
        }
    }
}
