using IcpExperiments.Statistics.Survival;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// One arm's columns reduced once, in a single pass, to what every metric needs: counts, revenue per account
/// (ACV or 0), won deals' ACV and cycle days, and the time-to-win sample. Shared by all comparisons against it.
/// </summary>
internal sealed class ArmData
{
    private ArmData(ArmSnapshot arm, long converted, long lost, double[] revenue, double[] wonAcv, double[] wonDays, SurvivalSample? survival)
    {
        Arm = arm;
        Converted = converted;
        Lost = lost;
        Revenue = revenue;
        WonAcv = wonAcv;
        WonDays = wonDays;
        Survival = survival;
    }

    public ArmSnapshot Arm { get; }

    public long Enrolled => Arm.Count;

    public long Converted { get; }

    public long Lost { get; }

    public long Open => Enrolled - Converted - Lost;

    public double[] Revenue { get; }

    public double[] WonAcv { get; }

    public double[] WonDays { get; }

    /// <summary>Null when the arm has no accounts.</summary>
    public SurvivalSample? Survival { get; }

    /// <summary>True when every account has a finite pre-period covariate (CUPED needs them all).</summary>
    public bool HasCovariate
    {
        get
        {
            var covariate = Arm.Covariate;
            if (covariate.Length == 0) return false;
            for (int i = 0; i < covariate.Length; i++)
            {
                if (double.IsNaN(covariate[i])) return false;
            }

            return true;
        }
    }

    /// <summary>1 for a conversion, 0 otherwise, per account (the conversion metric as a mean, for CUPED).</summary>
    public double[] ConvertedIndicator()
    {
        var indicator = new double[Enrolled];
        var statuses = Arm.Status;
        for (int i = 0; i < indicator.Length; i++) indicator[i] = statuses[i] == AccountStatus.Converted ? 1 : 0;
        return indicator;
    }

    public double ConversionRate => Enrolled == 0 ? double.NaN : (double)Converted / Enrolled;

    public decimal? Cac => Converted == 0 || Arm.Spend <= 0 ? null : Arm.Spend / Converted;

    public static ArmData From(ArmSnapshot arm)
    {
        int n = arm.Count;
        long converted = 0, lost = 0;
        var statuses = arm.Status;
        for (int i = 0; i < n; i++)
        {
            if (statuses[i] == AccountStatus.Converted) converted++;
            else if (statuses[i] == AccountStatus.Lost) lost++;
        }

        var revenue = new double[n];
        var wonAcv = new double[converted];
        var wonDays = new double[converted];
        var events = new bool[n];
        int won = 0, withAcv = 0;
        for (int i = 0; i < n; i++)
        {
            if (statuses[i] != AccountStatus.Converted) continue;
            events[i] = true;
            wonDays[won++] = arm.Days[i];

            // A win recorded without an ACV adds nothing to revenue and is left out of the ACV comparison.
            double acv = arm.Acv[i];
            if (double.IsFinite(acv))
            {
                revenue[i] = acv;
                wonAcv[withAcv++] = acv;
            }
        }

        if (withAcv < wonAcv.Length) Array.Resize(ref wonAcv, withAcv);
        var survival = n == 0 ? null : SurvivalSample.Create(arm.Days, events);
        return new ArmData(arm, converted, lost, revenue, wonAcv, wonDays, survival);
    }

    public ArmSummary Summary() =>
        new(Arm.Key, Arm.PlannedAllocation, Enrolled, Converted, Lost, Open, Arm.Spend, Cac);
}
