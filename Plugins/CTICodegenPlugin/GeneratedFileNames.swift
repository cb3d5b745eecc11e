import Foundation

/// The plugin's copy of the naming rules of `OutputNames` (Sources/CTICodegen/OutputNames.swift): a plugin cannot
/// depend on a library, and it must declare the files `cti-codegen` will write before any spec is read. The test
/// target `PluginNamingTests` compiles this very file and checks it against `OutputNames`.
enum GeneratedFileNames {
    /// The file every run writes, whatever the inputs are.
    static let fixed = ["Routing.swift"]

    /// Whether a file is a spec file by the plugins' convention: `*.cti.yaml` (or `*.cti.yml`).
    static func isSpecFile(_ name: String) -> Bool {
        name.hasSuffix(".cti.yaml") || name.hasSuffix(".cti.yml")
    }

    /// The name of the configuration file the plugins look for next to the spec files.
    static let configFileName = "cti-codegen.yaml"

    /// The stem a spec file's outputs are named after: `session.cti.yaml` gives `Session`.
    static func stem(ofInput path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        if name.hasSuffix(".cti") { name.removeLast(".cti".count) }
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let stem = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return stem.isEmpty || stem.first!.isNumber ? "Spec" + stem : stem
    }

    /// The library file generated from one spec file.
    static func sourceName(ofInput path: String) -> String { stem(ofInput: path) + ".swift" }

    /// The code files a run over `inputs` writes, sorted; or the reason the inputs cannot be generated together
    /// (two inputs, or an input and the fixed file, would write the same file).
    static func sources(forInputs inputs: [String]) -> Result<[String], NameClash> {
        var owners: [String: String] = [:]
        for name in fixed { owners[name] = "" }
        for input in inputs {
            let name = sourceName(ofInput: input)
            if let owner = owners[name] {
                return .failure(NameClash(file: name, input: input, other: owner.isEmpty ? nil : owner))
            }
            owners[name] = input
        }
        return .success(owners.keys.sorted())
    }

    /// Two inputs whose outputs would have the same name.
    struct NameClash: Error, CustomStringConvertible {
        /// The output file name both would write.
        let file: String
        /// The spec file that was second to claim it.
        let input: String
        /// The spec file that claimed it first; nil when the name is a fixed output.
        let other: String?

        var description: String {
            if let other {
                return "\(input) and \(other) would both generate \(file); rename one of them"
            }
            return "\(input) would generate \(file), which every run writes for the routing code; rename the spec file"
        }
    }
}
