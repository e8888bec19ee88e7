import CarryoverStore
import Foundation

/// A clinic's accounts and caseloads (Docs/clinic.md): on PostgreSQL only,
/// where the database itself decides what each signed-in account sees.
extension Practice {
    /// The clinic's directory of accounts and caseloads.
    ///
    /// - Throws: `StoreError` `unsupported` on a SQLite practice, which
    ///   has one therapist and no accounts.
    public func clinic() throws -> any ClinicDirectory {
        guard let directory = store as? any ClinicDirectory else {
            throw StoreError(
                .unsupported,
                "Accounts and caseloads live in a clinic's PostgreSQL database (--database-url or "
                    + "CARRYOVER_DATABASE_URL); a SQLite practice has one therapist and no accounts."
            )
        }
        return directory
    }

    /// Adds an account (its database role) with `password`, or with a new
    /// random one when `nil`; returns the password to hand to its holder.
    public func addAccount(
        id: String, displayName: String, role: Account.Role, password: String?
    ) async throws -> String {
        let directory = try clinic()
        let password = try password.map(Self.checkPassword) ?? Self.makePassword()
        try await directory.addAccount(
            id: id, displayName: displayName, role: role, password: password)
        return password
    }

    /// Sets the password of `id` (default: the signed-in account's own), or a
    /// new random one when `password` is `nil`; returns the password.
    public func setPassword(of id: String?, to password: String?) async throws -> String {
        let directory = try clinic()
        let signedIn = try await directory.signedInAccount()?.id
        guard let id = id ?? signedIn else {
            throw PracticeError(
                .invalidInput,
                "signed in as the database's owner, name the account whose password to set")
        }
        let password = try password.map(Self.checkPassword) ?? Self.makePassword()
        try await directory.setPassword(of: id, to: password)
        return password
    }

    /// A new password: 24 letters and digits from the system's secure
    /// random source (about 140 bits).
    public static func makePassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// A password a person chose: 12 to 200 printable ASCII characters
    /// (PostgreSQL normalises other characters at sign-in, SASLprep).
    static func checkPassword(_ password: String) throws -> String {
        guard (12...200).contains(password.count),
            password.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else {
            throw PracticeError(
                .invalidInput,
                "a password is 12 to 200 printable ASCII characters without spaces; "
                    + "or leave it out and carryover makes one")
        }
        return password
    }
}
