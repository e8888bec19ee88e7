import CarryoverLua
import Foundation
import Testing

@testable import CarryoverPluginKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct PluginTestReportTests {
    private let report = PluginTestReport(
        plugin: "org.test.probe",
        results: [
            LuaTestResult(name: "adds # items", passed: true, file: "tests/a_spec.lua", line: 2),
            LuaTestResult(
                name: "flags <risk> & more", passed: false, file: "tests/a_spec.lua", line: 9,
                expected: "{ 1 }", actual: "\"a\u{1}\"", message: "expected values to be the same"),
        ],
        duration: .milliseconds(12))

    @Test func tapFollowsVersion14() {
        #expect(
            report.render(.tap) == """
                TAP version 14
                1..2
                ok 1 - adds \\# items
                not ok 2 - flags <risk> & more
                  ---
                  at: "tests/a_spec.lua:9"
                  message: "expected values to be the same"
                  expected: "{ 1 }"
                  actual: "\\"a\\u0001\\""
                  ...

                """)
    }

    @Test func junitParsesWithXMLParserAndCountsCases() throws {
        let xml = report.render(.junit)
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["testsuites"] == 1)
        #expect(counter.counts["testsuite"] == 1)
        #expect(counter.counts["testcase"] == 2)
        #expect(counter.counts["failure"] == 1)
        #expect(counter.attributes["testsuite"]?["failures"] == "1")
        #expect(counter.attributes["testsuite"]?["time"] == "0.012")
        #expect(counter.attributes["failure"]?["message"] == "expected values to be the same")
        #expect(counter.names == ["adds # items", "flags <risk> & more"])
    }

    @Test func humanOutputShowsWhereAndWhat() {
        let text = report.render(.human)
        #expect(text.contains("FAIL flags <risk> & more\n       at tests/a_spec.lua:9\n"))
        #expect(text.contains("expected: { 1 }"))
        #expect(text.hasSuffix("1 passed, 1 failed in 0.012 s\n"))
        #expect(!report.passed)
    }
}

/// Counts elements and keeps the last attributes of each, and test case names.
private final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var attributes: [String: [String: String]] = [:]
    var names: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        counts[elementName, default: 0] += 1
        attributes[elementName] = attributeDict
        if elementName == "testcase", let name = attributeDict["name"] { names.append(name) }
    }
}
