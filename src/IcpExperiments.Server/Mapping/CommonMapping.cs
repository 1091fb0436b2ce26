using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Core.Paging;
using IcpExperiments.Server.Validation;
using DomainMoney = IcpExperiments.Core.Campaigns.Money;

namespace IcpExperiments.Server.Mapping;

/// <summary>Conversions shared by every service: timestamps, calendar dates, money and paging.</summary>
public static class CommonMapping
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static Timestamp ToProto(DateTimeOffset value) => Timestamp.FromDateTimeOffset(value);

    public static Timestamp? ToProto(DateTimeOffset? value) => value is null ? null : Timestamp.FromDateTimeOffset(value.Value);

    /// <summary>The instant of a validated timestamp; <see cref="DateTimeOffset.MinValue"/> when it is invalid (the violation is already recorded).</summary>
    public static DateTimeOffset ToInstant(Timestamp? value, string field, RequestValidation validation) =>
        validation.ValidTimestamp(value, field) ? value!.ToDateTimeOffset() : DateTimeOffset.MinValue;

    public static Google.Type.Date ToProto(DateOnly value) => new() { Year = value.Year, Month = value.Month, Day = value.Day };

    public static Google.Type.Date? ToProto(DateOnly? value) => value is null ? null : ToProto(value.Value);

    /// <summary>A full calendar date (no zero year, month or day); null with a violation otherwise.</summary>
    public static DateOnly? ToDate(Google.Type.Date? value, string field, RequestValidation validation)
    {
        if (value is null) return null;
        var valid = value.Year is >= 1 and <= 9999 && value.Month is >= 1 and <= 12
            && value.Day >= 1 && value.Day <= DateTime.DaysInMonth(value.Year, value.Month);
        return validation.Check(valid, field, "must be a full, valid calendar date (year 1-9999, month 1-12, day of that month).")
            ? new DateOnly(value.Year, value.Month, value.Day)
            : null;
    }

    public static Google.Type.Money ToProto(DomainMoney value)
    {
        var units = decimal.Truncate(value.Amount);
        return new Google.Type.Money
        {
            CurrencyCode = value.CurrencyCode,
            Units = (long)units,
            Nanos = (int)decimal.Round((value.Amount - units) * NanosPerUnit),
        };
    }

    /// <summary>
    /// An exact decimal amount from google.type.Money; units and nanos must agree in sign and nanos lie in
    /// (-1e9, 1e9). Currency code and sign rules are the domain's. Null with a violation when malformed.
    /// </summary>
    public static DomainMoney? ToMoney(Google.Type.Money? value, string field, RequestValidation validation)
    {
        if (value is null) return null;
        var signsAgree = (value.Units >= 0 && value.Nanos >= 0) || (value.Units <= 0 && value.Nanos <= 0);
        var valid = validation.Check(value.Nanos is > -1_000_000_000 and < 1_000_000_000, $"{field}.nanos", "must be in (-999999999, 999999999).")
            & validation.Check(signsAgree, field, "units and nanos must have the same sign.");
        return valid ? new DomainMoney(value.CurrencyCode, value.Units + (value.Nanos / NanosPerUnit)) : null;
    }

    /// <summary>A page request; a negative page size is a violation (larger than the maximum is lowered by the domain).</summary>
    public static PageRequest ToPageRequest(int pageSize, string pageToken, RequestValidation validation)
    {
        validation.PageSize(pageSize);
        return new PageRequest(Math.Max(pageSize, 0), pageToken.Length == 0 ? null : pageToken);
    }
}
