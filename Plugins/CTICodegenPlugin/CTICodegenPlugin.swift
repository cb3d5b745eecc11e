import Foundation
import PackagePlugin

/// Generates Swift from the `*.cti.yaml` spec files of the target it is applied to, at build time.
///
/// One build command per target: its inputs are the target's spec files and its `cti-codegen.yaml` (if any), its
/// outputs `<Stem>.swift` per spec file plus `Routing.swift`, named from the input file names alone. SwiftPM
/// reruns the command only when an input (or the tool) changes; a spec error fails the build with
/// `file:line:col: error: ...` pointing into the spec file.
@main
struct CTICodegenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = try PluginInputs(target: target)
        let outputFolder = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedSources", isDirectory: true)

        var arguments = ["generate"]
        for spec in inputs.specs { arguments += ["--spec", spec.path] }
        arguments += [
            "--output", outputFolder.path,
            "--no-tests",
            "--default-access", "internal",
            "--module-name", target.moduleName,
        ]
        if let config = inputs.config { arguments += ["--config", config.path] }

        return [
            .buildCommand(
                displayName: "Generating \(inputs.outputNames.joined(separator: ", ")) for \(target.name) with cti-codegen",
                executable: try context.tool(named: "cti-codegen").url,
                arguments: arguments,
                inputFiles: inputs.trackedFiles,
                outputFiles: inputs.outputNames.map { outputFolder.appendingPathComponent($0, isDirectory: false) }
            )
        ]
    }
}

/// What one target gives the build plugin: its spec files, its optional configuration, and the names of the
/// files generation will write.
struct PluginInputs {
    /// The spec files (`*.cti.yaml`), sorted by path.
    let specs: [URL]
    /// The target's `cti-codegen.yaml`, if it has one.
    let config: URL?
    /// The files generated from `specs`, by name.
    let outputNames: [String]

    /// Every file whose change must rerun generation: the spec files, the configuration, and, for a spec file that
    /// is a symbolic link, the file it points to (so editing the original reruns generation too).
    var trackedFiles: [URL] {
        var files: [URL] = []
        for url in specs + (config.map { [$0] } ?? []) {
            files.append(url)
            let resolved = url.resolvingSymlinksInPath()
            if resolved.path != url.path { files.append(resolved) }
        }
        return files
    }

    init(target: SourceModuleTarget) throws {
        let files = target.sourceFiles.map(\.url)
        specs = files.filter { GeneratedFileNames.isSpecFile($0.lastPathComponent) }.sorted { $0.path < $1.path }
        let configs = files.filter { $0.lastPathComponent == GeneratedFileNames.configFileName }

        guard !specs.isEmpty else {
            throw PluginError(
                "target '\(target.name)' applies CTICodegenPlugin but has no spec file: put one or more *.cti.yaml "
                    + "files in the target's folder, or remove the plugin from the target")
        }
        guard configs.count <= 1 else {
            throw PluginError(
                "target '\(target.name)' has \(configs.count) \(GeneratedFileNames.configFileName) files ("
                    + configs.map(\.path).sorted().joined(separator: ", ") + "); keep one")
        }
        config = configs.first

        switch GeneratedFileNames.sources(forInputs: specs.map(\.path)) {
        case .success(let names): outputNames = names
        case .failure(let clash): throw PluginError("target '\(target.name)': \(clash)")
        }

        // Two files of one name in a module do not compile; say why here rather than leave a compiler error.
        let taken = Set(outputNames)
        if let own = files.first(where: { $0.pathExtension == "swift" && taken.contains($0.lastPathComponent) }) {
            throw PluginError(
                "target '\(target.name)': \(own.path) has the name of a file CTICodegenPlugin generates; rename it, "
                    + "or, if it is committed output of generate-cti-code, remove the plugin from the target")
        }
    }
}

/// A problem with how the plugin is applied, reported by SwiftPM as a build error.
struct PluginError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
