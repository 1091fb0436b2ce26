using IcpExperiments.Core.Outcomes;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Outcomes;

public sealed class ImportRowValidatorTests
{
    [Fact]
    public void Validate_ValidEnrolmentRow_IsAccepted()
    {
        Assert.Null(ImportRowValidator.Validate(new ImportRow(Enrolment(), null), 0, Now));
    }

    [Fact]
    public void Validate_ValidOutcomeRow_IsAccepted()
    {
        Assert.Null(ImportRowValidator.Validate(new ImportRow(null, Converted()), 0, Now));
    }

    [Fact]
    public void Validate_EmptyRow_IsMalformed()
    {
        var rejection = ImportRowValidator.Validate(new ImportRow(null, null), 7, Now);

        Assert.Equal(new RowRejection(7, "MALFORMED_ROW", "", "a row must hold exactly one of an enrolment or an outcome."), rejection);
    }

    [Fact]
    public void Validate_RowWithBoth_IsMalformed()
    {
        var rejection = ImportRowValidator.Validate(new ImportRow(Enrolment(), Converted()), 3, Now);

        Assert.Equal("MALFORMED_ROW", rejection?.Reason);
        Assert.Equal(3, rejection?.Index);
    }

    [Fact]
    public void Validate_InvalidOutcome_RejectsWithFirstViolation()
    {
        var outcome = Converted() with { EventId = "", Acv = null };

        var rejection = ImportRowValidator.Validate(new ImportRow(null, outcome), 12, Now);

        Assert.NotNull(rejection);
        Assert.Equal((12, "INVALID_ROW", "outcome.event_id"), (rejection.Index, rejection.Reason, rejection.Field));
        Assert.Equal("is required.", rejection.Message);
    }

    [Fact]
    public void Validate_InvalidEnrolment_RejectsWithFieldPath()
    {
        var enrolment = Enrolment() with { EnrolledAt = Now.AddDays(3) };

        var rejection = ImportRowValidator.Validate(new ImportRow(enrolment, null), 0, Now);

        Assert.Equal("enrolment.enrolled_at", rejection?.Field);
    }
}
