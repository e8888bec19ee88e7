import Foundation
import Logging

/// The CLI's diagnostics: the modules' swift-log lines on standard error,
/// none unless `--verbose`, so a command's only line on standard error is
/// its error (Docs/cli.md).
///
/// `main` bootstraps the logging system before anything can log; options
/// are parsed later, so the handler asks the gate at every line. What the
/// modules log (store opens and migrations, pack verification, homework
/// types loaded, failed hooks, import batches) names ids, versions, counts
/// and codes, never a field value or a plugin's message.
enum Diagnostics {
    private static let gate = Gate()

    /// Sends every logger's lines through the gate; call once, first.
    static func bootstrap() {
        LoggingSystem.bootstrap { label in
            GatedLogHandler(stream: .standardError(label: label), gate: gate)
        }
    }

    /// Prints lines at `level` and above from now on (`--verbose`: `.debug`).
    static func show(from level: Logger.Level) {
        gate.level = level
    }

    /// The least level printed, if any; shared by every handler.
    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Logger.Level?

        var level: Logger.Level? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }
}

/// A `StreamLogHandler` that prints only what ``Diagnostics`` lets through.
struct GatedLogHandler: LogHandler {
    var stream: StreamLogHandler
    let gate: Diagnostics.Gate

    func log(event: LogEvent) {
        guard let least = gate.level, event.level >= least else { return }
        stream.log(event: event)
    }

    /// The gate's level, so loggers skip building lines nobody will see.
    var logLevel: Logger.Level {
        get { gate.level ?? .critical }
        set {}
    }

    var metadata: Logger.Metadata {
        get { stream.metadata }
        set { stream.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { stream[metadataKey: key] }
        set { stream[metadataKey: key] = newValue }
    }
}
