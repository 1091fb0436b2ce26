using System.Buffers.Text;
using System.Text.Json;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Storage.Paging;

/// <summary>Opaque page tokens: the last item's sort key as a JSON array of strings, base64url-encoded.</summary>
internal static class PageToken
{
    public static string Encode(params string[] key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <summary>The key in <paramref name="token"/>, or null for the first page; a forged or foreign token is INVALID_ARGUMENT.</summary>
    public static string[]? Decode(string? token, int keyLength)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var key = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(token));
            if (key is not null && key.Length == keyLength && key.All(k => k is not null)) return key;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
        }

        throw new ValidationFailedException("page_token", "is not a token returned by the previous page of this list.");
    }
}
