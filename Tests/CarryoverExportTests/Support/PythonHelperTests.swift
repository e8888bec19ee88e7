import Testing

/// The Python helper never lets a missing validator pass silently.
@Suite struct PythonHelperTests {
    @Test func missingPackageIsRecordedAsAFailure() {
        withKnownIssue("a missing package must fail the test that needs it") {
            Python.expectSuccess(Python.Result(status: 3, stdout: "pip install x", stderr: ""))
        }
    }

    @Test func failingScriptIsRecordedAsAFailure() throws {
        let result = try Python.run("import sys; print('bad'); sys.exit(1)")
        #expect(result.status == 1 && result.stdout == "bad\n")
        withKnownIssue("a failing validator must fail the test") { Python.expectSuccess(result) }
    }
}
