import CLua
import Foundation

// Tool of the EmbedModalities and LintModalities plugins:
//   EmbedModalitiesTool <Modalities folder> <output .swift file>
//   EmbedModalitiesTool --check <Modalities folder>
// Reads each modality folder, checks its manifest and the syntax of every
// Lua file (text chunks only), and writes a Swift catalogue of the files
// (or, with --check, only reports). Problems are printed as
// `file:line: error: message` and exit with status 1.

let arguments = Array(CommandLine.arguments.dropFirst())
let checkOnly = arguments.first == "--check"
guard arguments.count == 2 else {
    FileHandle.standardError.write(
        Data(
            "usage: EmbedModalitiesTool <modalities> <output.swift> | --check <modalities>\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[checkOnly ? 1 : 0], isDirectory: true)

do {
    let modalities = try ModalityFolder.readAll(in: root)
    let problems = modalities.flatMap(\.problems)
    for problem in problems {
        FileHandle.standardError.write(Data("\(problem)\n".utf8))
    }
    if !problems.isEmpty { exit(1) }
    if checkOnly {
        let luaFiles = modalities.map { $0.files.keys.filter { $0.hasSuffix(".lua") }.count }
        print("\(modalities.count) modalities, \(luaFiles.reduce(0, +)) Lua files: no problems")
    } else {
        let output = URL(fileURLWithPath: arguments[1])
        let swift = SwiftCatalogueWriter.source(of: modalities)
        // Write only on change so dependants are not rebuilt for nothing.
        if (try? String(contentsOf: output, encoding: .utf8)) != swift {
            try swift.write(to: output, atomically: true, encoding: .utf8)
        }
    }
} catch {
    FileHandle.standardError.write(Data("\(root.path): error: \(error)\n".utf8))
    exit(1)
}
