import Foundation
import Testing

/// The `cti-codegen` executable as users run it: exit codes, the one-line summary, diagnostics on
/// standard error, `--check`, and output left alone when it should be.
@Suite struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the `cti-codegen` built next to this test bundle.
    static func run(_ arguments: [String], in folder: URL = packageRoot) throws -> Run {
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("cti-codegen")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cti-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func generateArguments(into folder: URL, spec: String = packageRoot.appendingPathComponent("spec").path) -> [String] {
        ["generate", "--spec", spec, "--output", folder.appendingPathComponent("Sources").path,
         "--tests-output", folder.appendingPathComponent("Tests").path]
    }

    @Test func lintPassesOnTheShippedSpec() throws {
        let run = try Self.run(["lint"])
        #expect(run.status == 0)
        #expect(run.output == "16 messages in 1 destination(s): no errors\n")
        #expect(run.error.isEmpty)
    }

    @Test func lintReportsLocatedErrorsAndFails() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("bad.yaml")
        try "destination: d\ntitle: t\nsumary: s\nmessages: []\n".write(to: spec, atomically: true, encoding: .utf8)
        let run = try Self.run(["lint", spec.path])
        #expect(run.status == 1)
        #expect(run.error.contains("\(spec.path):3:1: error: unknown key 'sumary' in the destination file; did you mean 'summary'?"))
        #expect(run.output.isEmpty)
    }

    @Test func generateWritesOnceThenLeavesFilesAlone() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.run(Self.generateArguments(into: folder))
        #expect(first.status == 0)
        #expect(first.output == "cti-codegen: 16 messages, 6 files written, 0 unchanged\n")
        let session = folder.appendingPathComponent("Sources/Session.swift")
        let stamp = try FileManager.default.attributesOfItem(atPath: session.path)[.modificationDate] as? Date
        let second = try Self.run(Self.generateArguments(into: folder))
        #expect(second.output == "cti-codegen: 16 messages, 0 files written, 6 unchanged\n")
        #expect(try FileManager.default.attributesOfItem(atPath: session.path)[.modificationDate] as? Date == stamp)
    }

    @Test func checkReportsAStaleFileWithADiffAndWritesNothing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(Self.generateArguments(into: folder))
        let routing = folder.appendingPathComponent("Sources/Routing.swift")
        let edited = try String(contentsOf: routing, encoding: .utf8) + "// a hand edit\n"
        try edited.write(to: routing, atomically: true, encoding: .utf8)
        let run = try Self.run(Self.generateArguments(into: folder) + ["--check"])
        #expect(run.status == 1)
        #expect(run.output.contains("-// a hand edit"))
        #expect(run.output.hasSuffix("cti-codegen: 1 generated files are stale; run 'swift run cti-codegen generate'\n"))
        #expect(try String(contentsOf: routing, encoding: .utf8) == edited)
    }

    @Test func aBrokenSpecWritesNothingAndKeepsOtherFiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(Self.generateArguments(into: folder))
        let mine = folder.appendingPathComponent("Sources/HandWritten.swift")
        try "// not generated\n".write(to: mine, atomically: true, encoding: .utf8)
        let before = try String(contentsOf: folder.appendingPathComponent("Sources/Session.swift"), encoding: .utf8)
        let spec = folder.appendingPathComponent("spec")
        try FileManager.default.createDirectory(at: spec, withIntermediateDirectories: true)
        let session = try String(contentsOf: Self.packageRoot.appendingPathComponent("spec/session.yaml"), encoding: .utf8)
        try session.replacingOccurrences(of: "kind: event", with: "kind: evnt")
            .write(to: spec.appendingPathComponent("session.yaml"), atomically: true, encoding: .utf8)
        let run = try Self.run(Self.generateArguments(into: folder, spec: spec.path))
        #expect(run.status == 1)
        #expect(run.error.contains("did you mean 'event'?"))
        #expect(try String(contentsOf: folder.appendingPathComponent("Sources/Session.swift"), encoding: .utf8) == before)
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }

    /// Limits come from the command line, or from a configuration that generate reads.
    @Test func limitsFromTheCommandLineAndTheConfiguration() throws {
        let lint = try Self.run(["lint", "--max-messages", "10"])
        #expect(lint.status == 1)
        #expect(lint.error == "spec/session.yaml:580:5: error: the spec has 16 messages, more than the limit of 10; raise the limit (--max-messages, or limits.maxMessages in cti-codegen.yaml) or split the spec\n")
        #expect(try Self.run(["lint", "--max-messages", "16"]).status == 0)
        #expect(try Self.run(["lint", "--max-spec-files", "0"]).status != 0)

        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("cti-codegen.yaml")
        try "limits:\n  maxSpecFiles: 1\n".write(to: config, atomically: true, encoding: .utf8)
        let generate = try Self.run(Self.generateArguments(into: folder) + ["--config", config.path])
        #expect(generate.status == 1)
        #expect(generate.error.contains("spec files, more than the limit of 1"))
        let overridden = try Self.run(Self.generateArguments(into: folder) + ["--config", config.path, "--max-spec-files", "2"])
        #expect(overridden.status == 0, "\(overridden.error)")
    }

    @Test func docsWritesTheReference() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("reference.md")
        let run = try Self.run(["docs", "--output", output.path])
        #expect(run.status == 0)
        let markdown = try String(contentsOf: output, encoding: .utf8)
        #expect(markdown.contains("| requestId | {GUID} | Unique identifier for the orginal query |"))
        #expect(markdown.contains("## Errata"))
        let multi = try Self.run(["docs", Self.packageRoot.appendingPathComponent("Tests/Golden/multi/spec").path])
        #expect(multi.output.contains("Targets have the form `{processor}.CONTROL` (dot-separated; braces mark an id)."))
        // Variants and conditional members.
        #expect(multi.output.contains("Comes in the variants `telephony`, `unsupported` (below); the client says which one a target is."))
        #expect(multi.output.contains("- Refuses `channel.request.activate`: answered FAILURE with \"An unsupported channel can only be disposed.\"."))
        #expect(multi.output.contains("- The response to `channel.query.init` never carries `interactions`."))
        #expect(
            multi.output.contains(
                "| conversations.primary | Conversation | The main call leg. Required when interaction-state is ALERTING, DIALING or STARTED. Absent when interaction-state is ENDED or COMPLETED. |"
            ))
    }
}
