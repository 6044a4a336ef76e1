using System.Net.Sockets;
using Npgsql;

namespace Linyi.Dashboard.Web.Infrastructure;

public static class DatabaseFailure
{
    /// <summary>
    /// True when the exception (or an inner one) means PostgreSQL could not be reached, rather than a bug. Pooled connections
    /// are then dropped, so that when the database returns the next request opens fresh ones instead of failing on dead ones.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        if (!Classify(exception))
        {
            return false;
        }
        NpgsqlConnection.ClearAllPools();
        return true;
    }

    private static bool Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // A server error is an outage only when it says the server is going away or full; Npgsql also calls a
            // serialization conflict transient, but that is two writers meeting, and the pools are fine.
            if (e is PostgresException server)
            {
                return server.SqlState is "57P01" or "57P02" or "57P03" or "53300";
            }
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when a serializable transaction lost to a concurrent one: nothing was written, and trying again is safe.</summary>
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }
        return false;
    }
}
