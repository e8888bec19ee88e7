import ArgumentParser
import CarryoverServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Run the client portal: clients sign in with an invite link and do their homework.",
        discussion: """
            Listens on 127.0.0.1:8080 by default. Put it behind a TLS reverse proxy
            (Docs/portal.md has Caddy, nginx and systemd examples) and pass --behind-tls-proxy,
            or serve HTTPS itself with --tls-cert and --tls-key. Stops on Ctrl-C or SIGTERM.
            Examples:
              carryover serve
              carryover serve --port 8443 --tls-cert cert.pem --tls-key key.pem
              carryover serve --behind-tls-proxy --crisis-message-file crisis.txt
            """)

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one and prints it).") var port = 8080
    @Option(help: ArgumentHelp("A PEM certificate chain: serve HTTPS.", valueName: "file"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?
    @Flag(
        help:
            "A reverse proxy in front terminates TLS: cookies are Secure and the client's address is the last X-Forwarded-For hop."
    )
    var behindTLSProxy = false
    @Option(
        help: ArgumentHelp(
            "What a client sees at once after a risk answer (default: emergency numbers).",
            valueName: "text"))
    var crisisMessage: String?
    @Option(help: ArgumentHelp("Read the crisis message from a file.", valueName: "file"))
    var crisisMessageFile: String?
    @Option(help: ArgumentHelp("The name at the top of every page.", valueName: "name"))
    var clinicName = "Your homework"
    @OptionGroup var options: PracticeOptions

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("give --tls-cert and --tls-key together")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
        guard crisisMessage == nil || crisisMessageFile == nil else {
            throw ValidationError("give --crisis-message or --crisis-message-file, not both")
        }
    }

    func run() async throws {
        // The request log (info) shows without --verbose: it is what a server prints.
        if !options.diagnostics.verbose { Diagnostics.show(from: .info) }
        let practice = try await options.open()
        var crisis = crisisMessage ?? PortalConfiguration.defaultCrisisMessage
        if let crisisMessageFile {
            crisis = String(decoding: try readJSON(path: crisisMessageFile), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let configuration = PortalConfiguration(
            host: host, port: port,
            tls: tlsCert.map { TLSFiles(certificate: $0, key: tlsKey ?? "") },
            behindTLSProxy: behindTLSProxy, crisisMessage: crisis, clinicName: clinicName)
        let scheme = configuration.tls == nil ? "http" : "https"
        try await PortalServer(practice: practice, configuration: configuration).run { port in
            // Unbuffered: scripts wait for this line to learn the port.
            FileHandle.standardOutput.write(
                Data("Portal listening on \(scheme)://\(host):\(port)/\n".utf8))
        }
    }
}
