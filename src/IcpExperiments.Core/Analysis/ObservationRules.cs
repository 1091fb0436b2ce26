using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// How the observation window and the as-of instant turn a raw outcome into what the analysis sees (DESIGN §1–§2):
/// an account enrolled after as-of does not count; an outcome after as-of has not happened yet; a deal open at as-of
/// is censored there, capped by the window; a win after the window is "not converted", censored at the window; a loss
/// is censored at the loss for time-to-win. Elapsed time from enrolment decides window membership; the CRM's
/// cycle_days, when given, is the reported cycle length of a win.
/// </summary>
public static class ObservationRules
{
    /// <summary>The account's status and its days on the time-to-win clock (event or censoring time); null when it does not count.</summary>
    public static (AccountStatus Status, double Days)? Classify(in AccountObservation account, DateTimeOffset asOf, int windowDays)
    {
        if (windowDays <= 0) throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, "windowDays must be > 0.");
        if (account.EnrolledAt > asOf) return null;

        double followUp = Math.Min((asOf - account.EnrolledAt).TotalDays, windowDays);
        if (account.Outcome is not { } kind || account.OccurredAt is not { } occurredAt || occurredAt > asOf)
            return (AccountStatus.Open, followUp);

        // An outcome stamped before enrolment (clock skew between systems) is taken as happening at enrolment.
        double elapsed = Math.Max(0.0, (occurredAt - account.EnrolledAt).TotalDays);
        if (kind == OutcomeKind.Lost) return (AccountStatus.Lost, Math.Min(elapsed, windowDays));
        if (elapsed > windowDays) return (AccountStatus.Open, windowDays);
        double cycle = account.CycleDays is { } crm && double.IsFinite(crm) && crm >= 0 ? crm : elapsed;
        return (AccountStatus.Converted, cycle);
    }
}
