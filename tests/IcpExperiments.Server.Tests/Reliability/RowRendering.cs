using System.Data.Common;
using System.Globalization;
using System.Text;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>Renders a row column by column, length-prefixed, so the database digests of both engines compare whole rows.</summary>
public static class RowRendering
{
    public static string Render(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var row = new StringBuilder();
        for (int i = 0; i < reader.FieldCount; i++)
        {
            var text = reader.GetValue(i) switch
            {
                DBNull => "null",
                byte[] bytes => Convert.ToHexString(bytes),
                var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
            };
            row.Append(text.Length).Append(':').Append(text).Append('|');
        }

        return row.Append('\n').ToString();
    }
}
