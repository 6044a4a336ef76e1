using System.Net.Sockets;
using Npgsql;

namespace Linyi.Dashboard.Web.Data;

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
            // Npgsql calls a serialization conflict or a deadlock transient too, but that is two writers meeting, not
            // an outage: the pools are fine.
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return false;
            }
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" })
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
