/// The form of a destination's `header.target`: dot-separated segments, each a fixed word or an id
/// (`{processor}.CONTROL`). Messages of a destination that declares one are read only when their
/// target has that form, and written with an issue when it does not.
public struct TargetShape: Sendable, Hashable, CustomStringConvertible {
    /// One dot-separated part of a target.
    public enum Segment: Sendable, Hashable {
        /// This exact text (`CONTROL`).
        case word(String)
        /// Any non-empty text without a dot, named for readers (`{processor}`).
        case id(String)
    }

    /// The segments, in order.
    public let segments: [Segment]

    /// A shape of `segments`.
    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    /// Reads a pattern (`{processor}.CONTROL`); nil when it is not one: an empty segment, a brace
    /// that does not enclose a whole segment, or an id name that is not ASCII letters, digits, `-` and `_`.
    public init?(pattern: String) {
        var segments: [Segment] = []
        for part in pattern.split(separator: ".", omittingEmptySubsequences: false) {
            if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2 {
                let name = part.dropFirst().dropLast()
                guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
                segments.append(.id(String(name)))
            } else {
                guard !part.isEmpty, !part.contains("{"), !part.contains("}") else { return nil }
                segments.append(.word(String(part)))
            }
        }
        self.segments = segments
    }

    /// Whether `target` has this form: as many segments, the words equal, the ids not empty.
    public func matches(_ target: String) -> Bool {
        let parts = target.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy { part, segment in
            switch segment {
            case .word(let word): part == word
            case .id: !part.isEmpty
            }
        }
    }

    /// A target of this form, for examples and tests: each id is `example-<name>`.
    public var example: String { example(idPrefix: "example-") }

    /// A target of this form for the examples of a destination variant's messages: each id is
    /// `example-<variant>-<name>`.
    public func example(variant: String) -> String { example(idPrefix: ExampleTarget.marker(variant) + "-") }

    private func example(idPrefix: String) -> String {
        segments.map {
            switch $0 {
            case .word(let word): word
            case .id(let name): idPrefix + name
            }
        }.joined(separator: ".")
    }

    /// The pattern: `{processor}.CONTROL`.
    public var description: String {
        segments.map {
            switch $0 {
            case .word(let word): word
            case .id(let name): "{" + name + "}"
            }
        }.joined(separator: ".")
    }
}

extension ValidationIssue {
    /// `header.target` does not have the destination's form.
    @usableFromInline
    static func targetShape(_ shape: TargetShape, found target: String) -> ValidationIssue {
        ValidationIssue(
            path: [.key("header"), .key("target")],
            message: "expected a target of the form \(shape), found \(quoted(target))")
    }
}
