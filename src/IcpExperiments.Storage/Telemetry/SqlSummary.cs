namespace IcpExperiments.Storage.Telemetry;

/// <summary>
/// A low-cardinality, value-free summary of a SQL statement: its operation (first keyword of the main statement) and
/// its main table, e.g. <c>SELECT experiments</c>. Literals and parameters never appear, so the summary is safe to export.
/// </summary>
internal readonly record struct SqlSummary(string Operation, string? Table)
{
    private const int MaxTokens = 512;
    private static readonly string[] Statements = ["SELECT", "INSERT", "UPDATE", "DELETE"];

    public string SpanName => Table is null ? Operation : $"{Operation} {Table}";

    public static SqlSummary Of(string? sql)
    {
        var tokens = Tokens(sql ?? string.Empty);
        if (tokens.Count == 0) return new SqlSummary("SQL", null);
        // A WITH clause summarizes as the statement after its common table expressions.
        int first = Is(tokens[0], "WITH") ? Math.Max(0, FindAtDepth(tokens, 1, Statements)) : 0;
        var operation = tokens[first].ToUpperInvariant();
        string? table = operation switch
        {
            "SELECT" or "DELETE" => After(tokens, first, "FROM"),
            "INSERT" => After(tokens, first, "INTO"),
            "UPDATE" => Name(tokens, first + 1),
            "PRAGMA" => Name(tokens, first + 1)?.Split('=')[0],
            _ => null,
        };
        return new SqlSummary(operation, table);
    }

    /// <summary>The name after <paramref name="keyword"/> at the statement's own nesting level (not inside a subquery).</summary>
    private static string? After(List<string> tokens, int start, string keyword)
    {
        int at = FindAtDepth(tokens, start + 1, [keyword]);
        return at < 0 ? null : Name(tokens, at + 1);
    }

    private static int FindAtDepth(List<string> tokens, int start, string[] keywords)
    {
        int depth = 0;
        for (int i = start; i < tokens.Count; i++)
        {
            if (tokens[i] == "(") depth++;
            else if (tokens[i] == ")") depth--;
            else if (depth == 0 && keywords.Any(k => Is(tokens[i], k))) return i;
        }

        return -1;
    }

    private static string? Name(List<string> tokens, int at) =>
        at < tokens.Count && tokens[at] is not ("(" or ")") ? tokens[at].Trim('"', '`', '[', ']').Replace("\".\"", ".", StringComparison.Ordinal) : null;

    private static bool Is(string token, string keyword) => string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keywords, identifiers and parentheses; string literals, comments and parameters are dropped.</summary>
    private static List<string> Tokens(string sql)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < sql.Length && tokens.Count < MaxTokens)
        {
            char c = sql[i];
            if (char.IsWhiteSpace(c) || c is ',' or ';')
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c == '(' ? "(" : ")");
                i++;
            }
            else if (c == '\'')
            {
                int end = sql.IndexOf('\'', i + 1);
                i = end >= 0 ? end + 1 : sql.Length; // a literal: skipped, never reported
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                int end = sql.IndexOf('\n', i);
                i = end >= 0 ? end + 1 : sql.Length;
            }
            else
            {
                int start = i;
                while (i < sql.Length && !char.IsWhiteSpace(sql[i]) && sql[i] is not (',' or ';' or '(' or ')' or '\'')) i++;
                if (sql[start] is not ('@' or '$' or ':' or '?')) tokens.Add(sql[start..i]);
            }
        }

        return tokens;
    }
}
