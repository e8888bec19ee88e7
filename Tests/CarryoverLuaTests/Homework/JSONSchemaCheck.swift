import CarryoverCore
import CarryoverTestSupport
import Testing
import Foundation

/// Checks schemas and instances with Python's `jsonschema` (an independent
/// implementation of draft 2020-12), so the export is not only checked
/// against our own reading of the spec.
enum JSONSchemaCheck {
    /// One instance to check against a schema.
    struct Case {
        var schema: Value
        var instance: Value
    }

    /// For each case: `nil` when the schema is a valid draft 2020-12 schema
    /// and the instance is valid; otherwise what `jsonschema` said.
    static func run(_ cases: [Case]) throws -> [String?] {
        let script =
            TestPython.imports("jsonschema") + """
            import json
            from jsonschema import Draft202012Validator, FormatChecker
            out = []
            for case in json.load(sys.stdin):
                try:
                    Draft202012Validator.check_schema(case["schema"])
                    errors = list(Draft202012Validator(case["schema"], format_checker=FormatChecker()).iter_errors(case["instance"]))
                    out.append("; ".join(sorted(e.message for e in errors)) or None)
                except Exception as e:
                    out.append("schema: " + str(e).splitlines()[0])
            print(json.dumps(out))
            """
        let input = Value.array(cases.map { ["schema": $0.schema, "instance": $0.instance] })
        let result = try TestPython.run(script, input: Data(input.canonicalJSON().utf8))
        TestPython.expectSuccess(result)
        let results = try Value.parse(json: result.stdout)
        return (results.array ?? []).map(\.string)
    }
}
