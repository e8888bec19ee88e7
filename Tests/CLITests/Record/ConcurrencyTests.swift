import Foundation
import Testing

/// Issue 15: several `carryover` processes logging and redeeming on one
/// assignment at once lose nothing and invent nothing. Each round starts
/// every process together; each process logs an entry for a day of its own
/// (or redeems a 3-token reward), on SQLite and, when the tests are given a
/// server (`CARRYOVER_TEST_POSTGRES_URL`, a build with the Postgres trait),
/// on PostgreSQL.
@Suite(.serialized) struct ConcurrencyTests {
    static let processes = 8
    static let rounds = 20

    /// The stores to run against: the practice folder's SQLite file, and
    /// PostgreSQL when the environment names a server.
    static var stores: [String?] {
        guard let url = ProcessInfo.processInfo.environment["CARRYOVER_TEST_POSTGRES_URL"] else {
            return [nil]
        }
        return [nil, url]
    }

    @Test(arguments: stores)
    func processesLoggingAndRedeemingLoseNoTokenAndSpendNoneTwice(_ databaseURL: String?) throws {
        let cli = try CLIFixture(now: "2026-01-01T08:00:00Z")
        var extra: [String: String] = [:]
        if let databaseURL { extra["CARRYOVER_DATABASE_URL"] = databaseURL }
        cli.environment.merge(extra) { _, new in new }
        // A client of its own: a PostgreSQL database may hold earlier runs.
        let client = "c-\(UUID().uuidString.prefix(8).lowercased())"
        try cli.ok(["init"])
        try cli.ok(["client", "add", client, "--name", "Client", "--time-zone", "Europe/Berlin"])
        try cli.ok([
            "assign", client, "org.carryover.mood-log", "--schedule", "daily at 21:00",
            "--reinforce", "token economy", "--reward", "Movie night=3",
        ])
        let assignment = "\(client)-1"
        cli.environment["CARRYOVER_NOW"] = "2026-12-31T08:00:00Z"

        var earnedByLogs = 0
        var logged = 0
        var redeemed = 0
        var refused = 0
        var busy = 0
        for round in 0..<Self.rounds {
            let running = try (0..<Self.processes).map { process in
                // Every fourth round, half the processes redeem instead.
                if round % 4 == 3 && process % 2 == 0 {
                    return try cli.start(["rewards", "redeem", assignment, "movie-night"])
                }
                // Day 1 + round * processes + process of 2026: a day of its own, at 20:00 local.
                let day = LocalDay.of2026(1 + round * Self.processes + process)
                return try cli.start([
                    "log", assignment, "--set", "mood=6", "--at", "\(day) 20:00", "--json",
                ])
            }
            for command in running {
                let result = try command.result()
                switch (command.arguments[0], result.status) {
                case ("log", 0):
                    logged += 1
                    let reply = try result.object()
                    for message in reply["reinforcement"] as? [String] ?? [] {
                        earnedByLogs += Self.tokens(in: message)
                    }
                case ("rewards", 0): redeemed += 1
                case ("rewards", 1): refused += 1
                case (_, 75): busy += 1
                default:
                    Issue.record("\(command.arguments.joined(separator: " ")): \(result.stderr)")
                }
            }
        }
        let rewards = try cli.ok(["rewards", "show", assignment, "--json"]).object()
        let ledger = try #require(rewards["ledger"] as? [[String: Any]])
        func total(_ kind: String) -> Int {
            ledger.filter { $0["kind"] as? String == kind }.compactMap { $0["amount"] as? Int }
                .reduce(0, +)
        }
        let balance = try #require(rewards["balance"] as? Int)
        let entries = try cli.ok(["history", client, "--json"]).objects().count
        print(
            "concurrency \(databaseURL == nil ? "SQLite" : "PostgreSQL"): \(Self.processes) "
                + "processes x \(Self.rounds) rounds; \(logged) logged (\(entries) entries "
                + "stored), \(redeemed) redemptions, \(refused) refused for a short balance, "
                + "\(busy) busy; tokens told to the client \(earnedByLogs), earned in the ledger "
                + "\(total("earn")), redeemed \(-total("redeem")), balance \(balance), stored "
                + "ledger sum \(rewards["storedBalance"] as? Int ?? -1)")
        #expect(entries == logged)
        #expect(busy == 0)
        // Every token a client was told about is in the ledger, and nothing more.
        #expect(total("earn") == earnedByLogs)
        #expect(-total("redeem") == 3 * redeemed)
        #expect(3 * redeemed <= total("earn"))
        #expect(balance == total("earn") + total("redeem"))
        #expect(balance >= 0)
        // The balance is the sum of the ledger the store keeps.
        #expect(rewards["storedBalance"] as? Int == balance)
    }

    /// The tokens a reinforcement message tells the client about ("You earned 2 tokens ...").
    static func tokens(in message: String) -> Int {
        guard message.hasPrefix("You earned "), message.contains(" token") else { return 0 }
        return Int(message.dropFirst("You earned ".count).prefix { $0.isNumber }) ?? 0
    }
}

/// Days of 2026 as YYYY-MM-DD, for spreading entries over a year.
enum LocalDay {
    static func of2026(_ ordinal: Int) -> String {
        let start = ISO8601DateFormatter().date(from: "2026-01-01T12:00:00Z")!
        let date = start.addingTimeInterval(Double(ordinal - 1) * 86_400)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: date)
    }
}
