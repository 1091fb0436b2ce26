namespace IcpExperiments.Storage.Telemetry;

/// <summary>
/// A low-cardinality, value-free summary of a SQL statement: its operation (first keyword) and its main table, e.g.
/// <c>SELECT experiments</c>. Literals and parameters never appear, so the summary is safe to export.
/// </summary>
internal readonly record struct SqlSummary(string Operation, string? Table)
{
    public string SpanName => Table is null ? Operation : $"{Operation} {Table}";

    public static SqlSummary Of(string? sql)
    {
        var words = Words(sql ?? string.Empty);
        if (words.Count == 0) return new SqlSummary("SQL", null);
        // EF Core prefixes its own statements with comments or WITH clauses rarely; a WITH summarizes as its main statement.
        int first = 0;
        if (Is(words[0], "WITH")) first = words.FindIndex(1, w => Is(w, "SELECT") || Is(w, "INSERT") || Is(w, "UPDATE") || Is(w, "DELETE"));
        if (first < 0) first = 0;
        var operation = words[first].ToUpperInvariant();
        string? table = operation switch
        {
            "SELECT" or "DELETE" => After(words, first, "FROM"),
            "INSERT" => After(words, first, "INTO"),
            "UPDATE" => words.Count > first + 1 ? words[first + 1] : null,
            "PRAGMA" => words.Count > first + 1 ? words[first + 1].Split('=')[0] : null,
            _ => null,
        };
        return new SqlSummary(operation, table is null ? null : Unquote(table));
    }

    private static string? After(List<string> words, int start, string keyword)
    {
        int at = words.FindIndex(start, w => Is(w, keyword));
        return at >= 0 && at + 1 < words.Count && words[at + 1] != "(" ? words[at + 1] : null;
    }

    private static bool Is(string word, string keyword) => string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string name) => name.Trim('"', '`', '[', ']').Replace("\".\"", ".", StringComparison.Ordinal);

    /// <summary>Identifiers and keywords up to the first 512 words; string literals and parameters are skipped.</summary>
    private static List<string> Words(string sql)
    {
        var words = new List<string>();
        int i = 0;
        while (i < sql.Length && words.Count < 512)
        {
            char c = sql[i];
            if (char.IsWhiteSpace(c) || c == ',' || c == ';' || c == ')')
            {
                i++;
            }
            else if (c == '(')
            {
                words.Add("(");
                i++;
            }
            else if (c == '\'')
            {
                i = sql.IndexOf('\'', i + 1) is var end and >= 0 ? end + 1 : sql.Length; // a literal: skipped, never reported
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                i = sql.IndexOf('\n', i) is var end and >= 0 ? end + 1 : sql.Length;
            }
            else
            {
                int start = i;
                while (i < sql.Length && !char.IsWhiteSpace(sql[i]) && sql[i] is not (',' or ';' or '(' or ')' or '\'')) i++;
                var word = sql[start..i];
                if (word[0] is not ('@' or '$' or ':' or '?')) words.Add(word);
            }
        }

        return words;
    }
}
