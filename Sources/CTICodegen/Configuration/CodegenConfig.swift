import CTISpec
import Foundation
import Yams

/// The few choices a package makes in `cti-codegen.yaml`, next to its spec files.
///
/// ```yaml
/// access: public          # public | package | internal (default: internal for the build plugin)
/// outputs: [code, tests]  # which outputs to generate (default: code)
/// namePrefix: Bridge      # put in front of every top-level type name (default: none)
/// ```
public struct CodegenConfig: Sendable, Hashable {
    /// The access level of the generated declarations, if set.
    public var access: AccessLevel?
    /// The outputs to generate, if set.
    public var outputs: [GeneratorOptions.Output]?
    /// The prefix of top-level type names, if set.
    public var namePrefix: String?

    /// Load limits set in the file (`limits:`); those it leaves out keep their defaults.
    public var limits = Limits()

    /// The `limits:` mapping: each key replaces one of `LoadLimits`.
    public struct Limits: Sendable, Hashable {
        /// `maxFileBytes`.
        public var maxFileBytes: Int?
        /// `maxNodesPerFile`.
        public var maxNodesPerFile: Int?
        /// `maxMessages`.
        public var maxMessages: Int?
        /// `maxSpecFiles`.
        public var maxSpecFiles: Int?

        /// Creates limits that change nothing.
        public init() {}

        /// `base` with the limits the file sets.
        public func applied(to base: LoadLimits) -> LoadLimits {
            var limits = base
            maxFileBytes.map { limits.maxFileBytes = $0 }
            maxNodesPerFile.map { limits.maxNodesPerFile = $0 }
            maxMessages.map { limits.maxMessages = $0 }
            maxSpecFiles.map { limits.maxSpecFiles = $0 }
            return limits
        }
    }

    /// Creates a configuration.
    public init(access: AccessLevel? = nil, outputs: [GeneratorOptions.Output]? = nil, namePrefix: String? = nil) {
        self.access = access
        self.outputs = outputs
        self.namePrefix = namePrefix
    }

    /// Reads a configuration file; any problem is a located diagnostic and gives no configuration.
    public static func load(path: String) -> (config: CodegenConfig?, diagnostics: [Diagnostic]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (nil, [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "the configuration file cannot be read as UTF-8 text")])
        }
        return load(text: text, path: path)
    }

    /// Reads a configuration from text (`path` names it in diagnostics).
    public static func load(text: String, path: String) -> (config: CodegenConfig?, diagnostics: [Diagnostic]) {
        let root: Node?
        do {
            root = try YAMLReader.compose(text)
        } catch let error as YamlError {
            return (nil, [YAMLErrorDiagnostic.make(error, path: path)])
        } catch {
            return (nil, [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "\(error)")])
        }
        guard let root else { return (CodegenConfig(), []) }
        let reader = YAMLReader(file: path, nodeLimit: 10_000)
        var config = CodegenConfig()
        if let fields = reader.mapping(root, "the configuration", allowed: ["access", "outputs", "namePrefix", "limits"]) {
            config.access = fields["access"].flatMap { reader.oneOf($0, "access", AccessLevel.allCases.map(\.rawValue)) }
                .flatMap(AccessLevel.init(rawValue:))
            if let node = fields["outputs"], let items = reader.sequence(node, "outputs") {
                config.outputs = items.compactMap { reader.oneOf($0, "an entry of outputs", GeneratorOptions.Output.allCases.map(\.rawValue)) }
                    .compactMap(GeneratorOptions.Output.init(rawValue:))
                if items.isEmpty { reader.error("outputs lists nothing; name at least one of 'code', 'tests'", at: node) }
            }
            if let node = fields["namePrefix"], let prefix = reader.string(node, "namePrefix") {
                if !prefix.isEmpty, !SwiftNaming.isIdentifier(prefix) || prefix.first!.isLowercase {
                    reader.error("namePrefix must start a Swift type name: a capital letter, then letters and digits", at: node)
                }
                config.namePrefix = prefix
            }
            if let node = fields["limits"] {
                config.limits = limits(node, reader: reader)
            }
        }
        let diagnostics = reader.log.sorted
        return (reader.log.hasErrors ? nil : config, diagnostics)
    }

    private static func limits(_ node: Node, reader: YAMLReader) -> Limits {
        var limits = Limits()
        let keys = ["maxFileBytes", "maxNodesPerFile", "maxMessages", "maxSpecFiles"]
        guard let fields = reader.mapping(node, "limits", allowed: keys) else { return limits }
        func value(_ key: String) -> Int? {
            guard let node = fields[key], let value = reader.integer(node, key) else { return nil }
            guard value >= 1 else {
                reader.error("\(key) must be at least 1", at: node)
                return nil
            }
            return value
        }
        limits.maxFileBytes = value("maxFileBytes")
        limits.maxNodesPerFile = value("maxNodesPerFile")
        limits.maxMessages = value("maxMessages")
        limits.maxSpecFiles = value("maxSpecFiles")
        return limits
    }
}
