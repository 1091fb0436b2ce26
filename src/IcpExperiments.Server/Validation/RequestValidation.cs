using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Server.Validation;

/// <summary>
/// Collects the proto-level problems of one request (required fields, unspecified enums, non-finite numbers,
/// malformed timestamps, dates and money) so the client gets all of them at once, as field violations with the
/// request's own field paths. Domain rules (ranges, cross-field rules) are checked by the application layer.
/// </summary>
public sealed class RequestValidation
{
    private readonly List<FieldViolation> violations = [];

    public bool IsValid => violations.Count == 0;

    public void Add(string field, string description) => violations.Add(new FieldViolation(field, description));

    /// <summary>Adds a violation unless <paramref name="condition"/> holds; returns the condition.</summary>
    public bool Check(bool condition, string field, string description)
    {
        if (!condition) Add(field, description);
        return condition;
    }

    public bool Required(string value, string field) => Check(!string.IsNullOrWhiteSpace(value), field, "is required.");

    public bool Required(object? message, string field) => Check(message is not null, field, "is required.");

    /// <summary>Rejects the zero value of a proto enum (<c>*_UNSPECIFIED</c>) and values this server does not know.</summary>
    public bool Specified<TEnum>(TEnum value, string field)
        where TEnum : struct, System.Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
            return Check(false, field, "must be specified (the UNSPECIFIED value is not allowed).");
        return Check(System.Enum.IsDefined(value), field, $"value {value} is not a known {typeof(TEnum).Name}.");
    }

    public bool Finite(double value, string field) => Check(double.IsFinite(value), field, "must be a finite number (not NaN or infinite).");

    public bool PageSize(int pageSize, string field = "page_size") => Check(pageSize >= 0, field, "must be >= 0.");

    /// <summary>A Timestamp must be normalized and inside 0001-01-01..9999-12-31.</summary>
    public bool ValidTimestamp(Timestamp? value, string field)
    {
        if (!Required(value, field)) return false;
        return Check(
            value!.Nanos is >= 0 and < 1_000_000_000 && value.Seconds is >= MinTimestampSeconds and <= MaxTimestampSeconds,
            field,
            "must be a valid timestamp between 0001-01-01 and 9999-12-31 with nanos in [0, 999999999].");
    }

    /// <summary>Throws a ValidationFailedException with every collected violation, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (violations.Count > 0) throw new ValidationFailedException(violations.ToList());
    }

    /// <summary>The collected violations (for callers that report them without throwing, e.g. bulk rows).</summary>
    public IReadOnlyList<FieldViolation> Violations => violations;

    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;
}
