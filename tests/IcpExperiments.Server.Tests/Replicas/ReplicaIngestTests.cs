using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using static IcpExperiments.Server.Tests.Replicas.ReplicaRows;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>
/// Ingest through two server processes on one database at the same time: the same batches and records sent to both at
/// once, calls given up on and retried on the other replica. Every acknowledged row is stored, and stored once.
/// </summary>
[Collection(ReplicaCluster.Name)]
public sealed class ReplicaIngestTests(ReplicaSet replicas)
{
    [Fact]
    public async Task ImportOutcomes_SameBatchesStreamedToTwoReplicasAtOnce_EveryRowStoredExactlyOnce()
    {
        // Arrange
        var experiment = await replicas.A.Scenario().CreateRunningExperimentAsync();
        var batches = Enumerable.Range(0, 6).Select(b => Batch(experiment.Name, $"same-{b}", Accounts("same", b * 40, 40))).ToList();

        // Act: A takes the batches in order, B in reverse order, at the same time.
        var acknowledged = await Task.WhenAll(
            ReplicaCalls.ImportAsync(replicas.A, batches),
            ReplicaCalls.ImportAsync(replicas.B, batches.AsEnumerable().Reverse()));

        // Assert: per batch, what one replica accepted the other counted as duplicates.
        foreach (var batch in batches)
        {
            var (a, b) = (acknowledged[0][batch.BatchId], acknowledged[1][batch.BatchId]);
            Assert.Empty(a.RejectedRows);
            Assert.Empty(b.RejectedRows);
            Assert.Equal((batch.Rows.Count, batch.Rows.Count), (a.AcceptedCount + b.AcceptedCount, a.DuplicateCount + b.DuplicateCount));
        }

        await StoredOnce.AssertOutcomesAsync(replicas, experiment.Name, Outcomes(batches), enrolments: 240);
    }

    [Fact]
    public async Task RecordOutcomeAndImport_SentToBothReplicasOrRetriedThereAfterACancelledCall_NothingAcknowledgedMissingNothingStoredTwice()
    {
        // Arrange
        var experiment = await replicas.A.Scenario().CreateRunningExperimentAsync();
        var unaryAccounts = Accounts("unary", 0, 60);
        var enrolled = await ReplicaCalls.ImportAsync(replicas.B, [Enrolments(experiment.Name, "unary-enrolments", unaryAccounts)]);
        Assert.Equal(60, enrolled["unary-enrolments"].AcceptedCount);
        var requests = unaryAccounts.Select((account, i) => new RecordOutcomeRequest { Parent = experiment.Name, Outcome = OutcomeOf(account, i) }).ToList();
        var streamed = Enumerable.Range(0, 6).Select(b => Batch(experiment.Name, $"streamed-{b}", Accounts("streamed", b * 10, 10))).ToList();
        var random = new Random(6);
        var giveUpAfter = requests.Select(_ => TimeSpan.FromMilliseconds(random.Next(0, 40))).ToList();

        // Act
        var unary = Task.WhenAll(requests.Select((request, i) => Task.Run(() => RecordOnBothAsync(request, i % 3 == 0 ? giveUpAfter[i] : null))));
        var imported = Task.Run(() => ImportCancelledOnAThenResentToBAsync(streamed));
        var recorded = await unary;
        var (acknowledgedByA, resentToB) = await imported;

        // Assert: every call not given up on succeeded with the content sent (the original, for the replica that came second)...
        for (int i = 0; i < requests.Count; i++)
        {
            foreach (var call in recorded[i].Where(c => c.Code is not (StatusCode.Cancelled or StatusCode.DeadlineExceeded)))
            {
                Assert.True(call.Code == StatusCode.OK, $"{requests[i].Outcome.EventId}: {call.Code} {call.Error?.Status.Detail}");
                Assert.Equal(Content(requests[i].Outcome), Content(call.Response!.Outcome));
            }
        }

        // ...a batch A acknowledged before the cancel is all duplicates on B, and no resent batch lost or rejected a row...
        Assert.NotEmpty(acknowledgedByA);
        Assert.All(acknowledgedByA, ack => Assert.Equal((0, 20), (resentToB[ack.BatchId].AcceptedCount, resentToB[ack.BatchId].DuplicateCount)));
        Assert.All(resentToB.Values, ack => Assert.Equal((20, 0), (ack.AcceptedCount + ack.DuplicateCount, ack.RejectedRows.Count)));

        // ...and each outcome is stored once.
        await StoredOnce.AssertOutcomesAsync(replicas, experiment.Name, requests.Select(r => r.Outcome).Concat(Outcomes(streamed)), enrolments: 120);
    }

    [Fact]
    public async Task RecordOutcome_SameEventIdOtherContentOnEachReplicaAtOnce_OneStoredTheOtherAlreadyExists()
    {
        // Arrange
        var experiment = await replicas.A.Scenario().CreateRunningExperimentAsync();
        var accounts = Accounts("clash", 0, 20);
        await ReplicaCalls.ImportAsync(replicas.A, [Enrolments(experiment.Name, "clash-enrolments", accounts)]);
        RecordOutcomeRequest Request(string account, long acv) => new() { Parent = experiment.Name, Outcome = Requests.Converted(account, EnrolledAt.AddDays(3), acv) };

        // Act: A records ACV 1000 and B ACV 2000 under the same event id, at the same time.
        var raced = await Task.WhenAll(accounts.Select(account => Task.WhenAll(
            ReplicaCalls.ResultOf(replicas.A.Outcomes.RecordOutcomeAsync(Request(account, 1_000)).ResponseAsync),
            ReplicaCalls.ResultOf(replicas.B.Outcomes.RecordOutcomeAsync(Request(account, 2_000)).ResponseAsync))));

        // Then each replica is sent, in a batch, the content the other one was sent.
        var crossed = await Task.WhenAll(
            ReplicaCalls.ImportAsync(replicas.A, [OutcomeBatch(experiment.Name, "to-a", accounts.Select(a => Request(a, 2_000).Outcome))]),
            ReplicaCalls.ImportAsync(replicas.B, [OutcomeBatch(experiment.Name, "to-b", accounts.Select(a => Request(a, 1_000).Outcome))]));

        // Assert
        var stored = (await ReplicaCalls.ListOutcomesAsync(replicas.B, experiment.Name)).ToDictionary(o => o.AccountId, o => o.Converted.Acv.Units);
        for (int i = 0; i < accounts.Count; i++)
        {
            var (a, b) = (raced[i][0], raced[i][1]);
            var winner = Assert.Single(new[] { a, b }, r => r.Code == StatusCode.OK);
            var loser = Assert.Single(new[] { a, b }, r => r.Code != StatusCode.OK);
            Assert.Equal("EVENT_ID_REUSED", RpcAssert.Reason(RpcAssert.AssertStatus(loser.Error!, StatusCode.AlreadyExists)));
            Assert.Equal(winner.Response!.Outcome.Converted.Acv.Units, stored[accounts[i]]);

            // The batch row carrying the stored content is a duplicate; the one carrying the other content is refused.
            var rejectedOnA = crossed[0]["to-a"].RejectedRows.Any(r => r.Index == i);
            var rejectedOnB = crossed[1]["to-b"].RejectedRows.Any(r => r.Index == i);
            Assert.Equal((stored[accounts[i]] == 1_000, stored[accounts[i]] == 2_000), (rejectedOnA, rejectedOnB));
        }

        Assert.All(crossed.SelectMany(c => c.Values).SelectMany(ack => ack.RejectedRows), row => Assert.Equal("EVENT_ID_REUSED", row.Reason));
        Assert.Equal(20, crossed[0]["to-a"].DuplicateCount + crossed[1]["to-b"].DuplicateCount);
        Assert.Equal(20, stored.Count);
    }

    [Fact]
    public async Task EnrolAccount_SameAccountInTwoArmsThroughTwoReplicasAtOnce_ExactlyOneArmTheOtherFailedPrecondition()
    {
        // Arrange
        var experiment = await replicas.A.Scenario().CreateRunningExperimentAsync();
        var accounts = Accounts("contested", 0, 20);
        EnrolAccountRequest Request(string account, string arm)
        {
            var enrolment = Requests.Enrolment(account, arm, EnrolledAt);
            enrolment.EventId = $"enrol-{account}-{arm}";
            return new EnrolAccountRequest { Parent = experiment.Name, Enrolment = enrolment };
        }

        // Act
        var raced = await Task.WhenAll(accounts.Select(account => Task.WhenAll(
            ReplicaCalls.ResultOf(replicas.A.Experiments.EnrolAccountAsync(Request(account, "control")).ResponseAsync),
            ReplicaCalls.ResultOf(replicas.B.Experiments.EnrolAccountAsync(Request(account, "wider")).ResponseAsync))));

        // Assert
        var listedByA = (await ReplicaCalls.ListEnrolmentsAsync(replicas.A, experiment.Name)).ToDictionary(e => e.AccountId, e => e.ArmKey);
        var listedByB = (await ReplicaCalls.ListEnrolmentsAsync(replicas.B, experiment.Name)).ToDictionary(e => e.AccountId, e => e.ArmKey);
        Assert.Equal(listedByA, listedByB);
        for (int i = 0; i < accounts.Count; i++)
        {
            var winner = Assert.Single(raced[i], r => r.Code == StatusCode.OK);
            var loser = Assert.Single(raced[i], r => r.Code != StatusCode.OK);
            Assert.Equal("ACCOUNT_ALREADY_ENROLLED", RpcAssert.Reason(RpcAssert.AssertStatus(loser.Error!, StatusCode.FailedPrecondition)));
            Assert.Equal(winner.Response!.Enrolment.ArmKey, listedByA[accounts[i]]);
        }

        Assert.Equal(accounts.Count, listedByA.Count);
    }

    private async Task<CallResult<RecordOutcomeResponse>[]> RecordOnBothAsync(RecordOutcomeRequest request, TimeSpan? giveUpAfter)
    {
        if (giveUpAfter is null)
        {
            return await Task.WhenAll(
                ReplicaCalls.ResultOf(replicas.A.Outcomes.RecordOutcomeAsync(request).ResponseAsync),
                ReplicaCalls.ResultOf(replicas.B.Outcomes.RecordOutcomeAsync(request).ResponseAsync));
        }

        // A call given up on (its row may or may not be stored), then the client's retry on the other replica.
        using var giveUp = new CancellationTokenSource(giveUpAfter.Value);
        var abandoned = await ReplicaCalls.ResultOf(replicas.A.Outcomes.RecordOutcomeAsync(request, cancellationToken: giveUp.Token).ResponseAsync);
        var retried = await ReplicaCalls.ResultOf(replicas.B.Outcomes.RecordOutcomeAsync(request).ResponseAsync);
        Assert.True(retried.Code == StatusCode.OK, $"The retry of {request.Outcome.EventId} on B failed: {retried.Error?.Status}");
        return [abandoned, retried];
    }

    /// <summary>Streams every batch to A, cancels the call after the first acknowledgement, then resends them all to B.</summary>
    private async Task<(List<ImportOutcomesResponse> AcknowledgedByA, Dictionary<string, ImportOutcomesResponse> ResentToB)> ImportCancelledOnAThenResentToBAsync(
        IReadOnlyList<ImportOutcomesRequest> batches)
    {
        var acknowledgedByA = new List<ImportOutcomesResponse>();
        using (var cancel = new CancellationTokenSource())
        using (var call = replicas.A.Outcomes.ImportOutcomes(cancellationToken: cancel.Token))
        {
            foreach (var batch in batches) await call.RequestStream.WriteAsync(batch);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            acknowledgedByA.Add(call.ResponseStream.Current);
            await cancel.CancelAsync();
        }

        return (acknowledgedByA, await ReplicaCalls.ImportAsync(replicas.B, batches));
    }

    private static ImportOutcomesRequest OutcomeBatch(string experimentName, string batchId, IEnumerable<Outcome> outcomes)
    {
        var batch = new ImportOutcomesRequest { BatchId = batchId, Parent = experimentName };
        batch.Rows.AddRange(outcomes.Select(o => new ImportRow { Outcome = o }));
        return batch;
    }

    private static IEnumerable<Outcome> Outcomes(IEnumerable<ImportOutcomesRequest> batches) =>
        batches.SelectMany(b => b.Rows).Where(r => r.Outcome is not null).Select(r => r.Outcome);
}
