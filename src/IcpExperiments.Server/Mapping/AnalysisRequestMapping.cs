using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Validates the fields GetResults and WatchResults share and turns them into an analysis request.</summary>
public static class AnalysisRequestMapping
{
    /// <summary>The experiment id, the analysis request and the curve length; INVALID_ARGUMENT with every violation otherwise.</summary>
    public static (string ExperimentId, AnalysisRequest Request, int CurvePoints) ToQuery(
        string experiment, Timestamp? asOf, V1.MultipleComparisonCorrection correction, int curvePoints)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(experiment, "experiment", validation);
        DateTimeOffset? instant = asOf is null ? null : CommonMapping.ToInstant(asOf, "as_of", validation);
        var domainCorrection = ToCorrection(correction, validation);
        validation.Check(curvePoints is >= 0 and <= AnalysisCurveMapping.MaxCurvePoints, "curve_points", $"must be in [0, {AnalysisCurveMapping.MaxCurvePoints}].");
        validation.ThrowIfInvalid();
        return (experimentId!, new AnalysisRequest(instant, domainCorrection), curvePoints == 0 ? AnalysisCurveMapping.DefaultCurvePoints : curvePoints);
    }

    private static MultipleComparisonCorrection ToCorrection(V1.MultipleComparisonCorrection correction, RequestValidation validation)
    {
        switch (correction)
        {
            case V1.MultipleComparisonCorrection.Unspecified or V1.MultipleComparisonCorrection.Holm:
                return MultipleComparisonCorrection.Holm;
            case V1.MultipleComparisonCorrection.BenjaminiHochberg:
                return MultipleComparisonCorrection.BenjaminiHochberg;
            default:
                validation.Add("correction", $"value {correction} is not a known MultipleComparisonCorrection.");
                return MultipleComparisonCorrection.Holm;
        }
    }
}
