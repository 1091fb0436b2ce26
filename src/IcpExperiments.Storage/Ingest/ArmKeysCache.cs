using IcpExperiments.Core.Experiments;
using IcpExperiments.Storage.Conversions;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// The arm keys in an experiment's arms JSON. Consecutive ingest transactions mostly write into the same experiment (a
/// group commit every few milliseconds), so the last parse is kept while the stored JSON is the same string. One per
/// writer connection, used under its write gate.
/// </summary>
internal sealed class ArmKeysCache
{
    private (string Json, IReadOnlySet<string> Keys)? last;

    public IReadOnlySet<string> For(string armsJson)
    {
        if (last is { } cached && string.Equals(cached.Json, armsJson, StringComparison.Ordinal)) return cached.Keys;
        var keys = StorageJson.Deserialize<List<ArmDesign>>(armsJson).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        last = (armsJson, keys);
        return keys;
    }
}
