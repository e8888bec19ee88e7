import Foundation

/// A fresh folder under the system's temporary directory, removed when the
/// value is released.
package final class TemporaryFolder: Sendable {
    package let url: URL

    package init(prefix: String = "carryover-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The URL of `relative` inside the folder.
    package func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes `text` at `relative`, creating folders on the way.
    @discardableResult
    package func write(_ relative: String, _ text: String) throws -> URL {
        let target = path(relative)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target
    }

    /// A new, empty folder inside this one, named `name` and, when that is
    /// taken, `name-2`, `name-3`, ...: for tests that need several fresh
    /// folders removed together with this one. Safe from concurrent tests:
    /// each name is claimed by creating it.
    package func subfolder(_ name: String) throws -> URL {
        var number = 1
        while true {
            let candidate = path(number == 1 ? name : "\(name)-\(number)")
            do {
                try FileManager.default.createDirectory(
                    at: candidate, withIntermediateDirectories: false)
                return candidate
            } catch  where FileManager.default.fileExists(atPath: candidate.path) {
                number += 1
            }
        }
    }
}

/// The package's root folder (where Package.swift is), found from this file.
package enum PackageRoot {
    package static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CarryoverTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()
}
