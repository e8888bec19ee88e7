import CLua
import Foundation

// Build tool of the EmbedModalities plugin:
//   EmbedModalitiesTool <Modalities folder> <output .swift file>
// Reads each modality folder, checks its manifest and the syntax of every
// Lua file (text chunks only), and writes a Swift catalogue of the files.
// Problems are printed as `file:line: error: message` and fail the build.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(
        Data("usage: EmbedModalitiesTool <modalities> <output.swift>\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1], isDirectory: true)
let output = URL(fileURLWithPath: arguments[2])

do {
    let modalities = try ModalityFolder.readAll(in: root)
    let problems = modalities.flatMap(\.problems)
    for problem in problems {
        FileHandle.standardError.write(Data("\(problem)\n".utf8))
    }
    if !problems.isEmpty { exit(1) }
    let swift = SwiftCatalogueWriter.source(of: modalities)
    // Write only on change so dependants are not rebuilt for nothing.
    if (try? String(contentsOf: output, encoding: .utf8)) != swift {
        try swift.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("\(root.path): error: \(error)\n".utf8))
    exit(1)
}
