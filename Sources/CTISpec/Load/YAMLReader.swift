import Yams

/// Reads the nodes of one spec file into model values, recording a located diagnostic for every
/// mistake instead of stopping at the first.
///
/// Each mapping is walked once (Yams' keyed lookup scans the whole mapping, which turns large
/// specs quadratic), and every node visited counts against a budget so that YAML aliases cannot
/// expand a small file into an unbounded walk.
package final class YAMLReader {
    package let file: String
    package private(set) var log = DiagnosticLog()
    private var remainingNodes: Int
    private var budgetExhausted = false
    private let nodeLimit: Int
    /// The most messages a destination file may list; the reader reads no more than that.
    let messageLimit: Int
    /// How many messages the destination file lists, read or not.
    var listedMessages = 0
    /// Where the first message past `messageLimit` is, when the file lists more.
    var firstUnreadMessage: SourceLocation?

    package init(file: String, nodeLimit: Int, messageLimit: Int = .max) {
        self.file = file
        self.nodeLimit = nodeLimit
        self.remainingNodes = nodeLimit
        self.messageLimit = messageLimit
    }

    /// Composes YAML text into the nodes a reader reads. Yams resolves no tags (`Resolver.basic`, no
    /// regular expressions): the reader resolves the scalars it reads itself (see ``ScalarKind``).
    package static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic)
    }

    /// The location of a node, or of the file's start when Yams has no mark for it.
    package func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    package func error(_ message: String, at node: Node) {
        log.error(message, at: location(of: node))
    }

    package func error(_ message: String, at location: SourceLocation) {
        log.error(message, at: location)
    }

    package func warning(_ message: String, at location: SourceLocation) {
        log.warning(message, at: location)
    }

    /// Counts a node against the budget; false once the budget is spent (reported once).
    func visit(_ node: Node) -> Bool {
        guard remainingNodes > 0 else {
            if !budgetExhausted {
                budgetExhausted = true
                error(
                    "the spec has more than \(nodeLimit) YAML nodes once aliases are expanded; "
                        + "split the file or remove the aliases that repeat large parts",
                    at: node)
            }
            return false
        }
        remainingNodes -= 1
        return true
    }

    // MARK: Shapes

    /// A mapping's members by key, read in one pass.
    package struct Mapping {
        package let node: Node
        package let location: SourceLocation
        fileprivate var members: [String: (key: Node, value: Node)] = [:]

        /// The value of `key`, if present.
        package subscript(key: String) -> Node? { members[key]?.value }

        /// Whether `key` is present.
        package func has(_ key: String) -> Bool { members[key] != nil }
    }

    /// Reads `node` as a mapping whose keys must come from `allowed`; reports unknown keys (with a
    /// did-you-mean) and each key of `required` that is missing.
    package func mapping(_ node: Node, _ what: String, allowed: [String], required: [String] = []) -> Mapping? {
        guard visit(node) else { return nil }
        guard case .mapping(let yamlMapping) = node else {
            error("\(what) must be a mapping (key: value lines), found \(describe(node))", at: node)
            return nil
        }
        var result = Mapping(node: node, location: location(of: node))
        for (keyNode, valueNode) in yamlMapping {
            guard visit(keyNode) else { return nil }
            guard case .scalar(let scalar) = keyNode else {
                error("a key in \(what) must be a plain string, found \(describe(keyNode))", at: keyNode)
                continue
            }
            let key = scalar.string
            guard allowed.contains(key) else {
                let known = allowed.map { "'\($0)'" }.joined(separator: ", ")
                let hint = Suggestions.closest(to: key, in: allowed).map { "did you mean '\($0)'?" }
                    ?? "known keys are \(known)"
                error("unknown key '\(key)' in \(what); \(hint)", at: keyNode)
                continue
            }
            result.members[key] = (keyNode, valueNode)
        }
        for key in required where result.members[key] == nil {
            error("\(what) is missing the required key '\(key)'", at: node)
        }
        return result
    }

    /// Reads `node` as a sequence.
    package func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard visit(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list (lines starting with '- '), found \(describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// Reads `node` as a string scalar; a null scalar reads as the empty string.
    package func string(_ node: Node, _ what: String) -> String? {
        guard visit(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            error("\(what) must be a string, found \(describe(node))", at: node)
            return nil
        }
        return scalar.style == .plain && ScalarKind(scalar) == .null ? "" : scalar.string
    }

    /// Reads `node` as a non-empty string.
    package func name(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard !text.isEmpty else {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return text
    }

    /// Reads `node` as one of the given words.
    package func oneOf(_ node: Node, _ what: String, _ choices: [String]) -> String? {
        guard let text = string(node, what) else { return nil }
        guard choices.contains(text) else {
            let list = choices.map { "'\($0)'" }.joined(separator: ", ")
            error("\(what) must be one of \(list), found '\(text)'\(Suggestions.didYouMean(text, in: choices))", at: node)
            return nil
        }
        return text
    }

    /// Reads `node` as an integer.
    package func integer(_ node: Node, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard case .scalar(let scalar) = node, ScalarKind(scalar) == .int, let value = Int(text) else {
            error("\(what) must be a whole number, found '\(text)'", at: node)
            return nil
        }
        return value
    }

    /// Reads `node` as a boolean (`true` or `false`).
    package func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what), case .scalar(let scalar) = node else { return nil }
        switch (ScalarKind(scalar) == .bool, text.lowercased()) {
        case (true, "true"): return true
        case (true, "false"): return false
        default:
            error("\(what) must be true or false, found '\(text)'", at: node)
            return nil
        }
    }

    /// Reads `node` as a list of strings.
    package func strings(_ node: Node, _ what: String) -> [(String, SourceLocation)]? {
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { item in string(item, "an entry of \(what)").map { ($0, location(of: item)) } }
    }

    /// Reads any node as a JSON-shaped value (used for examples).
    package func value(_ node: Node) -> SpecValue? {
        guard visit(node) else { return nil }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar)
        case .sequence(let sequence):
            var items: [SpecValue] = []
            for item in sequence {
                guard let value = value(item) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let mapping):
            var members: [SpecValue.Member] = []
            for (keyNode, valueNode) in mapping {
                guard visit(keyNode) else { return nil }
                guard case .scalar(let key) = keyNode else {
                    error("an example's keys must be plain strings, found \(describe(keyNode))", at: keyNode)
                    return nil
                }
                guard let value = value(valueNode) else { return nil }
                members.append(.init(key: key.string, value: value, location: location(of: keyNode)))
            }
            return .object(members)
        case .alias:
            error("an example may not use a YAML alias here", at: node)
            return nil
        }
    }

    private func scalarValue(_ scalar: Node.Scalar) -> SpecValue {
        guard scalar.style == .plain else { return .string(scalar.string) }
        switch ScalarKind(scalar) {
        case .null: return .null
        case .bool: return .bool(scalar.string.lowercased() == "true")
        case .int: return Int(scalar.string).map(SpecValue.integer) ?? .string(scalar.string)
        case .float: return Double(scalar.string).map(SpecValue.number) ?? .string(scalar.string)
        case .other: return .string(scalar.string)
        }
    }

    /// Reads an `errata:` list.
    func errata(_ node: Node?) -> [Erratum] {
        guard let node, let items = sequence(node, "errata") else { return [] }
        return items.compactMap { item in
            guard
                let fields = mapping(
                    item, "an erratum", allowed: ["source", "fix", "reason"], required: ["source", "fix", "reason"])
            else { return nil }
            guard
                let source = fields["source"].flatMap({ name($0, "an erratum's source") }),
                let fix = fields["fix"].flatMap({ name($0, "an erratum's fix") }),
                let reason = fields["reason"].flatMap({ name($0, "an erratum's reason") })
            else { return nil }
            return Erratum(source: source, fix: fix, reason: reason, location: fields.location)
        }
    }

    /// How a node is described in "found ..." messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "the text '\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
