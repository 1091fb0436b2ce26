namespace IcpExperiments.Core.Outcomes;

/// <summary>What happened to one written event.</summary>
public enum RecordDisposition
{
    /// <summary>Newly stored.</summary>
    Accepted = 1,

    /// <summary>The same event id with the same content was already stored: nothing changed (idempotent retry).</summary>
    Duplicate = 2,

    /// <summary>Not stored; see the rejection.</summary>
    Rejected = 3,
}
