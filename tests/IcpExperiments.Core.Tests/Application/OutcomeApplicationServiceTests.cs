using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Application;

public sealed class OutcomeApplicationServiceTests
{
    private readonly RecordingOutcomeRepository repository = new();

    [Fact]
    public async Task ImportAsync_InvalidRows_RejectedWithOriginalIndexWhileValidRowsAreStored()
    {
        var sut = CreateSut();
        var rows = new[]
        {
            new ImportRow(Enrolment(), null),
            new ImportRow(null, Converted() with { Acv = null }),
            new ImportRow(null, Lost()),
            new ImportRow(null, null),
            new ImportRow(null, Converted() with { EventId = "out-0009" }),
        };

        var result = await sut.ImportAsync(TeamId.Default, "exp-1", new ImportBatch("b1", rows), CancellationToken.None);

        var passedOn = Assert.Single(repository.Batches);
        Assert.Equal([rows[0], rows[2], rows[4]], passedOn.Rows);
        Assert.Equal([(1, "INVALID_ROW", "outcome.acv"), (3, "MALFORMED_ROW", "")], result.Rejections.Select(r => (r.Index, r.Reason, r.Field)));
        Assert.Equal(3, result.Accepted);
    }

    [Fact]
    public async Task ImportAsync_RepositoryRejections_MappedBackToBatchIndexesInOrder()
    {
        var sut = CreateSut();
        repository.RejectBatchIndexes.Add(1);
        var rows = new[]
        {
            new ImportRow(null, null),
            new ImportRow(Enrolment(), null),
            new ImportRow(null, null),
            new ImportRow(Enrolment() with { EventId = "enr-2" }, null),
        };

        var result = await sut.ImportAsync(TeamId.Default, "exp-1", new ImportBatch("b2", rows), CancellationToken.None);

        Assert.Equal([(0, "MALFORMED_ROW"), (2, "MALFORMED_ROW"), (3, "ENROLMENT_CONFLICT")], result.Rejections.Select(r => (r.Index, r.Reason)));
    }

    [Fact]
    public async Task ImportAsync_MoreThanMaxRows_ThrowsValidation()
    {
        var rows = Enumerable.Repeat(new ImportRow(null, Lost()), ImportBatch.MaxRows + 1).ToList();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().ImportAsync(TeamId.Default, "exp-1", new ImportBatch("b", rows), CancellationToken.None));

        Assert.Equal("rows", Assert.Single(error.Violations).Field);
        Assert.Empty(repository.Batches);
    }

    [Fact]
    public async Task RecordAsync_OutcomeTwoDaysAheadOfClock_ThrowsAndStoresNothing()
    {
        var outcome = Lost() with { OccurredAt = Now.AddDays(2) };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().RecordAsync(TeamId.Default, "exp-1", outcome, CancellationToken.None));

        Assert.Equal("outcome.occurred_at", Assert.Single(error.Violations).Field);
        Assert.Empty(repository.Outcomes);
    }

    [Fact]
    public async Task EnrollAsync_EnrolmentTwoDaysAheadOfClock_ThrowsAndStoresNothing()
    {
        var enrolment = Enrolment() with { EnrolledAt = Now.AddDays(2) };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().EnrollAsync(TeamId.Default, enrolment, CancellationToken.None));

        Assert.Equal("enrolment.enrolled_at", Assert.Single(error.Violations).Field);
        Assert.Empty(repository.Enrolments);
    }

    private OutcomeApplicationService CreateSut() => new(repository, new FakeTimeProvider(Now));
}
