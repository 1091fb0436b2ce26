using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IcpExperiments.Core.Outcomes;

/// <summary>
/// Writes named fields in a fixed order as <c>name=length:value;</c> (null as <c>name=~;</c>), so no two different
/// contents serialize alike, then hashes the UTF-8 text with SHA-256. Numbers are written culture-invariantly.
/// Ingest fingerprints every row, so numbers are formatted into stack buffers and the text builder and byte buffers are
/// reused; the bytes hashed are exactly those of the plain string (pinned by the fingerprint tests).
/// <see cref="Hash"/> ends the writer.
/// </summary>
internal sealed class CanonicalWriter
{
    private const int MaxCachedCapacity = 4096;

    [ThreadStatic]
    private static StringBuilder? cachedText;

    private readonly StringBuilder text;

    public CanonicalWriter(string schema)
    {
        text = cachedText ?? new StringBuilder(256);
        cachedText = null;
        text.Clear();
        Write("schema", schema);
    }

    public CanonicalWriter Write(string name, string? value) => value is null ? WriteNull(name) : Write(name, value.AsSpan());

    public CanonicalWriter Write(string name, long? value)
    {
        if (value is not { } number) return WriteNull(name);
        Span<char> digits = stackalloc char[32];
        number.TryFormat(digits, out int written, provider: CultureInfo.InvariantCulture);
        return Write(name, digits[..written]);
    }

    // "R" round-trips every double; -0 and 0 are the same number of days.
    public CanonicalWriter Write(string name, double? value)
    {
        if (value is not { } number) return WriteNull(name);
        Span<char> digits = stackalloc char[64];
        (number == 0 ? 0d : number).TryFormat(digits, out int written, "R", CultureInfo.InvariantCulture);
        return Write(name, digits[..written]);
    }

    // 1.5m and 1.50m are the same amount: drop trailing zeros.
    public CanonicalWriter Write(string name, decimal? value)
    {
        if (value is not { } number) return WriteNull(name);
        Span<char> digits = stackalloc char[64];
        number.TryFormat(digits, out int written, "0.############################", CultureInfo.InvariantCulture);
        return Write(name, digits[..written]);
    }

    /// <summary>An instant as UTC ticks: the same moment written with another offset is the same content.</summary>
    public CanonicalWriter Write(string name, DateTimeOffset? value) => Write(name, value?.UtcTicks);

    /// <summary>The count, then each item as <c>name[i]</c>; written straight into the text (no name string per item).</summary>
    public CanonicalWriter WriteList(string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Write(name, (long)values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            var value = values[i];
            text.Append(CultureInfo.InvariantCulture, $"{name}[{i}]={value.Length}:").Append(value).Append(';');
        }

        return this;
    }

    public string Hash()
    {
        int length = text.Length;
        var chars = ArrayPool<char>.Shared.Rent(length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        try
        {
            text.CopyTo(0, chars, 0, length);
            int count = Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, count), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
            if (text.Capacity <= MaxCachedCapacity) cachedText = text;
        }
    }

    private CanonicalWriter Write(string name, ReadOnlySpan<char> value)
    {
        text.Append(name).Append('=').Append(CultureInfo.InvariantCulture, $"{value.Length}").Append(':').Append(value).Append(';');
        return this;
    }

    private CanonicalWriter WriteNull(string name)
    {
        text.Append(name).Append("=~;");
        return this;
    }
}
