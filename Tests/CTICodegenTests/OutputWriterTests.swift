import CTICodegen
import Foundation
import Testing

/// Planning and writing: what counts as changed, what is written, and what is left alone.
@Suite struct OutputWriterTests {
    let temporary: TemporaryFolder
    let sources: URL
    let tests: URL
    let writer: OutputWriter

    init() throws {
        temporary = try TemporaryFolder()
        sources = temporary.url("Generated/Sources/CTIMessages")
        tests = temporary.url("Generated/Tests/CTIMessagesTests")
        writer = OutputWriter(folders: [.sources: sources, .tests: tests])
    }

    static let longAgo = Date(timeIntervalSince1970: 1_000_000_000)

    func modificationDate(_ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: temporary.url(path).path)[.modificationDate] as? Date
    }

    func age(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Self.longAgo], ofItemAtPath: temporary.url(path).path)
    }

    @Test func planClassifiesNewChangedAndUnchangedWithoutWriting() throws {
        try temporary.write("same\n", to: "Generated/Sources/CTIMessages/Same.swift")
        try temporary.write("old\n", to: "Generated/Sources/CTIMessages/Changed.swift")
        let plan = try writer.plan([
            GeneratedFile(root: .sources, name: "Same.swift", contents: "same\n"),
            GeneratedFile(root: .sources, name: "Changed.swift", contents: "new\n"),
            GeneratedFile(root: .tests, name: "NewTests.swift", contents: "tests\n"),
        ])
        #expect(plan.changed.map(\.name) == ["Changed.swift", "NewTests.swift"])
        #expect(plan.unchanged.map(\.name) == ["Same.swift"])
        #expect(plan.changed.map(\.isNew) == [false, true])
        #expect(plan.changed[0].oldText == "old\n")
        #expect(plan.changed[0].newText == "new\n")
        #expect(plan.changed[0].destination == sources.appendingPathComponent("Changed.swift"))
        #expect(plan.changed[1].oldContents == nil)
        #expect(plan.changed[1].destination == tests.appendingPathComponent("NewTests.swift"))
        #expect(plan.unchanged[0].oldContents == Data("same\n".utf8))
        #expect(!plan.isUpToDate)
        #expect(temporary.read("Generated/Sources/CTIMessages/Changed.swift") == "old\n")
        #expect(!FileManager.default.fileExists(atPath: tests.path))
    }

    @Test func aDifferenceInBytesAloneCountsAsChanged() throws {
        // The same text to `==` on String (canonically equivalent), but not the same bytes.
        try temporary.write("caf\u{E9}\n", to: "Generated/Sources/CTIMessages/Name.swift")
        let plan = try writer.plan([GeneratedFile(root: .sources, name: "Name.swift", contents: "cafe\u{301}\n")])
        #expect(plan.changed.map(\.name) == ["Name.swift"])
    }

    @Test func writeReplacesChangedFilesAndLeavesTheRestAlone() throws {
        try temporary.write("same\n", to: "Generated/Sources/CTIMessages/Same.swift")
        try temporary.write("old\n", to: "Generated/Sources/CTIMessages/Changed.swift")
        try temporary.write("mine\n", to: "Generated/Sources/CTIMessages/Handwritten.swift")
        try age("Generated/Sources/CTIMessages/Same.swift")
        try age("Generated/Sources/CTIMessages/Handwritten.swift")
        let plan = try writer.plan([
            GeneratedFile(root: .sources, name: "Same.swift", contents: "same\n"),
            GeneratedFile(root: .sources, name: "Changed.swift", contents: "new\n"),
            GeneratedFile(root: .tests, name: "NewTests.swift", contents: "tests\n"),
        ])
        let summary = try writer.write(plan)

        #expect(summary.written == [sources.appendingPathComponent("Changed.swift"), tests.appendingPathComponent("NewTests.swift")])
        #expect(summary.unchanged == [sources.appendingPathComponent("Same.swift")])
        #expect(temporary.read("Generated/Sources/CTIMessages/Changed.swift") == "new\n")
        #expect(temporary.read("Generated/Tests/CTIMessagesTests/NewTests.swift") == "tests\n")
        #expect(temporary.read("Generated/Sources/CTIMessages/Handwritten.swift") == "mine\n")
        #expect(try modificationDate("Generated/Sources/CTIMessages/Same.swift") == Self.longAgo)
        #expect(try modificationDate("Generated/Sources/CTIMessages/Handwritten.swift") == Self.longAgo)
        // The staging folders are gone.
        #expect(try temporary.list("Generated/Sources") == ["CTIMessages"])
        #expect(try temporary.list("Generated/Tests") == ["CTIMessagesTests"])
        #expect(try temporary.list("Generated/Sources/CTIMessages") == ["Changed.swift", "Handwritten.swift", "Same.swift"])
    }

    @Test func aSecondRunFindsEverythingUpToDateAndTouchesNothing() throws {
        let files = [
            GeneratedFile(root: .sources, name: "A.swift", contents: "a\n"),
            GeneratedFile(root: .tests, name: "ATests.swift", contents: "t\n"),
        ]
        _ = try writer.write(writer.plan(files))
        try age("Generated/Sources/CTIMessages/A.swift")
        let plan = try writer.plan(files)
        #expect(plan.isUpToDate)
        let summary = try writer.write(plan)
        #expect(summary.written.isEmpty)
        #expect(summary.unchanged.count == 2)
        #expect(try modificationDate("Generated/Sources/CTIMessages/A.swift") == Self.longAgo)
    }

    @Test func missingOutputFoldersAreCreated() throws {
        let deep = OutputWriter(folders: [.sources: temporary.url("a/b/c")])
        _ = try deep.write(deep.plan([GeneratedFile(root: .sources, name: "A.swift", contents: "a\n")]))
        #expect(temporary.read("a/b/c/A.swift") == "a\n")
        #expect(try temporary.list("a/b") == ["c"])
    }

    @Test func writeKeepsTheReplacedFilesPermissions() throws {
        let path = try temporary.write("old\n", to: "Generated/Sources/CTIMessages/Tool.swift").path
        try FileManager.default.setAttributes([.posixPermissions: 0o751], ofItemAtPath: path)
        _ = try writer.write(writer.plan([GeneratedFile(root: .sources, name: "Tool.swift", contents: "new\n")]))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o751)
        #expect(temporary.read("Generated/Sources/CTIMessages/Tool.swift") == "new\n")
    }

    @Test func aFileChangedAfterPlanningIsNotOverwritten() throws {
        try temporary.write("old\n", to: "Generated/Sources/CTIMessages/A.swift")
        let plan = try writer.plan([
            GeneratedFile(root: .sources, name: "B.swift", contents: "b\n"),
            GeneratedFile(root: .sources, name: "A.swift", contents: "new\n"),
        ])
        try temporary.write("edited meanwhile\n", to: "Generated/Sources/CTIMessages/A.swift")
        let error = #expect(throws: OutputError.self) { try writer.write(plan) }
        #expect(error == .changedSincePlan(sources.appendingPathComponent("A.swift")))
        #expect(temporary.read("Generated/Sources/CTIMessages/A.swift") == "edited meanwhile\n")
        #expect(temporary.read("Generated/Sources/CTIMessages/B.swift") == nil)
    }

    @Test func theSameFileTwiceIsRefused() throws {
        let files = [
            GeneratedFile(root: .sources, name: "A.swift", contents: "1\n"),
            GeneratedFile(root: .sources, name: "A.swift", contents: "2\n"),
        ]
        let error = #expect(throws: OutputError.self) { try writer.plan(files) }
        #expect(error == .duplicateFile(sources.appendingPathComponent("A.swift")))
    }

    @Test func aRootWithoutAFolderIsRefused() throws {
        let sourcesOnly = OutputWriter(folders: [.sources: sources])
        let error = #expect(throws: OutputError.self) {
            try sourcesOnly.plan([GeneratedFile(root: .tests, name: "ATests.swift", contents: "")])
        }
        #expect(error == .noFolder(.tests, file: "ATests.swift"))
    }
}
