#if Postgres
    import Foundation
    import Testing

    @testable import CarryoverPostgres

    /// The verifier's keys against RFC 7677 section 3's example exchange:
    /// user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096
    /// iterations. The client proof and server signature the RFC prints follow
    /// from the keys alone, so equal ones show the keys are right.
    @Suite struct SCRAMVerifierTests {
        static let salt = Array(Data(base64Encoded: "W22ZaJ0SNY7soEsUEjb6gQ==")!)
        static let authMessage =
            "n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"

        @Test func theKeysGiveTheRFCsProofAndSignature() {
            let keys = SCRAMVerifier.Keys(password: "pencil", salt: Self.salt, iterations: 4096)
            let message = Array(Self.authMessage.utf8)
            let clientSignature = SCRAMVerifier.Keys.hmac(keys.storedKey, message)
            let proof = zip(keys.clientKey, clientSignature).map { $0 ^ $1 }
            #expect(
                Data(proof).base64EncodedString() == "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
            let serverSignature = SCRAMVerifier.Keys.hmac(keys.serverKey, message)
            #expect(
                Data(serverSignature).base64EncodedString()
                    == "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
        }

        @Test func theVerifierHasPostgreSQLsShape() {
            let verifier = SCRAMVerifier.make(password: "pencil", salt: Self.salt)
            let parts = verifier.split(separator: "$")
            #expect(parts.count == 3 && parts[0] == "SCRAM-SHA-256")
            #expect(parts[1] == "4096:W22ZaJ0SNY7soEsUEjb6gQ==")
            #expect(parts[2].split(separator: ":").count == 2)
            // A fresh salt each time.
            #expect(
                SCRAMVerifier.make(password: "pencil") != SCRAMVerifier.make(password: "pencil"))
        }
    }
#endif
