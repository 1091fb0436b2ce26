using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests.Analysis;

/// <summary>
/// Writes seeded random enrolments and outcome events into exp-1 through the repository, as clients would: losses,
/// wins (ACV from a few values, so equal instants with different ACV occur), wins after a loss, a second event at the
/// very instant of an earlier one, a later USD win after a EUR win (a second currency the fold must keep apart),
/// events in bulk batches and one by one, and retried batches (<see cref="RetryAsync"/>). Each write is stamped one
/// second after the previous one unless <see cref="SameStamp"/> is set; <see cref="Outcomes"/> says which process writes.
/// </summary>
internal sealed class RandomOutcomeWriter(TestDatabase database, int seed)
{
    /// <summary>Every outcome event happens at or before this instant; enrolments may come later.</summary>
    public static readonly DateTimeOffset LastEvent = Now.AddDays(-1);

    private static readonly decimal[] AcvValues = [1_000m, 2_500m, 2_500.50m, 9_000m];
    private readonly Random random = new(seed);
    private readonly List<(string Id, DateTimeOffset EnrolledAt, List<DateTimeOffset> Events, bool WonInEur)> accounts = [];
    private readonly List<OutcomeEvent> sent = [];
    private DateTimeOffset stamp = Now;
    private int events;

    public bool SameStamp { get; set; }

    /// <summary>The repository writes go through: this process's by default, another process's to write behind its back.</summary>
    public Func<IOutcomeRepository> Outcomes { get; set; } = database.Outcomes;

    /// <summary>Enrols <paramref name="count"/> new accounts in one batch; a fifth of them after <see cref="LastEvent"/>.</summary>
    public async Task EnrolAsync(int count)
    {
        var rows = new List<ImportRow>();
        for (int i = 0; i < count; i++)
        {
            string id = $"acct-{random.Next(1_000_000):D6}-{accounts.Count}";
            var enrolledAt = random.Next(5) == 0 ? LastEvent.AddHours(random.Next(1, 20)) : Now.AddDays(-100 + (random.NextDouble() * 95));
            accounts.Add((id, enrolledAt, [], false));
            var enrolment = Enrolment(id, random.Next(2) == 0 ? "control" : "variant-a", $"enrol-{id}") with { EnrolledAt = enrolledAt };
            rows.Add(new ImportRow(enrolment, null));
        }

        await Outcomes().ImportAsync(Team, "exp-1", new ImportBatch($"enrol-{accounts.Count}", rows), NextStamp(), CancellationToken.None);
    }

    /// <summary>
    /// A client's retry mixed with new rows, in one batch: <paramref name="count"/> events already stored (duplicates,
    /// so the first insert attempt falls short and the batch is planned again), as many new events, an event id reused
    /// with other content, an event of an unknown account, an enrolment repeated and one into the other arm.
    /// </summary>
    public async Task RetryAsync(int count)
    {
        var rows = new List<ImportRow>();
        for (int i = 0; i < count && sent.Count > 0; i++)
        {
            rows.Add(new ImportRow(null, sent[random.Next(sent.Count)]));
            if (NextEvent() is { } fresh) rows.Add(new ImportRow(null, fresh));
        }

        if (sent.Count > 0) rows.Add(new ImportRow(null, sent[0] with { AccountId = accounts[^1].Id }));
        rows.Add(new ImportRow(null, new OutcomeEvent($"evt-stray-{events}", "no-such-account", OutcomeKind.Lost, LastEvent, null, null)));
        var (id, enrolledAt, _, _) = accounts[0];
        var enrolment = Enrolment(id, "control", $"enrol-{id}") with { EnrolledAt = enrolledAt };
        rows.Add(new ImportRow(enrolment, null));
        rows.Add(new ImportRow(enrolment with { EventId = $"enrol-again-{events}", ArmKey = "variant-a" }, null));
        await Outcomes().ImportAsync(Team, "exp-1", new ImportBatch($"retry-{events}", rows), NextStamp(), CancellationToken.None);
    }

    /// <summary>Records <paramref name="count"/> random events, half in one batch, half one call each.</summary>
    public async Task RecordAsync(int count)
    {
        var batch = new List<ImportRow>();
        for (int i = 0; i < count; i++)
        {
            var outcome = NextEvent();
            if (outcome is null) continue;
            if (i % 2 == 0) batch.Add(new ImportRow(null, outcome));
            else await Outcomes().RecordAsync(Team, "exp-1", outcome, NextStamp(), CancellationToken.None);
        }

        if (batch.Count > 0) await Outcomes().ImportAsync(Team, "exp-1", new ImportBatch($"events-{events}", batch), NextStamp(), CancellationToken.None);
    }

    private OutcomeEvent? NextEvent()
    {
        int index = random.Next(accounts.Count);
        var (id, enrolledAt, times, wonInEur) = accounts[index];
        if (enrolledAt > LastEvent) return null;
        string eventId = $"evt-{++events}";
        OutcomeEvent outcome;
        if (times.Count > 0 && random.Next(4) == 0)
        {
            // A win at the instant of an earlier event, with an ACV no other event has: ties are broken by ACV alone.
            outcome = new OutcomeEvent(eventId, id, OutcomeKind.Converted, times[random.Next(times.Count)], new Money("EUR", 3_000m + events), 12.5);
            wonInEur = true;
        }
        else if (wonInEur && random.Next(3) == 0)
        {
            // Later than every EUR win of the account, so never the earliest win: its currency must not reach the snapshot.
            outcome = new OutcomeEvent(eventId, id, OutcomeKind.Converted, LastEvent, new Money("USD", 1m), null);
        }
        else if (random.Next(2) == 0)
        {
            var at = RandomEventTime(enrolledAt);
            double? cycle = random.Next(3) == 0 ? null : Math.Round(random.NextDouble() * 90, 1);
            outcome = new OutcomeEvent(eventId, id, OutcomeKind.Converted, at, new Money("EUR", AcvValues[random.Next(AcvValues.Length)]), cycle);
            wonInEur = true;
        }
        else
        {
            outcome = new OutcomeEvent(eventId, id, OutcomeKind.Lost, RandomEventTime(enrolledAt), null, null);
        }

        times.Add(outcome.OccurredAt);
        sent.Add(outcome);
        accounts[index] = (id, enrolledAt, times, wonInEur);
        return outcome;
    }

    private DateTimeOffset RandomEventTime(DateTimeOffset enrolledAt) => enrolledAt.AddTicks((long)(random.NextDouble() * (LastEvent - enrolledAt).Ticks));

    private DateTimeOffset NextStamp() => SameStamp ? stamp : stamp = stamp.AddSeconds(1);
}
