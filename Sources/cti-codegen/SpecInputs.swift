import ArgumentParser
import CTICodegen
import CTISpec

/// The spec paths a subcommand reads, and loading them with diagnostics printed to standard error.
struct SpecInputs: ParsableArguments {
    @Argument(help: "Spec files or folders (default: spec/).")
    var paths: [String] = []

    /// The paths to read; `spec/` when none were given.
    var resolvedPaths: [String] { paths.isEmpty ? ["spec"] : paths }

    @OptionGroup var limitOptions: LimitOptions

    /// Loads the spec within `limits` (the command line's over the default), prints every diagnostic,
    /// and exits with status 1 when any is an error.
    func load(limits: LoadLimits? = nil) throws -> Spec {
        let result = SpecLoader.forSwift(limits: limits ?? limitOptions.limits()).load(paths: resolvedPaths)
        for diagnostic in result.diagnostics {
            StandardError.write(diagnostic.description + "\n")
        }
        guard let spec = result.spec else { throw ExitCode(1) }
        return spec
    }
}
