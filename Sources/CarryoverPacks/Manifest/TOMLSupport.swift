import CarryoverManifest
import Foundation
import TOMLKit

/// Reads TOML into a table and gives typed, error-checked access to its keys.
///
/// TOMLKit's tables are not Sendable, so they never leave the function that
/// parsed them; callers copy values out into the module's own types.
struct TOMLFields {
    let table: TOMLTable
    /// The file name, for messages.
    let file: String

    init(_ data: Data, file: String) throws(PackError) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw PackError(.invalidManifest, "\(file) is not UTF-8 text; save it as UTF-8")
        }
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw PackError(
                .invalidManifest,
                "\(file) is not valid TOML at line \(error.source.begin.line): \(error.description)"
            )
        } catch {
            throw PackError(.invalidManifest, "\(file) is not valid TOML; check its syntax")
        }
        self.file = file
    }

    init(table: TOMLTable, file: String) {
        self.table = table
        self.file = file
    }

    func string(_ key: String) throws(PackError) -> String {
        guard let value = table[key]?.string, !value.isEmpty else {
            throw PackError(.invalidManifest, "\(file) needs a non-empty string '\(key)'")
        }
        return value
    }

    func version(_ key: String) throws(PackError) -> SemanticVersion {
        try SemanticVersion(packVersion: string(key))
    }

    /// An array of tables (`[[key]]`); empty when the key is absent.
    func tables(_ key: String) throws(PackError) -> [TOMLFields] {
        try list(key, expecting: "'[[\(key)]]' tables") { element in
            element.table.map { TOMLFields(table: $0, file: file) }
        }
    }

    func table(_ key: String) throws(PackError) -> TOMLFields {
        guard let inner = table[key]?.table else {
            throw PackError(.invalidManifest, "\(file) needs a '[\(key)]' table")
        }
        return TOMLFields(table: inner, file: file)
    }

    /// An array of strings; empty when the key is absent.
    func strings(_ key: String) throws(PackError) -> [String] {
        try list(key, expecting: "'\(key)' to be a list of strings") { $0.string }
    }

    private func list<T>(
        _ key: String, expecting what: String, _ convert: (TOMLValueConvertible) -> T?
    ) throws(PackError) -> [T] {
        guard table.contains(key: key) else { return [] }
        let problem = PackError(.invalidManifest, "\(file) needs \(what)")
        guard let array = table[key]?.array else { throw problem }
        var result: [T] = []
        for element in array {
            guard let value = convert(element) else { throw problem }
            result.append(value)
        }
        return result
    }
}
