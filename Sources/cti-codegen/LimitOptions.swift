import ArgumentParser
import CTICodegen
import CTISpec

/// The load limits a command takes: each option replaces one limit of the configuration's (or the
/// default's).
struct LimitOptions: ParsableArguments {
    @Option(help: "The largest spec file read, in bytes (default: 33554432).")
    var maxFileBytes: Int?

    @Option(help: "The most YAML nodes read in one spec file, every expansion of an alias counted (default: 4000000).")
    var maxYamlNodes: Int?

    @Option(help: "The most messages in the spec (default: 50000).")
    var maxMessages: Int?

    @Option(help: "The most spec files read (default: 10000).")
    var maxSpecFiles: Int?

    func validate() throws {
        for (name, value) in [("--max-file-bytes", maxFileBytes), ("--max-yaml-nodes", maxYamlNodes), ("--max-messages", maxMessages), ("--max-spec-files", maxSpecFiles)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
    }

    /// `base` with the limits given on the command line, applied as a configuration's are.
    func limits(over base: LoadLimits = .default) -> LoadLimits {
        var given = CodegenConfig.Limits()
        given.maxFileBytes = maxFileBytes
        given.maxNodesPerFile = maxYamlNodes
        given.maxMessages = maxMessages
        given.maxSpecFiles = maxSpecFiles
        return given.applied(to: base)
    }
}
