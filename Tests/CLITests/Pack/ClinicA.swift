import Foundation
import Testing

/// Clinic A, publishing the example clinic pack with its own key through the
/// binary: keygen, create, build, sign, verify, archive.
struct ClinicA {
    let cli: CLIFixture

    /// Makes `clinic-pack-<version>.tar` from `Examples/clinic-pack`, signed
    /// with `clinic.sec` (made on first use). Versions after 1.0.0 rename the
    /// activity log's `note` to `reflection` and carry a `migrate` hook.
    /// `edits` (file in the pack, text, replacement) change it before it is signed.
    func publish(version: String, edits: [(String, String, String)] = []) throws {
        if !FileManager.default.fileExists(atPath: cli.path("clinic.pub")) {
            let keygen = try cli.run([
                "pack", "keygen", "--public", cli.path("clinic.pub"), "--secret",
                cli.path("clinic.sec"), "--comment", "Clinic A",
            ])
            #expect(keygen.status == 0, "\(keygen.stderr)")
        }
        let folder = "pack-\(version)"
        try cli.copy("Examples/clinic-pack", to: folder)
        // Clinic A replaces the example's manifest and signature with its own.
        for file in ["pack.toml", "CHECKSUMS", "CHECKSUMS.sig"]
        where FileManager.default.fileExists(atPath: cli.path("\(folder)/\(file)")) {
            try cli.remove("\(folder)/\(file)")
        }
        if version != "1.0.0" { try bump(folder, to: version) }
        for (file, old, new) in edits {
            try cli.edit("\(folder)/\(file)", replacing: old, with: new)
        }
        let steps: [[String]] = [
            [
                "pack", "create", cli.path(folder), "--id", "org.exampleclinic.clinic-pack",
                "--pack-version", version, "--publisher", "Clinic A", "--key",
                cli.path("clinic.pub"),
                "--license", "CC-BY-4.0",
            ],
            ["pack", "build", cli.path(folder)],
            ["pack", "sign", cli.path(folder), "--secret", cli.path("clinic.sec")],
            ["pack", "verify", cli.path(folder), "--key", cli.path("clinic.pub")],
            [
                "pack", "archive", cli.path(folder), "--out",
                cli.path("clinic-pack-\(version).tar"),
            ],
        ]
        for step in steps {
            let outcome = try cli.run(step)
            #expect(outcome.status == 0, "\(step[1]): \(outcome.stderr)")
        }
    }

    /// Both homework types to `version`; the activity log's note becomes a reflection.
    private func bump(_ folder: String, to version: String) throws {
        for file in ["activity-log/homework.toml", "worry-time/homework.toml"] {
            try cli.edit(
                "\(folder)/\(file)", replacing: "version = \"1.0.0\"",
                with: "version = \"\(version)\"")
        }
        for file in ["activity-log/activity_log.lua", "worry-time/worry_time.lua"] {
            try cli.edit(
                "\(folder)/\(file)", replacing: "version = \"1.0.0\",",
                with: "version = \"\(version)\",")
        }
        let lua = "\(folder)/activity-log/activity_log.lua"
        try cli.edit(lua, replacing: "field.text(\"note\"", with: "field.text(\"reflection\"")
        try cli.edit(
            lua, replacing: "  summarize = function(history)\n",
            with: """
                  -- The note is now called a reflection.
                  migrate = function(entry, from_version)
                    local migrated = {}
                    for key, value in pairs(entry) do migrated[key] = value end
                    migrated.reflection, migrated.note = entry.note, nil
                    return migrated
                  end,

                  summarize = function(history)

                """)
    }
}
