using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>Enrolments, outcomes and import batches for the replica tests: account i goes to control or wider by parity and wins or loses by parity.</summary>
public static class ReplicaRows
{
    /// <summary>When every test account was enrolled; outcomes come five days later.</summary>
    public static readonly DateTimeOffset EnrolledAt = DateTimeOffset.UtcNow.AddDays(-40);

    public static IReadOnlyList<string> Accounts(string prefix, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => $"{prefix}-{i}")];

    public static string Arm(int index) => index % 2 == 0 ? "control" : "wider";

    public static Outcome OutcomeOf(string account, int index) =>
        index % 2 == 0 ? Requests.Converted(account, EnrolledAt.AddDays(5), 1_000 + index) : Requests.Lost(account, EnrolledAt.AddDays(5));

    /// <summary>A batch with each account's enrolment followed by its outcome.</summary>
    public static ImportOutcomesRequest Batch(string experimentName, string batchId, IReadOnlyList<string> accounts)
    {
        var batch = new ImportOutcomesRequest { BatchId = batchId, Parent = experimentName };
        for (int i = 0; i < accounts.Count; i++)
        {
            batch.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment(accounts[i], Arm(i), EnrolledAt) });
            batch.Rows.Add(new ImportRow { Outcome = OutcomeOf(accounts[i], i) });
        }

        return batch;
    }

    /// <summary>A batch of enrolments only.</summary>
    public static ImportOutcomesRequest Enrolments(string experimentName, string batchId, IReadOnlyList<string> accounts)
    {
        var batch = new ImportOutcomesRequest { BatchId = batchId, Parent = experimentName };
        for (int i = 0; i < accounts.Count; i++) batch.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment(accounts[i], Arm(i), EnrolledAt) });
        return batch;
    }

    /// <summary>What identifies an outcome's content in a comparison (the stored one adds a name and a recording time).</summary>
    public static (string EventId, string AccountId, Outcome.ResultOneofCase Result, long AcvUnits) Content(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return (outcome.EventId, outcome.AccountId, outcome.ResultCase, outcome.Converted?.Acv?.Units ?? 0);
    }
}
