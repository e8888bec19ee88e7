import CarryoverCore
import Foundation
import Testing

@testable import CarryoverExport

/// Worked examples of flattening, RFC 4180 quoting and the formula guard.
@Suite struct CSVTableTests {
    @Test func nestedObjectsAndListsFlattenToSortedUnionOfColumns() {
        let rows: [Value] = [
            ["situation": "bus", "emotions": [["name": "fear", "intensity": 80]], "done": true],
            [
                "situation": "work",
                "emotions": [["name": "shame"], ["name": "anger", "intensity": 40]],
                "extra": ["a": ["b": 1.5]],
            ],
        ]
        // Worked by hand: paths of row 1 = done, emotions[0].intensity, emotions[0].name,
        // situation; row 2 adds emotions[1].intensity, emotions[1].name, extra.a.b.
        // Sorted by segment: done < emotions[0].* < emotions[1].* < extra.a.b < situation.
        let expected =
            "done,emotions[0].intensity,emotions[0].name,emotions[1].intensity,emotions[1].name,extra.a.b,situation\r\n"
            + "true,80,fear,,,,bus\r\n"
            + ",,shame,40,anger,1.5,work\r\n"
        #expect(CSVTable.csv(rows: rows) == expected)
    }

    @Test func listIndicesSortNumericallyAndEmptyContainersKeepACell() {
        let items: [Value] = (0..<11).map { .int(Int64($0)) }
        let csv = CSVTable.csv(rows: [
            ["items": .array(items), "none": [], "empty": [:], "gone": nil]
        ])
        let header = csv.components(separatedBy: "\r\n")[0].components(separatedBy: ",")
        // Lexical order would put items[10] right after items[1]; numeric order keeps it last.
        #expect(header.filter { $0.hasPrefix("items") }.last == "items[10]")
        #expect(header.first == "empty" && header.contains("gone") && header.last == "none")
        #expect(csv.components(separatedBy: "\r\n")[1].hasPrefix("{},,0,1,2"))
        #expect(csv.components(separatedBy: "\r\n")[1].hasSuffix(",10,[]"))
    }

    @Test func fieldsAreQuotedPerRFC4180() {
        // RFC 4180 2.6/2.7: fields with comma, quote or line break are quoted; quotes doubled.
        #expect(CSVTable.field("plain") == "plain")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVTable.field("cr\r") == "\"cr\r\"")
    }

    @Test func stringsThatLookLikeFormulasAreDefused() {
        let csv = CSVTable.csv(rows: [
            [
                "note": "=HYPERLINK(\"http://x\",\"y\")", "n": -3, "s": "-3", "t": "@SUM(A1)",
                "u": "+1", "v": "ok",
            ]
        ])
        // Strings starting with = + - @ get a leading apostrophe (OWASP); the number -3 stays.
        #expect(
            csv
                == "n,note,s,t,u,v\r\n-3,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-3,'@SUM(A1),'+1,ok\r\n"
        )
    }

    @Test func entriesFlattenWithFieldsAndScores() throws {
        let entry = Entry(
            id: "e1", assignmentID: "a1", clientID: "c-017", homeworkType: "org.example.tgt",
            homeworkVersion: "1.0.0", performedAt: Date(timeIntervalSince1970: 1_772_391_600),
            loggedAt: Date(timeIntervalSince1970: 1_772_391_660),
            fields: ["things": ["sun, finally", "call with Mo"]], scores: ["count": 2])
        let lines = CSVTable.csv(entries: [entry]).components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "assignmentID,clientID,fields.things[0],fields.things[1],homeworkType,homeworkVersion,id,loggedAt,performedAt,scores.count"
        )
        // 1772391600 s = 2026-03-01T19:00:00Z: 2026-03-01 is day 56 * 365 + 14 leap days + 59
        // = 20513 since 1970, and 20513 * 86400 + 19 * 3600 = 1772391600.
        #expect(
            lines[1]
                == "a1,c-017,\"sun, finally\",call with Mo,org.example.tgt,1.0.0,e1,2026-03-01T19:01:00Z,2026-03-01T19:00:00Z,2"
        )
    }

    @Test func archiveJSONIsCanonicalWithSortedKeys() throws {
        let client = Client(id: "c-017", displayName: "A", timeZone: "Europe/Berlin")
        let report = ClientReport(
            client: ReportClient(pseudonym: "c-017", timeZone: "Europe/Berlin"),
            periodStart: LocalDate(year: 2026, month: 3, day: 1)!,
            periodEnd: LocalDate(year: 2026, month: 3, day: 2)!,
            assignments: [
                AssignmentReport(
                    assignmentID: "a1", title: "T",
                    adherence: AssignmentAdherence(
                        assignmentID: "a1", title: "T",
                        days: [LocalDate(year: 2026, month: 3, day: 2)!: .done]))
            ])
        let json = try ClientArchive(client: client, assignments: [], entries: [], report: report)
            .canonicalJSON()
        #expect(
            json.hasPrefix("{\"assignments\":[],\"client\":{\"displayName\":\"A\",\"id\":\"c-017\"")
        )
        #expect(json.contains("\"days\":{\"2026-03-02\":\"done\"}"))
        #expect(json.contains("\"format\":\"carryover-client-export\",\"formatVersion\":2"))
        #expect(
            try ClientArchive(client: client, assignments: [], entries: [], report: report)
                .canonicalJSON() == json)
        let decoded = try JSONDecoder().decode(
            ClientReport.self,
            from: Data(try Value.parse(json: json)["report"]!.canonicalJSON().utf8))
        #expect(decoded == report)
    }
}

/// Edge cases of the tabular exports.
@Suite struct TabularEdgeTests {
    @Test func columnNamesAreGuardedAndQuotedToo() {
        // "=" (0x3D) sorts before "a"; the "=cmd" column gets the apostrophe, "a,b" quotes.
        #expect(CSVTable.csv(rows: [["=cmd": "x", "a,b": 1]]) == "'=cmd,\"a,b\"\r\nx,1\r\n")
    }

    @Test func archiveWithANonFiniteScoreIsRefused() throws {
        let entry = Entry(
            id: "e1", assignmentID: "a1", clientID: "c-017", homeworkType: "t",
            homeworkVersion: "1.0.0", performedAt: Date(timeIntervalSince1970: 0),
            loggedAt: Date(timeIntervalSince1970: 0), fields: [:], scores: ["x": .infinity])
        let archive = ClientArchive(
            client: Client(id: "c-017", displayName: "A", timeZone: "UTC"), assignments: [],
            entries: [entry])
        #expect(throws: ExportError.self) { try archive.canonicalJSON() }
    }
}
