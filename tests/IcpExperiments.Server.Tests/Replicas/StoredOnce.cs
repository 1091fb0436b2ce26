using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Reliability;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>Asserts what an experiment stores, read through every replica and counted in the database itself.</summary>
public static class StoredOnce
{
    /// <summary>
    /// Every replica lists exactly <paramref name="expected"/> (each event id once, with that content), and the database
    /// holds as many outcome rows as distinct event ids, and <paramref name="enrolments"/> enrolments.
    /// </summary>
    public static async Task AssertOutcomesAsync(ReplicaSet replicas, string experimentName, IEnumerable<Outcome> expected, int enrolments)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        var wanted = expected.Select(ReplicaRows.Content).OrderBy(c => c.EventId, StringComparer.Ordinal).ToList();
        foreach (var replica in replicas.All)
        {
            var listed = (await ReplicaCalls.ListOutcomesAsync(replica, experimentName)).Select(ReplicaRows.Content).OrderBy(c => c.EventId, StringComparer.Ordinal).ToList();
            Assert.True(wanted.SequenceEqual(listed), $"{replica} lists {listed.Count} outcomes; {wanted.Count} expected, {wanted.Except(listed).Count()} of them missing or different.");
            Assert.Equal(enrolments, (await ReplicaCalls.ListEnrolmentsAsync(replica, experimentName)).Count);
        }

        var experimentId = ExperimentId(experimentName);
        var server = replicas.A.Server;
        Assert.Equal(wanted.Count, await ServerDatabase.CountAsync(server, "SELECT count(*) FROM outcomes WHERE experiment_id = @id", ("@id", experimentId)));
        Assert.Equal(wanted.Count, await ServerDatabase.CountAsync(server, "SELECT count(DISTINCT event_id) FROM outcomes WHERE experiment_id = @id", ("@id", experimentId)));
        Assert.Equal(enrolments, await ServerDatabase.CountAsync(server, "SELECT count(*) FROM enrolments WHERE experiment_id = @id", ("@id", experimentId)));
        Assert.Equal(enrolments, await ServerDatabase.CountAsync(server, "SELECT count(DISTINCT account_id) FROM enrolments WHERE experiment_id = @id", ("@id", experimentId)));
    }

    public static string ExperimentId(string experimentName) => experimentName["experiments/".Length..];
}
