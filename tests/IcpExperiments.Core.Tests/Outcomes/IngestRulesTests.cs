using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Core.Tests.Outcomes;

public sealed class IngestRulesTests
{
    [Fact]
    public void EnsureAcceptsEnrolments_Running_DoesNotThrow()
    {
        IngestRules.EnsureAcceptsEnrolments("exp-1", ExperimentState.Running);
    }

    [Theory]
    [InlineData(ExperimentState.Draft)]
    [InlineData(ExperimentState.Stopped)]
    [InlineData(ExperimentState.Concluded)]
    [InlineData(ExperimentState.Archived)]
    public void EnsureAcceptsEnrolments_NotRunning_ThrowsExperimentNotRunning(ExperimentState state)
    {
        var error = Assert.Throws<PreconditionFailedException>(() => IngestRules.EnsureAcceptsEnrolments("exp-1", state));

        Assert.Equal("EXPERIMENT_NOT_RUNNING", error.Reason);
        Assert.Contains("exp-1", error.Message, StringComparison.Ordinal);
        Assert.Contains(state.ToString().ToUpperInvariant(), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExperimentState.Running)]
    [InlineData(ExperimentState.Stopped)]
    public void EnsureAcceptsOutcomes_RunningOrStopped_DoesNotThrow(ExperimentState state)
    {
        IngestRules.EnsureAcceptsOutcomes("exp-1", state);
    }

    [Theory]
    [InlineData(ExperimentState.Draft)]
    [InlineData(ExperimentState.Concluded)]
    [InlineData(ExperimentState.Archived)]
    public void EnsureAcceptsOutcomes_OtherStates_ThrowsNotAcceptingOutcomes(ExperimentState state)
    {
        var error = Assert.Throws<PreconditionFailedException>(() => IngestRules.EnsureAcceptsOutcomes("exp-1", state));

        Assert.Equal("EXPERIMENT_NOT_ACCEPTING_OUTCOMES", error.Reason);
    }
}
