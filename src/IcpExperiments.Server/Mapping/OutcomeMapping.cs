using IcpExperiments.Core.Outcomes;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Outcome events between the contract (a oneof of converted / lost) and the domain (a kind plus fields).</summary>
public static class OutcomeMapping
{
    // Bulk import maps every row under "outcome": its field paths are built once, not formatted per row.
    private static readonly FieldPaths OutcomePaths = new("outcome");

    public static OutcomeEvent ToDomain(V1.Outcome outcome, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(validation);
        var paths = field == OutcomePaths.Prefix ? OutcomePaths : new FieldPaths(field);
        validation.Required(outcome.EventId, paths.EventId);
        validation.Required(outcome.AccountId, paths.AccountId);
        double? cycleDays = outcome.HasCycleDays ? outcome.CycleDays : null;
        switch (outcome.ResultCase)
        {
            case V1.Outcome.ResultOneofCase.Converted:
                var convertedAt = CommonMapping.ToInstant(outcome.Converted.ConvertTime, paths.ConvertTime, validation);
                validation.Required(outcome.Converted.Acv, paths.Acv);
                var acv = CommonMapping.ToMoney(outcome.Converted.Acv, paths.Acv, validation);
                return new OutcomeEvent(outcome.EventId, outcome.AccountId, OutcomeKind.Converted, convertedAt, acv, cycleDays);
            case V1.Outcome.ResultOneofCase.Lost:
                var lostAt = CommonMapping.ToInstant(outcome.Lost.LoseTime, paths.LoseTime, validation);
                return new OutcomeEvent(outcome.EventId, outcome.AccountId, OutcomeKind.Lost, lostAt, null, cycleDays);
            default:
                validation.Add(field, "exactly one of converted or lost must be set.");
                return new OutcomeEvent(outcome.EventId, outcome.AccountId, OutcomeKind.Lost, DateTimeOffset.MinValue, null, cycleDays);
        }
    }

    public static V1.Outcome ToProto(RecordedOutcome recorded)
    {
        var outcome = recorded.Event;
        var proto = new V1.Outcome
        {
            Name = ResourceNames.OfOutcome(recorded.ExperimentId, outcome.EventId),
            AccountId = outcome.AccountId,
            EventId = outcome.EventId,
            CreateTime = CommonMapping.ToProto(recorded.RecordedAt),
        };
        if (outcome.Kind == OutcomeKind.Converted)
        {
            proto.Converted = new V1.Conversion { ConvertTime = CommonMapping.ToProto(outcome.OccurredAt) };
            if (outcome.Acv is { } acv) proto.Converted.Acv = CommonMapping.ToProto(acv);
        }
        else
        {
            proto.Lost = new V1.Loss { LoseTime = CommonMapping.ToProto(outcome.OccurredAt) };
        }

        if (outcome.CycleDays is { } days) proto.CycleDays = (int)Math.Round(days);
        return proto;
    }

    /// <summary>The request paths of an outcome's fields under one prefix.</summary>
    private sealed class FieldPaths(string prefix)
    {
        public string Prefix { get; } = prefix;

        public string EventId { get; } = $"{prefix}.event_id";

        public string AccountId { get; } = $"{prefix}.account_id";

        public string ConvertTime { get; } = $"{prefix}.converted.convert_time";

        public string Acv { get; } = $"{prefix}.converted.acv";

        public string LoseTime { get; } = $"{prefix}.lost.lose_time";
    }
}
