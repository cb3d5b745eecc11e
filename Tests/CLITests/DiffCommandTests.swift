import Foundation
import Testing

/// `cti-codegen diff` as a reviewer and a CI job run it: two folders, `--base` against a git
/// repository, the formats and the exit statuses (0 clean, 1 a change of the --fail-on class,
/// 2 could not run).
@Suite struct DiffCommandTests {
    /// A git repository holding the shipped spec in `spec/`, committed once.
    static func repository() throws -> URL {
        let folder = try CLITests.temporaryFolder()
        try FileManager.default.copyItem(
            at: CLITests.packageRoot.appendingPathComponent("spec"), to: folder.appendingPathComponent("spec"))
        try git(["init", "-q"], in: folder)
        try git(["add", "spec"], in: folder)
        try git(["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "spec"], in: folder)
        return folder
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// Adds a required member to the init query's response in the working tree.
    static func addRequiredResponseMember(in folder: URL) throws {
        let file = folder.appendingPathComponent("spec/session.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(
            of: "        - key: channelGroup\n",
            with: "        - key: agentId\n          type: string\n          notes: The agent.\n        - key: channelGroup\n"
        ).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func baseReadsTheOldSpecFromGit() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try CLITests.run(["diff", "--base", "HEAD", "--fail-on", "any"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.output == "no changes\n")

        try Self.addRequiredResponseMember(in: folder)
        let run = try CLITests.run(["diff", "--base", "HEAD", "--fail-on", "wire"], in: folder)
        #expect(run.status == 1)
        #expect(run.output.contains(
            "spec/session.yaml:141:11: error: wire-breaking: the response body of session.query.init: required member 'agentId' added"))
        #expect(run.output.hasSuffix("1 wire-breaking, 1 source-breaking, 0 compatible, 0 documentation\n"))

        let fromInside = try CLITests.run(["diff", "--base", "HEAD", "."], in: folder.appendingPathComponent("spec"))
        #expect(fromInside.status == 0)
        #expect(fromInside.output.contains("./session.yaml:141:11: error: wire-breaking"))

        // The README shows this run.
        let readme = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = try #require(readme.components(separatedBy: "$ cti-codegen diff --base HEAD\n").dropFirst().first?
            .components(separatedBy: "```").first)
        #expect(try CLITests.run(["diff", "--base", "HEAD"], in: folder).output == shown)
    }

    /// Removals are located on the old side, in the file the new side names the same way, however
    /// the path is written.
    @Test func oldSideLocationsFollowThePathAsWritten() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec/session.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "      - key: chat\n        type: boolean\n        notes: True if the agent should have chat enabled\n", with: "")
            .write(to: file, atomically: true, encoding: .utf8)
        for (path, shown) in [("spec", "spec/session.yaml"), ("./spec", "./spec/session.yaml"), ("spec/.", "spec/./session.yaml"), ("spec/session.yaml", "spec/session.yaml")] {
            let run = try CLITests.run(["diff", "--base", "HEAD", path], in: folder)
            #expect(run.output.contains("\(shown):96:9: error: wire-breaking: the body of session.query.init: member 'chat' removed"), "\(path): \(run.output)\(run.error)")
        }
        let fromBelow = try CLITests.run(["diff", "--base", "HEAD", "../spec"], in: folder.appendingPathComponent("spec"))
        #expect(fromBelow.output.contains("../spec/session.yaml:96:9: error: wire-breaking"), "\(fromBelow.output)\(fromBelow.error)")
    }

    @Test func failOnChoosesTheClass() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec/session.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "notes: Agent extension\n", with: "notes: The agent's extension\n")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["diff", "--base", "HEAD", "--fail-on", "wire"], in: folder).status == 0)
        #expect(try CLITests.run(["diff", "--base", "HEAD", "--fail-on", "source"], in: folder).status == 0)
        #expect(try CLITests.run(["diff", "--base", "HEAD", "--fail-on", "any"], in: folder).status == 1)
        let markdown = try CLITests.run(["diff", "--base", "HEAD", "--format", "markdown"], in: folder)
        #expect(markdown.status == 0)
        #expect(markdown.output.contains("| documentation | `spec/session.yaml:37:9` | type 'TeamMember': member 'extension': its notes changed |"))
    }

    @Test func whatCannotRunExitsWithTwo() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknownRevision = try CLITests.run(["diff", "--base", "no-such-revision"], in: folder)
        #expect(unknownRevision.status == 2)
        #expect(unknownRevision.error.contains("no-such-revision"))

        let file = folder.appendingPathComponent("spec/session.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "kind: event", with: "kind: evnt").write(to: file, atomically: true, encoding: .utf8)
        let broken = try CLITests.run(["diff", "--base", "HEAD"], in: folder)
        #expect(broken.status == 2)
        #expect(broken.error.contains("did you mean 'event'?"))
        #expect(broken.error.contains("the new spec does not lint; nothing was compared"))

        let usage = try CLITests.run(["diff", "only-one-path"], in: folder)
        #expect(usage.status == 2)
        #expect(usage.error.contains("give the old and the new spec"))
    }
}
