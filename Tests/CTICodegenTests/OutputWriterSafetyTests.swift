import CTICodegen
import Foundation
import Testing

/// What the writer refuses, and that a refused or failed run leaves every file as it was.
@Suite struct OutputWriterSafetyTests {
    let temporary: TemporaryFolder
    let sources: URL
    let tests: URL
    let writer: OutputWriter

    init() throws {
        temporary = try TemporaryFolder()
        sources = temporary.url("Generated/Sources/CTIMessages")
        tests = temporary.url("Generated/Tests/CTIMessagesTests")
        writer = OutputWriter(folders: [.sources: sources, .tests: tests])
        try temporary.write("old session\n", to: "Generated/Sources/CTIMessages/Session.swift")
        try temporary.write("old routing\n", to: "Generated/Sources/CTIMessages/Routing.swift")
        try temporary.write("old tests\n", to: "Generated/Tests/CTIMessagesTests/SessionTests.swift")
        try temporary.write("secret\n", to: "outside/passwd")
    }

    func symlink(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: temporary.url(path).path, withDestinationPath: target)
    }

    /// The run's files: a changed `Session.swift` first, so that a refusal later in the list must undo nothing.
    func files(plus extra: GeneratedFile) -> [GeneratedFile] {
        [
            GeneratedFile(root: .sources, name: "Session.swift", contents: "new session\n"),
            GeneratedFile(root: .sources, name: "Fresh.swift", contents: "fresh\n"),
            extra,
        ]
    }

    static let unsafeNames = [
        "../Escape.swift", "..", "a..b.swift", "Sub/File.swift", "/etc/passwd", "Sub\\File.swift", "Nul\0.swift",
        ".hidden.swift", ".", "",
    ]

    @Test(arguments: unsafeNames)
    func unsafeNamesAreRefusedAndNothingIsWritten(name: String) throws {
        let before = try temporary.snapshot()
        let error = #expect(throws: OutputError.self) {
            try writer.write(writer.plan(files(plus: GeneratedFile(root: .tests, name: name, contents: "x\n"))))
        }
        #expect(error == .unsafeFileName(name, folder: tests))
        #expect(try temporary.snapshot() == before)
    }

    @Test func anOutputFolderThatIsARegularFileIsRefusedAndNothingIsWritten() throws {
        try FileManager.default.removeItem(at: tests)
        try temporary.write("not a folder\n", to: "Generated/Tests/CTIMessagesTests")
        let before = try temporary.snapshot()
        let error = #expect(throws: OutputError.self) {
            try writer.write(writer.plan(files(plus: GeneratedFile(root: .tests, name: "SessionTests.swift", contents: "t\n"))))
        }
        #expect(error == .notAFolder(tests))
        #expect(error?.description.hasPrefix(tests.path + ": error: ") == true)
        #expect(try temporary.snapshot() == before)
    }

    @Test func aFolderThatTurnsIntoAFileBeforeWritingLeavesEverythingUntouched() throws {
        let plan = try writer.plan(files(plus: GeneratedFile(root: .tests, name: "SessionTests.swift", contents: "t\n")))
        try FileManager.default.removeItem(at: tests)
        try temporary.write("not a folder\n", to: "Generated/Tests/CTIMessagesTests")
        let before = try temporary.snapshot()
        let error = #expect(throws: OutputError.self) { try writer.write(plan) }
        #expect(error == .notAFolder(tests))
        #expect(try temporary.snapshot() == before)
        #expect(temporary.read("Generated/Sources/CTIMessages/Session.swift") == "old session\n")
    }

    @Test func aStagingFailureWritesNothingAndRemovesTheFoldersItCreated() throws {
        // The name is safe but longer than a file system allows, so staging it fails after the
        // files before it were staged (and a missing output folder was created for them).
        let fresh = OutputWriter(folders: [.sources: temporary.url("New/Sources"), .tests: tests])
        let tooLong = String(repeating: "A", count: 300) + ".swift"
        let before = try temporary.snapshot()
        let error = #expect(throws: OutputError.self) {
            try fresh.write(
                fresh.plan([
                    GeneratedFile(root: .sources, name: "Session.swift", contents: "new\n"),
                    GeneratedFile(root: .tests, name: "SessionTests.swift", contents: "new tests\n"),
                    GeneratedFile(root: .tests, name: tooLong, contents: "x\n"),
                ]))
        }
        guard case .cannotStage(let url, _) = error else {
            Issue.record("expected a staging failure, got \(String(describing: error))")
            return
        }
        #expect(url == tests.appendingPathComponent(tooLong))
        #expect(try temporary.snapshot() == before)
        #expect(try temporary.list("Generated/Tests") == ["CTIMessagesTests"])
    }

    @Test func aFileSymlinkPointingOutsideIsRefused() throws {
        try FileManager.default.removeItem(at: sources.appendingPathComponent("Session.swift"))
        let target = temporary.url("outside/passwd").path
        try symlink("Generated/Sources/CTIMessages/Session.swift", to: target)
        let before = try temporary.snapshot()
        let error = #expect(throws: OutputError.self) {
            try writer.plan([GeneratedFile(root: .sources, name: "Session.swift", contents: "pwned\n")])
        }
        let folder = sources.resolvingSymlinksInPath().path
        #expect(
            error == .outsideOutputFolder(
                sources.appendingPathComponent("Session.swift"),
                resolved: URL(fileURLWithPath: target).resolvingSymlinksInPath().path, folder: folder))
        #expect(error?.description.contains(sources.appendingPathComponent("Session.swift").path) == true)
        #expect(try temporary.snapshot() == before)
        #expect(temporary.read("outside/passwd") == "secret\n")
    }

    @Test func aRelativeSymlinkClimbingOutIsRefused() throws {
        try symlink("Generated/Sources/CTIMessages/Fresh.swift", to: "../../../outside/passwd")
        let error = #expect(throws: OutputError.self) {
            try writer.plan([GeneratedFile(root: .sources, name: "Fresh.swift", contents: "pwned\n")])
        }
        guard case .outsideOutputFolder = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(temporary.read("outside/passwd") == "secret\n")
    }

    @Test func aDanglingSymlinkPointingOutsideIsRefused() throws {
        try symlink("Generated/Sources/CTIMessages/Fresh.swift", to: temporary.url("outside/new.swift").path)
        let error = #expect(throws: OutputError.self) {
            try writer.plan([GeneratedFile(root: .sources, name: "Fresh.swift", contents: "pwned\n")])
        }
        guard case .outsideOutputFolder = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(temporary.read("outside/new.swift") == nil)
    }

    @Test func aSymlinkLoopIsRefused() throws {
        try symlink("Generated/Sources/CTIMessages/Fresh.swift", to: "Loop.swift")
        try symlink("Generated/Sources/CTIMessages/Loop.swift", to: "Fresh.swift")
        let error = #expect(throws: OutputError.self) {
            try writer.plan([GeneratedFile(root: .sources, name: "Fresh.swift", contents: "x\n")])
        }
        #expect(error == .symbolicLinkLoop(sources.appendingPathComponent("Fresh.swift")))
    }

    @Test func aSymlinkToAnotherFileInsideIsReplacedByTheFile() throws {
        try symlink("Generated/Sources/CTIMessages/Alias.swift", to: "Routing.swift")
        let plan = try writer.plan([GeneratedFile(root: .sources, name: "Alias.swift", contents: "alias\n")])
        #expect(plan.changed.first?.oldText == "old routing\n")
        _ = try writer.write(plan)
        #expect(temporary.read("Generated/Sources/CTIMessages/Alias.swift") == "alias\n")
        #expect(temporary.read("Generated/Sources/CTIMessages/Routing.swift") == "old routing\n")
        let alias = sources.appendingPathComponent("Alias.swift").path
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: alias)) == nil)
    }

    @Test func anOutputFolderThatIsASymlinkIsFollowed() throws {
        try symlink("Linked", to: temporary.url("outside").path)
        let linked = OutputWriter(folders: [.sources: temporary.url("Linked")])
        let summary = try linked.write(linked.plan([GeneratedFile(root: .sources, name: "A.swift", contents: "a\n")]))
        #expect(summary.written == [temporary.url("Linked").appendingPathComponent("A.swift")])
        #expect(temporary.read("outside/A.swift") == "a\n")
        #expect(try temporary.list() == ["Generated", "Linked", "outside"])
        #expect(try temporary.list("outside") == ["A.swift", "passwd"])
    }

    @Test func aDestinationThatIsAFolderIsRefused() throws {
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("Folder.swift"), withIntermediateDirectories: false)
        let error = #expect(throws: OutputError.self) {
            try writer.plan([GeneratedFile(root: .sources, name: "Folder.swift", contents: "x\n")])
        }
        #expect(error == .notAFile(sources.appendingPathComponent("Folder.swift", isDirectory: false)))
    }
}
