using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IcpExperiments.Core.Outcomes;

/// <summary>
/// Writes named fields in a fixed order as <c>name=length:value;</c> (null as <c>name=~;</c>), so no two different
/// contents serialize alike, then hashes the text with SHA-256. Numbers are written culture-invariantly.
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly StringBuilder text = new();

    public CanonicalWriter(string schema) => Write("schema", schema);

    public CanonicalWriter Write(string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null) text.Append('~');
        else text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        text.Append(';');
        return this;
    }

    public CanonicalWriter Write(string name, long? value) => Write(name, value?.ToString(CultureInfo.InvariantCulture));

    // "R" round-trips every double; -0 and 0 are the same number of days.
    public CanonicalWriter Write(string name, double? value) => Write(name, value is { } v ? (v == 0 ? 0d : v).ToString("R", CultureInfo.InvariantCulture) : null);

    // 1.5m and 1.50m are the same amount: drop trailing zeros.
    public CanonicalWriter Write(string name, decimal? value) => Write(name, value?.ToString("0.############################", CultureInfo.InvariantCulture));

    /// <summary>An instant as UTC ticks: the same moment written with another offset is the same content.</summary>
    public CanonicalWriter Write(string name, DateTimeOffset? value) => Write(name, value?.UtcTicks);

    public CanonicalWriter WriteList(string name, IEnumerable<string> values)
    {
        var items = values.ToList();
        Write(name, (long)items.Count);
        for (int i = 0; i < items.Count; i++) Write($"{name}[{i}]", items[i]);
        return this;
    }

    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
}
