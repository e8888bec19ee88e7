import ArgumentParser

@main
struct Carryover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carryover",
        abstract: "Homework between therapy sessions: assign, log, reinforce, review.",
        version: "0.1.0"
    )
}
