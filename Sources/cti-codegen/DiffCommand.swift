import ArgumentParser
import CTICodegen
import CTISpec
import Foundation

/// `cti-codegen diff`: what changed between two specs, and whom each change breaks.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two specs: every change, located and classified as wire-breaking, source-breaking, compatible or documentation.",
        discussion: """
            Each side is a spec folder or file; with --base, the old side is the same paths read from git at \
            REF. Exit status: 0 when no change of the --fail-on class was found (always, without --fail-on), \
            1 when one was, 2 when the command could not run (a side that does not lint, a git error, bad \
            arguments).
            """
    )

    @Argument(help: "OLD NEW: two spec folders or files; with --base, at most NEW (default: spec/).")
    var paths: [String] = []

    @Option(name: .customLong("base"), help: "Read the old spec from git at this revision (a commit, branch or tag).")
    var baseRevision: String?

    @Option(help: "text (compiler-style lines), markdown (for a pull request) or json.")
    var format: SpecDiff.Format = .text

    @Option(name: .customLong("name-prefix"), help: "Name Swift symbols as generated with this namePrefix (as in cti-codegen.yaml).")
    var namePrefix = ""

    @Option(name: .customLong("fail-on"), help: "Exit with status 1 when a change of this class is found: wire, source or any.")
    var failOn: FailureClass?

    @OptionGroup var limitOptions: LimitOptions

    /// The classes of change `--fail-on` takes.
    enum FailureClass: String, ExpressibleByArgument, CaseIterable {
        case wire, source, any
    }

    func validate() throws {
        if baseRevision == nil, paths.count != 2 {
            throw ValidationError("give the old and the new spec (cti-codegen diff OLD NEW), or --base REF [NEW]")
        }
        if baseRevision != nil, paths.count > 1 {
            throw ValidationError("with --base, give at most the new spec's path")
        }
    }

    func run() throws {
        let (old, new): (Spec, Spec)
        do {
            if let baseRevision {
                let newPath = paths.first ?? "spec"
                old = try load(GitRevision(baseRevision).specFiles(at: newPath), side: "the old spec (\(baseRevision))")
                new = try load(paths: [newPath], side: "the new spec")
            } else {
                old = try load(paths: [paths[0]], side: "the old spec")
                new = try load(paths: [paths[1]], side: "the new spec")
            }
        } catch let error as GitRevisionError {
            StandardError.write("cti-codegen: \(error)\n")
            throw ExitCode(2)
        }
        let diff = SpecDiff(from: old, to: new, namePrefix: namePrefix)
        print(diff.report(format), terminator: "")
        let failing: Bool =
            switch failOn {
            case nil: false
            case .wire: diff.count(.wire) > 0
            case .source: diff.count(.source) > 0
            case .any: !diff.changes.isEmpty
            }
        if failing { throw ExitCode(1) }
    }

    private func load(paths: [String], side: String) throws -> Spec {
        try Self.check(SpecLoader.forSwift(limits: limitOptions.limits()).load(paths: paths), side: side)
    }

    private func load(_ files: [(path: String, contents: String)], side: String) throws -> Spec {
        try Self.check(SpecLoader.forSwift(limits: limitOptions.limits()).load(files: files), side: side)
    }

    private static func check(_ result: LoadResult, side: String) throws -> Spec {
        for diagnostic in result.diagnostics {
            StandardError.write(diagnostic.description + "\n")
        }
        guard let spec = result.spec else {
            StandardError.write("cti-codegen: \(side) does not lint; nothing was compared\n")
            throw ExitCode(2)
        }
        return spec
    }
}

extension SpecDiff.Format: ExpressibleByArgument {}
