import CarryoverCore
import Foundation

/// Prints `value` as JSON: sorted keys, ISO 8601 instants, one document per
/// command, so scripts can rely on the shapes in Docs/cli.md. Integers beyond
/// ±2^53 (reinforcement seeds) are strings, so a double reads every number exactly.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(
        JSONSafeNumbers.quotingLargeIntegers(
            String(decoding: try encoder.encode(value), as: UTF8.self)))
}

/// Reads a JSON file ("-" for standard input) into a value.
func readJSON(path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure(.notFound, "cannot read \(path); check the path")
    }
    return data
}
