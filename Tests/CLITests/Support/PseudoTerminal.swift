import CarryoverTestSupport
import Foundation
import Testing

/// Runs `carryover` on a pseudo-terminal, the way a person at a terminal does.
///
/// Python's `pty` module (the project's test Python, `TestPython`) forks the
/// binary with a terminal as standard input, output and error, types `answers`, then Ctrl-D so a prompt past the last answer reads
/// end of input instead of hanging. A 60-second limit kills a stuck child.
/// The terminal turns "\n" into "\r\n"; the result has the "\r"s removed
/// and holds everything the terminal showed (answers echoed) in `stdout`.
enum PseudoTerminal {
    static let driver = #"""
        import os, pty, select, signal, sys, time
        answers = os.environ.pop("PTY_ANSWERS", "").encode()
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.argv[1], sys.argv[1:])
        os.write(fd, answers + b"\x04")
        out, deadline = b"", time.time() + 60
        while time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 1)
            if not ready:
                continue
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            out += data
        else:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        sys.stdout.buffer.write(out)
        sys.exit(os.waitstatus_to_exitcode(status))
        """#
}

extension CLIFixture {
    /// Runs `carryover arguments...` on a pseudo-terminal, typing `answers`.
    func runInTerminal(
        _ arguments: [String], answers: String = "", now: String? = nil,
        environment extra: [String: String] = [:]
    ) throws -> CLIResult {
        let binary = try CarryoverBinary.require()
        var environment = extra
        environment["PTY_ANSWERS"] = answers
        let result = try launch(
            TestPython.executable, ["-c", PseudoTerminal.driver, binary.path] + arguments,
            now: now, environment: environment)
        return CLIResult(
            status: result.status, stdout: result.stdout.replacingOccurrences(of: "\r", with: ""),
            stderr: result.stderr)
    }
}
