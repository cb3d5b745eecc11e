import ArgumentParser
import CTICodegen
import CTISpec
import Foundation

/// `cti-codegen generate`: turns the spec into Swift files, rewriting only the files whose bytes change, or
/// with `--check` reports the files that are out of date.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate the Swift message types, validators, routing and tests from the spec.",
        discussion: """
            Writes only the files whose bytes change, all or nothing, and never deletes a file it did not \
            generate. With --check, writes nothing: prints a unified diff for each out-of-date file and exits \
            with status 1 when there is any.
            """
    )

    @Option(name: .customLong("spec"), help: "A spec file or folder; repeat for several (default: spec).")
    var specPaths: [String] = []

    @Option(help: "The folder for the generated library sources.")
    var output = "Generated/Sources/CTIMessages"

    @Option(help: "The folder for the generated tests.")
    var testsOutput = "Generated/Tests/CTIMessagesTests"

    @Option(help: "The access level of the generated declarations (default: the config's, else --default-access).")
    var access: AccessLevel?

    @Option(help: "The access level when neither --access nor the config sets one (the build plugin passes internal).")
    var defaultAccess: AccessLevel = .public

    @Option(help: "A cti-codegen.yaml with access, outputs, namePrefix and limits; options given here win.")
    var config: String?

    @Option(help: "The module the generated code is compiled into; the generated tests import it.")
    var moduleName = "CTIMessages"

    @Option(help: "Put this in front of every top-level generated type name.")
    var namePrefix: String?

    @Flag(name: .customLong("no-tests"), help: "Do not generate the tests.")
    var noTests = false

    @Flag(help: "Write nothing; print a diff of each out-of-date file and exit with status 1 when there is any.")
    var check = false

    @Flag(help: "Load, check and generate everything, write nothing, and exit with status 0 unless there are errors.")
    var dryRun = false

    @Flag(help: "Also print each file written and each file already up to date, one a line.")
    var listFiles = false

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        var inputs = SpecInputs()
        inputs.paths = specPaths.isEmpty ? ["spec"] : specPaths
        let fileConfig = try loadConfig()
        let spec = try inputs.load(limits: limitOptions.limits(over: fileConfig.limits.applied(to: .default)))
        let inputFiles = try inputs.resolvedPaths.flatMap(SpecLoader.specFiles(in:)).sorted()
        let options = try generatorOptions(fileConfig)
        let files = Generator(options: options).generate(spec, inputFiles: inputFiles)

        var folders: [GeneratedFile.Root: String] = [:]
        if options.outputs.contains(.code) { folders[.sources] = output }
        if options.outputs.contains(.tests) { folders[.tests] = testsOutput }
        let writer = OutputWriter(folders: folders.mapValues { URL(fileURLWithPath: $0, isDirectory: true) })
        do {
            let plan = try writer.plan(files)
            if check {
                try report(plan, folders: folders)
            } else if dryRun {
                print(
                    "cti-codegen: dry run, nothing written: \(plan.changed.count) files would be written, "
                        + "\(plan.unchanged.count) are up to date")
            } else {
                let summary = try writer.write(plan)
                if listFiles { list(summary) }
                let messages = spec.destinations.reduce(0) { $0 + $1.messages.count }
                print(
                    "cti-codegen: \(messages) messages, \(summary.written.count) file\(summary.written.count == 1 ? "" : "s") written, "
                        + "\(summary.unchanged.count) unchanged")
            }
        } catch let error as OutputError {
            StandardError.write(error.description + "\n")
            throw ExitCode(1)
        }
    }

    /// The options from the flags, then the configuration file, then the defaults.
    /// The `--config` file, or an empty configuration.
    private func loadConfig() throws -> CodegenConfig {
        guard let config else { return CodegenConfig() }
        let loaded = CodegenConfig.load(path: config)
        for diagnostic in loaded.diagnostics { StandardError.write(diagnostic.description + "\n") }
        guard let loadedConfig = loaded.config else { throw ExitCode(1) }
        return loadedConfig
    }

    private func generatorOptions(_ fileConfig: CodegenConfig) throws -> GeneratorOptions {
        let level = access ?? fileConfig.access ?? defaultAccess
        var outputs = Set(fileConfig.outputs ?? [.code, .tests])
        if noTests { outputs.remove(.tests) }
        if outputs.isEmpty {
            // Only reachable as `outputs: [tests]` with --no-tests (the build plugin compiles code only).
            let location = config.map { "\($0):1:1: " } ?? ""
            StandardError.write(
                "\(location)error: nothing to generate: the configuration asks for tests only, and tests are off "
                    + "here (--no-tests; the build plugin generates code only); add 'code' to outputs\n")
            throw ExitCode(1)
        }
        return GeneratorOptions(
            access: level, outputs: outputs, moduleName: moduleName, namePrefix: namePrefix ?? fileConfig.namePrefix ?? "")
    }

    /// Prints each file written and each file left as it was, for callers that report per file (the command plugin).
    private func list(_ summary: OutputSummary) {
        for url in summary.written { print("wrote \(url.relativePath)") }
        for url in summary.unchanged { print("up to date \(url.relativePath)") }
    }

    /// Prints a diff for each stale file and the verdict; exits with status 1 when any file is stale.
    private func report(_ plan: OutputPlan, folders: [GeneratedFile.Root: String]) throws {
        guard !plan.isUpToDate else {
            print("cti-codegen: generated files are up to date")
            return
        }
        for entry in plan.changed {
            let folder = folders[entry.root] ?? ""
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + entry.name
            let diff = UnifiedDiff.diff(
                old: entry.oldText ?? "", new: entry.newText,
                oldName: entry.isNew ? UnifiedDiff.missingFileName : path, newName: path)
            print(diff, terminator: "")
        }
        print(
            "cti-codegen: \(plan.changed.count) generated files are stale; run 'swift run cti-codegen generate'")
        throw ExitCode(1)
    }
}

extension AccessLevel: ExpressibleByArgument {}
