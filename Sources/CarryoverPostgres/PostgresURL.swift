#if Postgres
    import CarryoverStore
    import Foundation
    import PostgresNIO

    /// A `postgres://user:password@host:port/database?sslmode=...` URL (the
    /// CLI's `--database-url`), as configurations for postgres-nio.
    struct PostgresURL {
        enum SSLMode: String {
            case disable, prefer, require
        }

        var host: String
        var port: Int
        var user: String
        var password: String?
        var database: String?
        var sslMode: SSLMode

        init(_ text: String) throws {
            guard let url = URLComponents(string: text),
                url.scheme == "postgres" || url.scheme == "postgresql",
                let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty
            else {
                throw StoreError(
                    .invalidInput,
                    "The database URL must look like postgres://user:password@host:5432/database; "
                        + "check --database-url or CARRYOVER_DATABASE_URL.")
            }
            let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
            switch mode {
            case "disable": sslMode = .disable
            case "prefer", "allow": sslMode = .prefer
            case "require", "verify-ca", "verify-full": sslMode = .require
            default:
                throw StoreError(
                    .invalidInput, "sslmode '\(mode)' is not known; use disable, prefer or require."
                )
            }
            let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
            self.host = host
            self.port = url.port ?? 5432
            self.user = user
            self.password = url.password?.removingPercentEncoding
            self.database = path.isEmpty ? nil : path
        }

        /// The pool's configuration.
        func clientConfiguration() -> PostgresClient.Configuration {
            let tls: PostgresClient.Configuration.TLS
            switch sslMode {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(.makeClientConfiguration())
            case .require: tls = .require(.makeClientConfiguration())
            }
            return PostgresClient.Configuration(
                host: host, port: port, username: user, password: password, database: database,
                tls: tls)
        }

        /// A single connection's configuration (to try the URL before the
        /// pool, which would retry a refused login instead of reporting it).
        func connectionConfiguration() throws -> PostgresConnection.Configuration {
            let tls: PostgresConnection.Configuration.TLS
            switch sslMode {
            case .disable: tls = .disable
            case .prefer:
                tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require:
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            return PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database,
                tls: tls)
        }
    }
#endif
