namespace IcpExperiments.Storage.Analysis;

/// <summary>Takes each enrolment row of <see cref="OrderedAccountRows"/> with the account's folded outcomes.</summary>
internal interface IEnrolmentRowSink<in TRows>
    where TRows : IScanRows
{
    /// <param name="reader">Positioned on the enrolment row.</param>
    /// <param name="code">The row's code (below <see cref="SnapshotQueries.OutcomeCode"/>).</param>
    /// <param name="outcomes">The account's outcomes up to as-of, folded.</param>
    void Add(TRows reader, long code, in AccountOutcomes outcomes);
}
