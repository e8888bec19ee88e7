import Foundation

// Tool of the EmbedModalities build plugin:
//   EmbedModalitiesTool <Modalities folder> <output .swift file>
// Reads each modality folder, checks its manifest (with the shared manifest
// rules of CarryoverManifest) and the syntax of every Lua file (text chunks
// only), and writes a Swift catalogue of the files. Problems are printed as
// `file:line: error: message` and exit with status 1. The deeper checks
// (declaration, hooks, globals) are `carryover plugin lint`'s; the
// `lint-modalities` command plugin runs it on every modality.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
    FileHandle.standardError.write(
        Data("usage: EmbedModalitiesTool <modalities> <output.swift>\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[0], isDirectory: true)

do {
    let modalities = try ModalityFolder.readAll(in: root)
    let problems = modalities.flatMap(\.problems)
    for problem in problems {
        FileHandle.standardError.write(Data("\(problem)\n".utf8))
    }
    if !problems.isEmpty { exit(1) }
    let output = URL(fileURLWithPath: arguments[1])
    let swift = SwiftCatalogueWriter.source(of: modalities)
    // Write only on change so dependants are not rebuilt for nothing.
    if (try? String(contentsOf: output, encoding: .utf8)) != swift {
        try swift.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("\(root.path): error: \(error)\n".utf8))
    exit(1)
}
