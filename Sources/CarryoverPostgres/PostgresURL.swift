#if Postgres
    import CarryoverStore
    import Foundation
    import PostgresNIO

    /// A `postgres://user:password@host:port/database?sslmode=...` URL as a
    /// connection configuration (the CLI's `--database-url`).
    enum PostgresURL {
        static func configuration(_ text: String) throws -> PostgresClient.Configuration {
            guard let url = URLComponents(string: text),
                url.scheme == "postgres" || url.scheme == "postgresql",
                let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty
            else {
                throw StoreError(
                    .invalidInput,
                    "The database URL must look like postgres://user:password@host:5432/database; "
                        + "check --database-url or CARRYOVER_DATABASE_URL.")
            }
            let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
            let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
            let tls: PostgresClient.Configuration.TLS
            switch mode {
            case "disable": tls = .disable
            case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            default:
                throw StoreError(
                    .invalidInput,
                    "sslmode '\(mode)' is not known; use disable, prefer or require.")
            }
            return PostgresClient.Configuration(
                host: host, port: url.port ?? 5432, username: user,
                password: url.password?.removingPercentEncoding,
                database: database.isEmpty ? nil : database, tls: tls)
        }
    }
#endif
