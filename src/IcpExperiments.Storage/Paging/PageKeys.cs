using System.Globalization;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Storage.Paging;

/// <summary>Invariant text forms of numeric sort keys inside page tokens.</summary>
internal static class PageKeys
{
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset value) => Format(value.UtcTicks);

    public static int ParseInt(string key) => (int)Math.Clamp(ParseLong(key), int.MinValue, int.MaxValue);

    public static DateTimeOffset ParseInstant(string key) => new(Math.Clamp(ParseLong(key), DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);

    public static long ParseLong(string key) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ValidationFailedException("page_token", "is not a token returned by the previous page of this list.");
}
