using IcpExperiments.Core.Outcomes;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Outcome events between the contract (a oneof of converted / lost) and the domain (a kind plus fields).</summary>
public static class OutcomeMapping
{
    public static OutcomeEvent ToDomain(V1.Outcome outcome, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        validation.Required(outcome.EventId, $"{field}.event_id");
        validation.Required(outcome.AccountId, $"{field}.account_id");
        double? cycleDays = outcome.HasCycleDays ? outcome.CycleDays : null;
        switch (outcome.ResultCase)
        {
            case V1.Outcome.ResultOneofCase.Converted:
                var convertedAt = CommonMapping.ToInstant(outcome.Converted.ConvertTime, $"{field}.converted.convert_time", validation);
                validation.Required(outcome.Converted.Acv, $"{field}.converted.acv");
                var acv = CommonMapping.ToMoney(outcome.Converted.Acv, $"{field}.converted.acv", validation);
                return new OutcomeEvent(outcome.EventId, outcome.AccountId, OutcomeKind.Converted, convertedAt, acv, cycleDays);
            case V1.Outcome.ResultOneofCase.Lost:
                var lostAt = CommonMapping.ToInstant(outcome.Lost.LoseTime, $"{field}.lost.lose_time", validation);
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
}
