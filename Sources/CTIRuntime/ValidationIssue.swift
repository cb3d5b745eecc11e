/// One problem found in a message, with the path to the offending value
/// (`body.properties.chat: expected boolean, found string`).
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: an object member or an array element.
    public enum PathComponent: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The path from the envelope (or from the value being read) to the problem.
    public var path: [PathComponent]
    /// What is wrong.
    public var message: String

    /// Creates an issue.
    public init(path: [PathComponent], message: String) {
        self.path = path
        self.message = message
    }

    /// A received value as an issue quotes it: in quotes, cut to 64 characters, so a huge value does
    /// not make the FAILURE that reports it too large for a frame.
    public static func quoted(_ text: String) -> String {
        text.count <= 64 ? "'\(text)'" : "'\(text.prefix(64))…' (\(text.utf8.count) bytes)"
    }

    /// The issue with `component` put in front of its path.
    public func prefixed(by component: PathComponent) -> ValidationIssue {
        ValidationIssue(path: [component] + path, message: message)
    }

    /// `body.teamstatus[3].loginid`.
    public var pathDescription: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// `path: message`, or the message alone for an issue about the whole value.
    public var description: String { path.isEmpty ? message : "\(pathDescription): \(message)" }
}

/// A message that failed to decode or validate, with every problem found.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var issues: [ValidationIssue]

    /// Creates an error from its issues.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// The issues joined with `; `.
    public var description: String { issues.map(\.description).joined(separator: "; ") }
}

extension ValidationIssue {
    /// `expected 'cti.query', found 'cti.event'`: a constant member (a header's `type`, a fixed name,
    /// a constant field) with another value.
    public static func constantMismatch(at key: String, expected constant: String, found text: String) -> ValidationIssue {
        ValidationIssue(path: [.key(key)], message: "expected '\(constant)', found \(quoted(text))")
    }
}

extension Array where Element == ValidationIssue {
    /// Appends an issue at `key` saying `message` when a rule does not hold.
    public mutating func check(_ holds: Bool, at key: String, _ message: @autoclosure () -> String) {
        if !holds { append(ValidationIssue(path: [.key(key)], message: message())) }
    }
}
