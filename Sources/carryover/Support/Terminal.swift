import Foundation

/// Colour and layout for people at a terminal; plain text for pipes, files
/// and anyone who sets `NO_COLOR` (https://no-color.org).
struct Terminal: Sendable {
    enum Style: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case redBackground = "1;37;41"
    }

    let colours: Bool

    static let standardOutput = Terminal(fileDescriptor: STDOUT_FILENO)
    static let standardError = Terminal(fileDescriptor: STDERR_FILENO)

    init(fileDescriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        colours = isatty(fileDescriptor) == 1 && !noColour
    }

    init(colours: Bool) {
        self.colours = colours
    }

    func paint(_ text: String, _ styles: Style...) -> String {
        guard colours, !styles.isEmpty else { return text }
        let codes = styles.map(\.rawValue).joined(separator: ";")
        return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
