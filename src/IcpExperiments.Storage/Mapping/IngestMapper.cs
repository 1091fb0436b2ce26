using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Entities;

namespace IcpExperiments.Storage.Mapping;

/// <summary>Maps stored enrolments and outcomes back to the domain (the ingest path writes them with raw SQL).</summary>
internal static class IngestMapper
{
    public static Enrolment ToDomain(EnrolmentEntity row) => new(
        row.ExperimentId,
        row.EventId,
        new Account(row.AccountId, new AccountAttributes(
            row.Industry,
            row.EmployeeCount,
            row.Region,
            row.AnnualRevenue,
            row.FundingStage,
            StorageJson.Deserialize<List<string>>(row.TechStackJson),
            StorageJson.Deserialize<Dictionary<string, string>>(row.ExtraJson))),
        row.ArmKey,
        row.CampaignId,
        row.EnrolledAt);

    public static RecordedOutcome ToDomain(OutcomeEntity row, RecordDisposition disposition) => new(
        row.ExperimentId,
        new OutcomeEvent(
            row.EventId,
            row.AccountId,
            row.Kind,
            row.OccurredAt,
            row.AcvCurrency is null || row.AcvAmount is null ? null : new Money(row.AcvCurrency, row.AcvAmount.Value),
            row.CycleDays),
        row.RecordedAt,
        disposition);
}
