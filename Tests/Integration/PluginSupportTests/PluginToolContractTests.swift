import Foundation
import Testing

/// `cti-codegen generate` run with the arguments the build plugin passes
/// (`--spec <each> --output <work folder> --no-tests --default-access internal --module-name <M> [--config <file>]`):
/// it writes exactly the files the plugin declared, reports spec and configuration errors located in the user's
/// files, and writes nothing when it fails.
@Suite struct PluginToolContractTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let phoneSpec = repository.appendingPathComponent(
        "Tests/Integration/PluginConsumer/Sources/Telephony/Spec Files/phone.cti.yaml")

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// A folder with a space in its name, holding a copy of the phone spec and a symbolic link to it.
    final class Scratch {
        let folder: URL
        var specs: URL { folder.appendingPathComponent("Spec Files") }
        var output: URL { folder.appendingPathComponent("Work Folder/GeneratedSources") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("cti plugin \(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("Spec Files"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: PluginToolContractTests.phoneSpec, to: specs.appendingPathComponent("phone.cti.yaml"))
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func write(_ text: String, to name: String) throws -> URL {
            let url = specs.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }

        /// The build plugin's arguments for `specs` (and `config`).
        func pluginArguments(_ specs: [URL], config: URL? = nil) -> [String] {
            var arguments = ["generate"]
            for spec in specs { arguments += ["--spec", spec.path] }
            arguments += ["--output", output.path, "--no-tests", "--default-access", "internal", "--module-name", "Telephony"]
            if let config { arguments += ["--config", config.path] }
            return arguments
        }

        func outputNames() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }

        func generated(_ name: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
        }
    }

    /// Runs the `cti-codegen` built next to this test bundle.
    static func run(_ arguments: [String]) throws -> Run {
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("cti-codegen")
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    @Test func declaredOutputsAreWrittenInternalByDefaultThroughALinkAndSpaces() throws {
        let scratch = try Scratch()
        let link = scratch.specs.appendingPathComponent("desk phone.cti.yaml")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: scratch.specs.appendingPathComponent("phone.cti.yaml"))
        let run = try Self.run(scratch.pluginArguments([link]))
        #expect(run.status == 0, "\(run.error)")
        let declared = try GeneratedFileNames.sources(forInputs: [link.path]).get()
        #expect(declared == ["DeskPhone.swift", "Routing.swift"])
        #expect(scratch.outputNames() == declared)
        let routing = try scratch.generated("Routing.swift")
        #expect(routing.contains("\nprotocol ClientHandler"))
        #expect(!routing.contains("public "))
    }

    @Test func configurationSetsAccessAndPrefixAndTheFlagsWin() throws {
        let scratch = try Scratch()
        let spec = scratch.specs.appendingPathComponent("phone.cti.yaml")
        let config = try scratch.write("access: public\nnamePrefix: Tel\n", to: "cti-codegen.yaml")
        var run = try Self.run(scratch.pluginArguments([spec], config: config))
        #expect(run.status == 0, "\(run.error)")
        #expect(try scratch.generated("Routing.swift").contains("\npublic protocol TelClientHandler"))
        // --access wins over the configuration, as the tool documents.
        run = try Self.run(scratch.pluginArguments([spec], config: config) + ["--access", "package"])
        #expect(run.status == 0, "\(run.error)")
        #expect(try scratch.generated("Routing.swift").contains("\npackage protocol TelClientHandler"))
    }

    @Test func configurationAskingForTestsOnlyIsALocatedError() throws {
        let scratch = try Scratch()
        let config = try scratch.write("outputs: [tests]\n", to: "cti-codegen.yaml")
        let run = try Self.run(scratch.pluginArguments([scratch.specs.appendingPathComponent("phone.cti.yaml")], config: config))
        #expect(run.status == 1)
        #expect(run.error.contains("\(config.path):1:1: error: nothing to generate"))
        #expect(scratch.outputNames().isEmpty)
    }

    @Test func unknownConfigurationKeyIsALocatedError() throws {
        let scratch = try Scratch()
        let config = try scratch.write("# Telephony\nacces: public\n", to: "cti-codegen.yaml")
        let run = try Self.run(scratch.pluginArguments([scratch.specs.appendingPathComponent("phone.cti.yaml")], config: config))
        #expect(run.status == 1)
        #expect(run.error.contains("\(config.path):2:1: error: "))
        #expect(scratch.outputNames().isEmpty)
    }

    @Test func brokenSpecIsALocatedErrorAndWritesNothing() throws {
        let scratch = try Scratch()
        let spec = scratch.specs.appendingPathComponent("phone.cti.yaml")
        let good = try String(contentsOf: spec, encoding: .utf8)
        var lines = good.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex(of: "    swiftName: Dial"))
        lines[index] = "    swiftNme: Dial"
        try lines.joined(separator: "\n").write(to: spec, atomically: true, encoding: .utf8)
        let run = try Self.run(scratch.pluginArguments([spec]))
        #expect(run.status == 1)
        #expect(run.error.contains("\(spec.path):\(index + 1):5: error: "))
        #expect(scratch.outputNames().isEmpty)
    }

    @Test func dryRunWritesNothingAndListFilesReportsEachFile() throws {
        let scratch = try Scratch()
        let spec = scratch.specs.appendingPathComponent("phone.cti.yaml")
        var run = try Self.run(scratch.pluginArguments([spec]) + ["--dry-run"])
        #expect(run.status == 0, "\(run.error)")
        #expect(scratch.outputNames().isEmpty)
        run = try Self.run(scratch.pluginArguments([spec]) + ["--list-files"])
        #expect(run.output.contains("wrote \(scratch.output.path)/Phone.swift\n"))
        run = try Self.run(scratch.pluginArguments([spec]) + ["--list-files"])
        #expect(run.output.contains("up to date \(scratch.output.path)/Phone.swift\n"))
        #expect(run.output.contains("up to date \(scratch.output.path)/Routing.swift\n"))
        #expect(!run.output.contains("wrote "))
    }
}
