using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Onboarding.Data;

/// <summary>A JSON text sent to Postgres as <c>jsonb</c> (Dapper would send it as text).</summary>
public sealed class Jsonb(string json) : SqlMapper.ICustomQueryParameter
{
    public void AddParameter(IDbCommand command, string name) =>
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json });
}
