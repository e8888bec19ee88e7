#if Postgres
    import CarryoverStore
    import Foundation
    import Testing

    @testable import CarryoverPostgres

    @Suite struct PostgresURLTests {
        @Test func aURLBecomesAConfiguration() throws {
            let url = try PostgresURL(
                "postgres://therapist:p%40ss@db.clinic.example:6543/practice?sslmode=disable")
            let configuration = url.clientConfiguration()
            #expect(configuration.host == "db.clinic.example" && configuration.port == 6543)
            #expect(configuration.username == "therapist" && configuration.password == "p@ss")
            #expect(configuration.database == "practice")
            let defaults = try PostgresURL("postgresql://u@localhost")
            #expect(
                defaults.port == 5432 && defaults.sslMode == .prefer && defaults.database == nil)
        }

        @Test(arguments: [
            "mysql://u@host/db", "postgres://host/db", "not a url",
            "postgres://u@host/db?sslmode=maybe",
        ])
        func badURLsAreInvalidInput(_ url: String) async {
            let error = await expectStoreError(.invalidInput) {
                _ = try PostgresURL(url)
            }
            #expect(error?.message.contains("p@ss") != true)
        }

        @Test func anUnreachableServerIsAnIOErrorSoon() async throws {
            let started = Date()
            await expectStoreError(.io) {
                _ = try await PostgresStore.connect(
                    url: "postgres://u:p@127.0.0.1:1/db?sslmode=disable", deadline: .seconds(2))
            }
            // Generous for a loaded machine (the 15 s default took 57 s at load 19):
            // what matters is that it gives up rather than retrying for ever.
            #expect(Date().timeIntervalSince(started) < 30)
        }

        @Test(
            .enabled(if: ProcessInfo.processInfo.environment["CARRYOVER_TEST_POSTGRES_URL"] != nil))
        func aWrongPasswordSaysSo() async throws {
            let url = try #require(
                ProcessInfo.processInfo.environment["CARRYOVER_TEST_POSTGRES_URL"])
            var parts = try #require(URLComponents(string: url))
            parts.password = "wrong-password"
            let error = await expectStoreError(.io) {
                _ = try await PostgresStore.connect(url: parts.string!, deadline: .seconds(5))
            }
            #expect(error?.message.contains("password") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("wrong-password") == false)
        }
    }
#endif
