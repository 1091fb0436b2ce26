using System.Globalization;
using IcpExperiments.Server.Tests.Infrastructure;
using Npgsql;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>Reads a running server's database directly, whichever engine it is on, to count what the API does not show.</summary>
public static class ServerDatabase
{
    /// <summary>One integer from a query whose parameters are named <c>@name</c> (both engines accept that form).</summary>
    public static async Task<long> CountAsync(ServerProcess server, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.PostgresConnectionString is null) return SqliteFile.Count(server.DatabasePath, sql, parameters);
        await using var connection = new NpgsqlConnection(server.PostgresConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // Test-authored SQL; values go through parameters.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name.TrimStart('@'), value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
