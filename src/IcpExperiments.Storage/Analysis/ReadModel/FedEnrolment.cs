namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>An enrolment row as stored, reduced to what <see cref="ExperimentFacts"/> keeps (the arm still as its key: the design resolves it).</summary>
internal readonly record struct FedEnrolment(long AccountKey, string ArmKey, long EnrolledAtTicks);
