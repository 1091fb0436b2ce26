namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// One write transaction on one experiment's enrolments and outcomes, in raw SQL (no change tracking): the lookups the
/// planner needs for a whole batch, then the inserts. Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
internal interface IIngestSession : IAsyncDisposable
{
    /// <summary>The experiment's state and arms, or null when the team has no such experiment.</summary>
    Task<IngestExperiment?> LoadExperimentAsync(CancellationToken cancellationToken);

    /// <summary>Campaign id → arm key for the experiment's campaigns.</summary>
    Task<IReadOnlyDictionary<string, string>> LoadCampaignArmsAsync(CancellationToken cancellationToken);

    /// <summary>Stored enrolments of any of <paramref name="accountIds"/> or carrying any of <paramref name="eventIds"/>.</summary>
    Task<IReadOnlyList<StoredEnrolment>> FindEnrolmentsAsync(IReadOnlyCollection<string> accountIds, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>Event id → content fingerprint of the stored outcomes among <paramref name="eventIds"/>.</summary>
    Task<IReadOnlyDictionary<string, string>> FindOutcomeFingerprintsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the plan's new rows (enrolments first) stamped <paramref name="recordedAt"/>, and bumps the data version when
    /// any. Outcomes are inserted only when their event id is new and their account is enrolled by then (checked by the
    /// insert, so the plan may leave both unlooked-up); false, with the transaction left to roll back to the savepoint,
    /// when some planned outcome was not inserted.
    /// </summary>
    Task<bool> TryInsertAsync(IngestPlan plan, DateTimeOffset recordedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The data version the last successful <see cref="TryInsertAsync"/> bumped to; null when it wrote nothing or the
    /// provider does not report it (then no <see cref="IIngestCommitObserver"/> hears of the transaction).
    /// </summary>
    long? WrittenDataVersion => null;

    /// <summary>Marks the point <see cref="RollbackToSavepointAsync"/> returns to.</summary>
    Task CreateSavepointAsync(CancellationToken cancellationToken);

    /// <summary>Undoes every write since <see cref="CreateSavepointAsync"/>; the transaction stays open.</summary>
    Task RollbackToSavepointAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
