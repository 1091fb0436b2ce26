using IcpExperiments.Core.Enrolments;

namespace IcpExperiments.Core.Outcomes;

/// <summary>
/// A stable fingerprint of an event's content (canonical serialization, hashed), stored beside the event id so a retry
/// can be recognised as the same content (Duplicate) or different content (ALREADY_EXISTS) without comparing fields.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(OutcomeEvent outcome) => throw new NotImplementedException("core helper implements this");

    public static string Of(Enrolment enrolment) => throw new NotImplementedException("core helper implements this");
}
