import Foundation

/// Reads and writes publisher key files.
package enum KeyFiles {
    /// Generates a key pair and writes both files; the secret key gets mode 0600.
    ///
    /// Equivalent to `signify -G -n -p <public> -s <secret> -c <comment>`.
    /// Refuses to overwrite either file.
    @discardableResult
    package static func generate(
        publicKey publicURL: URL, secretKey secretURL: URL, comment: String
    )
        throws(PackError) -> PublicKey
    {
        guard !FileIO.exists(publicURL) else {
            throw PackError(.alreadyExists, "\(publicURL.path) exists; choose another file name")
        }
        let secret = SecretKey.generate()
        try FileIO.create(
            secret.signifyData(comment: "\(comment) secret key"), at: secretURL, mode: 0o600)
        do throws(PackError) {
            try FileIO.create(
                secret.publicKey.signifyData(comment: "\(comment) public key"), at: publicURL,
                mode: 0o644)
        } catch {
            FileIO.removeIfPresent(secretURL)
            throw error
        }
        return secret.publicKey
    }

    /// Reads a signify public key file.
    package static func readPublicKey(at url: URL) throws(PackError) -> PublicKey {
        try PublicKey(signifyData: FileIO.read(url, limit: 4096, what: "public key"))
    }

    /// Reads an unencrypted signify secret key file.
    package static func readSecretKey(at url: URL) throws(PackError) -> SecretKey {
        try SecretKey(signifyData: FileIO.read(url, limit: 4096, what: "secret key"))
    }
}
