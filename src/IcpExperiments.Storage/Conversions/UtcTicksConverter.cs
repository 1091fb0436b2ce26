using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IcpExperiments.Storage.Conversions;

/// <summary>Stores an instant as its UTC ticks (100 ns, exact, orderable); read back with offset zero.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
{
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
