import Foundation
import Testing

@testable import CarryoverPacks

/// Expects `body` to fail with `code` and to leave `folder` byte for byte as it was.
func expectRefusal(
    _ expected: PackError.Code, leaving folder: URL,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) throws {
    let before = try snapshot(folder)
    do {
        try body()
        Issue.record("expected \(expected), but it succeeded", sourceLocation: sourceLocation)
    } catch let error as PackError {
        #expect(error.code == expected, "\(error)", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    }
    #expect(try snapshot(folder) == before, "the folder changed", sourceLocation: sourceLocation)
}

/// A ustar archive with exactly the given members, for archives Carryover would never write.
func craftArchive(_ members: [(path: String, kind: UstarHeader.Kind, data: String)]) throws -> Data
{
    var bytes: [UInt8] = []
    for member in members {
        let data = Array(member.data.utf8)
        bytes += try UstarHeader(path: member.path, kind: member.kind, size: data.count).encode()
        bytes += data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }
    return Data(bytes + [UInt8](repeating: 0, count: 1024))
}
