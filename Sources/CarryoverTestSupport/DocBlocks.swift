import Foundation

/// The titled code blocks of a guide under `Docs/`: every block whose fence
/// carries `title="<file>"` is a whole file, and a later block with the same
/// title replaces the earlier one. Tests follow the guides literally with it,
/// so the docs cannot rot unnoticed.
package enum DocBlocks {
    /// (file, text) of every titled block of `Docs/<path>`, in order.
    package static func blocks(of path: String) throws -> [(file: String, text: String)] {
        let markdown = try String(
            contentsOf: PackageRoot.url.appending(path: "Docs/\(path)"), encoding: .utf8)
        var blocks: [(file: String, text: String)] = []
        var current: (file: String, lines: [Substring])?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = current {
                if line == "```" {
                    blocks.append((open.file, open.lines.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current?.lines.append(line)
                }
            } else if line.hasPrefix("```"), let title = line.firstRange(of: #"title=""#) {
                let name = line[title.upperBound...].prefix { $0 != "\"" }
                current = (String(name), [])
            }
        }
        return blocks
    }

    /// The files as they stand at the end of the guide.
    package static func files(of path: String) throws -> [String: String] {
        Dictionary(
            try blocks(of: path).map { ($0.file, $0.text) }, uniquingKeysWith: { _, last in last })
    }
}
