import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-cti-code [--target T ...] [--check]`
///
/// Regenerates committed output, in place, for the targets that choose it:
/// - this repository's layout: `spec/` generated into `Generated/Sources/<M>` (and `Generated/Tests/<M>Tests`),
///   exactly as `swift run cti-codegen generate` does;
/// - any other target with a `Generated/` folder in its own folder: its `*.cti.yaml` files (and `cti-codegen.yaml`)
///   generated into that folder, code only, internal unless the configuration says otherwise.
///
/// Every selected target is generated in a dry run first; only when all of them succeed is anything written, and
/// each target's files are written all or nothing. Nothing is written outside the package.
@main
struct CTICodegenCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let requested = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        guard extractor.remainingArguments.isEmpty else {
            throw CommandError(
                "unexpected arguments: \(extractor.remainingArguments.joined(separator: " "))\n"
                    + "usage: swift package --allow-writing-to-package-directory generate-cti-code [--target T ...] [--check]")
        }

        let package = context.package
        let packageFolder = package.directoryURL.standardizedFileURL
        var jobs = package.targets.compactMap { $0 as? SourceModuleTarget }.compactMap {
            GenerationJob(target: $0, packageFolder: packageFolder)
        }
        // SwiftPM leaves out a target that has no Swift file yet, such as one whose first output this run writes:
        // look for Sources/<name>/Generated/ beside the targets it reports.
        let known = Set(package.targets.map { URL(fileURLWithPath: String(describing: $0.directory)).standardizedFileURL.path })
        jobs += GenerationJob.unlistedTargets(in: packageFolder, excluding: known)
        let selected = try select(requested, from: jobs, in: package)
        guard !selected.isEmpty else {
            print(
                "generate-cti-code: no target of \(package.displayName) has committed output; nothing to do. "
                    + "(Targets that apply CTICodegenPlugin are generated at build time. To commit a target's output "
                    + "instead, create a Generated/ folder in it and run generate-cti-code --target <name>.)")
            return
        }
        for job in selected { try job.checkCanRun(in: packageFolder) }

        let tool = try context.tool(named: "cti-codegen").url
        if check {
            try checkUpToDate(selected, tool: tool, packageFolder: packageFolder)
        } else {
            try regenerate(selected, tool: tool, packageFolder: packageFolder)
        }
    }

    /// The jobs named by `--target` (any of a job's targets names it), or every job when none is named.
    private func select(_ names: [String], from jobs: [GenerationJob], in package: Package) throws -> [GenerationJob] {
        guard !names.isEmpty else { return jobs }
        var selected: [GenerationJob] = []
        for name in names {
            if let job = jobs.first(where: { $0.targetNames.contains(name) }) {
                if !selected.contains(where: { $0.label == job.label }) { selected.append(job) }
                continue
            }
            guard let target = package.targets.first(where: { $0.name == name }) else {
                let known = package.targets.map(\.name).sorted().joined(separator: ", ")
                throw CommandError("no target named '\(name)' in \(package.displayName) (its targets: \(known))")
            }
            let relative = GenerationJob.relativePath(of: URL(fileURLWithPath: String(describing: target.directory), isDirectory: true), in: package.directoryURL)
            throw CommandError(
                "target '\(name)' does not choose committed output: \(relative)/Generated/ does not exist. A target "
                    + "that applies CTICodegenPlugin is generated at build time and must not have it. To commit the "
                    + "output instead, remove the plugin from the target, create \(relative)/Generated/, keep the "
                    + "*.cti.yaml files in \(relative)/ (excluded from the target), and run this command again.")
        }
        return selected
    }

    /// Generates every job in a dry run, then writes them, reporting per file what changed and what was up to date.
    private func regenerate(_ jobs: [GenerationJob], tool: URL, packageFolder: URL) throws {
        // A spec or configuration error in any target stops the command before anything is written.
        var failed: [String] = []
        for job in jobs {
            let run = try ToolRun(tool: tool, arguments: job.arguments + ["--dry-run"], folder: packageFolder)
            if run.status != 0 {
                FileHandle.standardError.write(Data(run.errors.utf8))
                failed.append(job.label)
            }
        }
        guard failed.isEmpty else {
            throw CommandError("nothing written: \(failed.joined(separator: ", ")) cannot be generated (errors above)")
        }

        var written = 0
        var unchanged = 0
        for job in jobs {
            let run = try ToolRun(tool: tool, arguments: job.arguments + ["--list-files"], folder: packageFolder)
            FileHandle.standardError.write(Data(run.errors.utf8))
            guard run.status == 0 else {
                throw CommandError("\(job.label): cti-codegen failed (status \(run.status)); its files are as they were")
            }
            for line in run.output.split(separator: "\n") {
                if line.hasPrefix("wrote ") {
                    written += 1
                    print("\(job.label): \(line)")
                } else if line.hasPrefix("up to date ") {
                    unchanged += 1
                    print("\(job.label): \(line)")
                }
            }
        }
        print("generate-cti-code: \(count(written, "file")) written, \(unchanged) already up to date")
    }

    /// Reports each job whose committed output differs from what the spec generates; fails when any does.
    private func checkUpToDate(_ jobs: [GenerationJob], tool: URL, packageFolder: URL) throws {
        var stale: [String] = []
        for job in jobs {
            let run = try ToolRun(tool: tool, arguments: job.arguments + ["--check"], folder: packageFolder)
            print(run.output, terminator: "")
            FileHandle.standardError.write(Data(run.errors.utf8))
            if run.status != 0 { stale.append(job.label) }
        }
        guard stale.isEmpty else {
            throw CommandError("out of date or invalid: \(stale.joined(separator: ", "))")
        }
        print("generate-cti-code: committed output of \(jobs.map(\.label).joined(separator: ", ")) is up to date")
    }
}

/// `1 file`, `2 files`.
func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

/// How one target's committed output is generated: the `cti-codegen generate` arguments (paths of outputs relative
/// to the package folder, so the tool reports them that way).
struct GenerationJob {
    /// The targets whose files this job writes (a module and its generated test target share one job).
    let targetNames: [String]
    /// The `generate` arguments, without a mode flag.
    let arguments: [String]
    /// The folders the job writes into.
    let outputFolders: [URL]
    /// Why the job cannot run, if it cannot.
    let problem: String?

    /// How the job is named in reports.
    var label: String { targetNames.joined(separator: "+") }

    /// The job of a target that has committed output, or nil when it has none.
    init?(target: SourceModuleTarget, packageFolder: URL) {
        guard target.kind != .test else { return nil }
        let folder = URL(fileURLWithPath: String(describing: target.directory), isDirectory: true).standardizedFileURL

        // This repository's own layout: spec/ at the top, the module in Generated/Sources/<M>.
        let specFolder = packageFolder.appendingPathComponent("spec", isDirectory: true)
        let repositoryOutput = packageFolder.appendingPathComponent("Generated/Sources/\(target.name)", isDirectory: true)
        if folder.path == repositoryOutput.path, Self.isFolder(specFolder) {
            let module = target.name
            let testsFolder = "Generated/Tests/\(module)Tests"
            var arguments = ["generate", "--spec", specFolder.path, "--output", "Generated/Sources/\(module)", "--module-name", module]
            var names = [module]
            var outputs = [repositoryOutput]
            if Self.isFolder(packageFolder.appendingPathComponent(testsFolder, isDirectory: true)) {
                arguments += ["--tests-output", testsFolder]
                names.append("\(module)Tests")
                outputs.append(packageFolder.appendingPathComponent(testsFolder, isDirectory: true))
            } else {
                arguments.append("--no-tests")
            }
            self.init(targetNames: names, arguments: arguments, outputFolders: outputs)
            return
        }

        self.init(folder: folder, name: target.name, moduleName: target.moduleName, packageFolder: packageFolder)
    }

    /// The jobs of folders `Sources/<name>` that SwiftPM did not report as targets (they have no Swift file yet)
    /// but have committed output, that is spec files and a Generated/ folder.
    static func unlistedTargets(in packageFolder: URL, excluding known: Set<String>) -> [GenerationJob] {
        let sources = packageFolder.appendingPathComponent("Sources", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = sources.appendingPathComponent(name, isDirectory: true).standardizedFileURL
            guard !name.hasPrefix("."), !known.contains(folder.path), isFolder(folder) else { return nil }
            let moduleName = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
            return GenerationJob(folder: folder, name: name, moduleName: moduleName, packageFolder: packageFolder)
        }
    }

    /// The job of a user's target: spec files in the target's folder, output in its Generated/ folder; nil when the
    /// folder has no Generated/ folder or no spec file.
    private init?(folder: URL, name: String, moduleName: String, packageFolder: URL) {
        let fileManager = FileManager.default
        let generated = folder.appendingPathComponent("Generated", isDirectory: true)
        guard Self.isFolder(generated) else { return nil }
        var specs: [URL] = []
        var configs: [URL] = []
        let walker = fileManager.enumerator(
            at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        while let url = walker?.nextObject() as? URL {
            if url.standardizedFileURL.path == generated.path {
                walker?.skipDescendants()
            } else if SpecFiles.isSpecFile(url.lastPathComponent) {
                specs.append(url)
            } else if url.lastPathComponent == SpecFiles.configFileName {
                configs.append(url)
            }
        }
        guard !specs.isEmpty else { return nil }
        var arguments = ["generate"]
        for spec in specs.sorted(by: { $0.path < $1.path }) { arguments += ["--spec", spec.path] }
        let relative = Self.relativePath(of: generated, in: packageFolder)
        arguments += ["--output", relative, "--no-tests", "--default-access", "internal", "--module-name", moduleName]
        if let config = configs.first { arguments += ["--config", config.path] }
        var problem: String?
        if configs.count > 1 {
            problem = "\(name) has \(configs.count) \(SpecFiles.configFileName) files ("
                + configs.map(\.path).sorted().joined(separator: ", ") + "); keep one"
        }
        self.init(targetNames: [name], arguments: arguments, outputFolders: [generated], problem: problem)
    }

    private init(targetNames: [String], arguments: [String], outputFolders: [URL], problem: String? = nil) {
        self.targetNames = targetNames
        self.arguments = arguments
        self.outputFolders = outputFolders
        self.problem = problem
    }

    /// Refuses a job that cannot run, or whose output folder is, or leads through a symbolic link to, a place
    /// outside the package.
    func checkCanRun(in packageFolder: URL) throws {
        if let problem { throw CommandError(problem) }
        let root = packageFolder.resolvingSymlinksInPath().path
        for folder in outputFolders {
            let resolved = folder.resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw CommandError(
                    "\(label): \(folder.path) leads outside the package (to \(resolved)); nothing written")
            }
        }
    }

    /// `url`'s path relative to `folder` when it is inside it, else its full path.
    static func relativePath(of url: URL, in folder: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = folder.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}

/// The plugins' file conventions (the build plugin's `GeneratedFileNames` states the same).
enum SpecFiles {
    /// Whether a file is a spec file: `*.cti.yaml` (or `*.cti.yml`).
    static func isSpecFile(_ name: String) -> Bool {
        name.hasSuffix(".cti.yaml") || name.hasSuffix(".cti.yml")
    }

    /// The configuration file next to the spec files.
    static let configFileName = "cti-codegen.yaml"
}

/// One run of `cti-codegen` with its output captured.
struct ToolRun {
    let status: Int32
    let output: String
    let errors: String

    /// Runs the tool in `folder` (arguments are passed as they are, never through a shell).
    init(tool: URL, arguments: [String], folder: URL) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()
        // Read both pipes to the end before waiting, so a full pipe cannot block the tool.
        let errorData = ErrorReader(errorPipe.fileHandleForReading)
        let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: outputData, as: UTF8.self)
        errors = String(decoding: errorData.wait(), as: UTF8.self)
    }
}

/// Reads a pipe to its end on another thread.
final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A problem the command reports as its failure.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
