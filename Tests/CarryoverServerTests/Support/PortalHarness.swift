import CarryoverCore
import CarryoverPractice
import CarryoverTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization

@testable import CarryoverServer

/// A clock the tests move.
final class MovableClock: WallClock {
    private let instant: Mutex<Date>

    init(_ start: Date) { instant = Mutex(start) }

    func now() -> Date { instant.withLock { $0 } }

    func set(_ date: Date) { instant.withLock { $0 = date } }

    func advance(_ seconds: TimeInterval) {
        instant.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A practice with two clients and their homework, and a portal on it.
///
/// c-1 has a thought record (daily at 20:00, token economy) and a PHQ-9;
/// c-2 has a thought record of their own.
final class PortalHarness: Sendable {
    /// 2026-12-07T09:00:00Z, a Monday: 20,794 days after 1970-01-01 times
    /// 86,400 s plus 9 hours (checked against `date -u -d @1796634000`).
    static let start = Date(timeIntervalSince1970: 1_796_634_000)

    let folder: TemporaryFolder
    let clock: MovableClock
    let practice: Practice
    let configuration: PortalConfiguration
    let log: LogCapture

    init(configuration: PortalConfiguration = PortalConfiguration(crisisMessage: "CALL-112-NOW"))
        async throws
    {
        folder = try TemporaryFolder(prefix: "carryover-portal")
        clock = MovableClock(Self.start)
        practice = try Practice.create(at: folder.url, clock: clock)
        self.configuration = configuration
        log = LogCapture()
        for id in ["c-1", "c-2"] {
            _ = try await practice.addClient(
                id: id, displayName: "Secret Name \(id)", timeZone: "Europe/Berlin")
            _ = try await practice.assign(
                AssignmentRequest(
                    clientID: id, homeworkType: "org.carryover.thought-record",
                    schedule: "daily at 20:00 for 3 weeks", completion: "5 of 7 days",
                    reinforcement: "token economy"))
        }
        _ = try await practice.assign(
            AssignmentRequest(
                clientID: "c-1", homeworkType: "org.carryover.phq9", schedule: "weekly on monday"))
    }

    /// Runs `body` with a test client of the portal's router.
    func test<T: Sendable>(_ body: @escaping @Sendable (Browser) async throws -> T) async throws
        -> T
    {
        let server = PortalServer(practice: practice, configuration: configuration)
        var logger = Logger(label: "portal-test") { _ in self.log }
        logger.logLevel = .info
        let app = Application(router: try server.router(), logger: logger)
        return try await app.test(.router) { client in try await body(Browser(client: client)) }
    }

    /// A new invite link's token for `client`.
    func inviteToken(_ client: String = "c-1") async throws -> String {
        try await practice.invite(clientID: client).token
    }
}

/// Collects log lines so tests can check what a log would show.
final class LogCapture: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func log(event: LogEvent) {
        let metadata = event.metadata.map { " \($0)" } ?? ""
        lines.withLock { $0.append("\(event.level) \(event.message)\(metadata)") }
    }

    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}
