import Foundation

/// The process's peak resident set size, from Linux's `/proc/self/status`.
enum PeakMemory {
    /// VmHWM ("high water mark") in bytes, or nil where /proc is missing.
    static func current() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        else { return nil }
        return parse(status: status)
    }

    /// The `VmHWM:` line of a /proc status text, in bytes (the kernel writes kB = KiB).
    static func parse(status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count >= 2, let kib = Int(fields[1]) else { return nil }
            return kib * 1024
        }
        return nil
    }
}
