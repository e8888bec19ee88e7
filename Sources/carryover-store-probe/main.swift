// A child process for the store's multi-process tests: the tests kill it
// mid-import with SIGKILL and run several at once against one practice.
//
//   carryover-store-probe import PRACTICE FILE BATCH_SIZE
//   carryover-store-probe log PRACTICE ASSIGNMENT ID_PREFIX COUNT
import CarryoverCore
import CarryoverSQLite
import CarryoverStore
import Foundation

let arguments = CommandLine.arguments
do {
    switch (arguments.count > 1 ? arguments[1] : "", arguments.count) {
    case ("import", 5):
        let store = try SQLiteStore(path: arguments[2], principal: Principal(name: "probe"))
        let importer = EntryImporter(store: store, batchSize: Int(arguments[4]) ?? 1_000)
        let report = try await importer.run(path: arguments[3])
        print("imported \(report.imported) rejected \(report.rejectedCount)")
    case ("log", 6):
        let store = try SQLiteStore(path: arguments[2], principal: Principal(name: "probe"))
        let assignment = try await store.assignment(id: arguments[3])
        for index in 0..<(Int(arguments[5]) ?? 0) {
            let entry = Entry(
                id: "\(arguments[4])-\(index)", assignmentID: assignment.id,
                clientID: assignment.clientID, homeworkType: assignment.homeworkType,
                homeworkVersion: assignment.homeworkVersion, performedAt: Date(),
                loggedAt: Date(), fields: ["n": .int(Int64(index))], scores: ["n": Double(index)])
            _ = try await store.record(
                EntryRecording(
                    entry: entry, engineState: ["last": .string(entry.id)],
                    events: [NewLedgerEvent(at: Date(), kind: "logged", payload: [:])]))
        }
        print("logged")
    default:
        FileHandle.standardError.write(Data("usage: see the comment in main.swift\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
