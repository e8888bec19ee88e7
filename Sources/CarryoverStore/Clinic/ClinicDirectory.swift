import Foundation

/// The accounts and caseloads of a clinic's database: a store whose
/// database enforces who sees which client (PostgreSQL; SQLite has one
/// therapist and no accounts).
///
/// Every change is checked by the database itself (only an admin, or the
/// database's owner, manages accounts, supervision and caseloads; anyone
/// changes their own password) and journalled. A change refused for the
/// signed-in account throws ``StoreError`` `permissionDenied`.
public protocol ClinicDirectory: Sendable {
    /// The account this store is signed in as; `nil` when signed in as the
    /// database's owner (set-up, migrations, the portal).
    func signedInAccount() async throws -> Account?
    /// Every account, by id, with its supervisees.
    func accounts() async throws -> [Account]
    /// Creates an account and its database role with `password`
    /// (stored by the server as a SCRAM-SHA-256 verifier, never in clear).
    func addAccount(id: String, displayName: String, role: Account.Role, password: String)
        async throws
    func setRole(of id: String, to role: Account.Role) async throws
    /// Disables an account (its role can no longer sign in, and it reads
    /// nothing more), or enables it again.
    func setDisabled(_ id: String, _ disabled: Bool) async throws
    /// Sets an account's password: one's own, or (an admin) anyone's.
    func setPassword(of id: String, to password: String) async throws
    /// Starts or ends a supervisor's reading of a supervisee's caseload.
    func setSupervision(supervisor: String, supervisee: String, active: Bool) async throws
    /// Which therapist holds each client the signed-in account may see
    /// (an admin sees every holding), by client id.
    func caseload() async throws -> [CaseloadHolding]
    /// Puts a client on `therapist`'s caseload (a move when another held
    /// it); returns the previous holder.
    func assignCaseload(clientID: String, to therapist: String, reason: String) async throws
        -> String?
    /// Changes of holders, oldest first; of one client when given.
    func caseloadChanges(clientID: String?) async throws -> [CaseloadChange]
}
