import CarryoverCore

/// Writes rows of JSON-shaped values as one RFC 4180 CSV table.
///
/// Columns are the union of every row's flattened paths (see ``csv(rows:)``),
/// sorted; a row without a path leaves that cell empty.
public enum CSVTable {
    /// The CSV text of `rows`: a header line, then one line per row, CRLF line
    /// ends, fields quoted when they hold `,`, `"`, CR or LF.
    ///
    /// Nested objects become `a.b` columns and list items `a[0].b`; list indices
    /// sort numerically. A string cell that starts with `=`, `+`, `-`, `@`, tab
    /// or CR gets a leading `'` so spreadsheets show it as text instead of
    /// running it as a formula (OWASP CSV injection); numbers are left as they
    /// are.
    public static func csv(rows: [Value]) -> String {
        let flattened = rows.map { Flattening.flatten($0) }
        let columns = Set(flattened.flatMap(\.keys)).sorted(by: Flattening.pathPrecedes)
        // Column names come from plugin field names, so they get the guard too.
        var lines = [columns.map { field(guardFormula($0)) }.joined(separator: ",")]
        for row in flattened {
            lines.append(
                columns.map { column in
                    guard let cell = row[column] else { return "" }
                    return field(cell.isString ? guardFormula(cell.text) : cell.text)
                }.joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// The CSV of a client's entries, one line per entry; the entry's own
    /// properties first-level columns, its fields under `fields.` and its
    /// scores under `scores.`.
    public static func csv(entries: [Entry]) -> String {
        csv(rows: entries.map(TabularRecords.entry))
    }

    /// RFC 4180 section 2: quote a field holding a comma, quote or line break,
    /// and double every quote inside it.
    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { ",\"\r\n".unicodeScalars.contains($0) }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func guardFormula(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first)
        else { return text }
        return "'" + text
    }
}
