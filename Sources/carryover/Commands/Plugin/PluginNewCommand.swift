import ArgumentParser
import CarryoverLua
import CarryoverPluginKit

/// `carryover plugin new <folder> --id org.clinic.name --title "..."`.
struct PluginNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a homework type: manifest, Lua, tests, README and editor support.",
        discussion: "Refuses a folder that already exists; nothing is overwritten."
    )

    @Argument(help: "The folder to create.")
    var folder: String

    @Option(help: "Reverse-DNS id, e.g. org.clinic.sleep-diary.")
    var id: String

    @Option(help: "The title clients see.")
    var title: String

    func run() throws {
        let files = try PluginScaffold(id: id, title: title).write(to: folder)
        print("Created \(folder):")
        for file in files { print("  \(file)") }
        print("Next: carryover plugin test \(folder)")
    }
}
