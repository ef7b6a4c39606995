using System.Data.Common;
using Npgsql;

namespace Onboarding.Data;

/// <summary>
/// Server-side prepared statements for every command run often (docs/0050): Npgsql prepares a statement after
/// its fifth use on a connection and keeps up to <see cref="DefaultMaxAutoPrepare"/> of them per connection, so Postgres
/// stops parsing and planning the hot paths on every call. An operator's own <c>Max Auto Prepare</c> (0 turns it off)
/// is kept.
/// </summary>
public static class PreparedStatements
{
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>The connection string with <c>Max Auto Prepare</c> set, unless it sets it already.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}
