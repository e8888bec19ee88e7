#if Postgres
    import Crypto
    import Foundation

    /// A password as PostgreSQL stores it for SCRAM-SHA-256 login (RFC 5802,
    /// RFC 7677): `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`.
    ///
    /// Computed here, so the clear password never reaches the server, its
    /// statement log or its error messages.
    enum SCRAMVerifier {
        static let iterations = 4096

        /// The verifier of `password` with a fresh 16-byte random salt.
        static func make(password: String) -> String {
            var generator = SystemRandomNumberGenerator()
            let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return make(password: password, salt: salt)
        }

        static func make(password: String, salt: [UInt8], iterations: Int = iterations) -> String {
            let keys = Keys(password: password, salt: salt, iterations: iterations)
            return "SCRAM-SHA-256$\(iterations):\(Data(salt).base64EncodedString())$"
                + "\(Data(keys.storedKey).base64EncodedString()):"
                + "\(Data(keys.serverKey).base64EncodedString())"
        }

        /// The keys RFC 5802 derives from a password.
        struct Keys {
            let saltedPassword: [UInt8]
            let clientKey: [UInt8]
            let storedKey: [UInt8]
            let serverKey: [UInt8]

            init(password: String, salt: [UInt8], iterations: Int) {
                // PostgreSQL applies SASLprep; for ASCII passwords (all that
                // carryover generates) it changes nothing.
                saltedPassword = Self.pbkdf2(
                    Array(password.utf8), salt: salt, iterations: iterations)
                clientKey = Self.hmac(saltedPassword, Array("Client Key".utf8))
                storedKey = Array(SHA256.hash(data: clientKey))
                serverKey = Self.hmac(saltedPassword, Array("Server Key".utf8))
            }

            static func hmac(_ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
                Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
            }

            /// PBKDF2-HMAC-SHA-256 (RFC 8018), one 32-byte block: Hi() of RFC 5802.
            static func pbkdf2(_ password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
                var u = hmac(password, salt + [0, 0, 0, 1])
                var result = u
                for _ in 1..<iterations {
                    u = hmac(password, u)
                    for index in result.indices { result[index] ^= u[index] }
                }
                return result
            }
        }
    }
#endif
