/// A Swift expression, as generated code uses them. Literals hold their value, not their spelling:
/// the renderer escapes them, so no spec text can end a literal early and inject code.
public indirect enum SwiftExpression: Sendable, Hashable {
    /// A name as it is (`value`, `Self`, `CTIRuntime.JSONObject`); keywords are escaped by the renderer.
    case identifier(String)
    /// `base.member`.
    case member(SwiftExpression, String)
    /// `.member` (an enum case or static member, type inferred).
    case dotMember(String)
    /// `callee(label: argument, ...)`, with an optional trailing closure.
    case call(SwiftExpression, [Argument], trailingClosure: SwiftClosure? = nil)
    /// A string literal on one line.
    case string(String)
    /// A raw string literal (`#"..."#`, or `#"""` with the text's lines when it has several), for JSON
    /// examples: the text as it is, quotes and backslashes included.
    case rawString(String)
    /// An integer literal.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// `nil`.
    case `nil`
    /// `[a, b]`.
    case array([SwiftExpression])
    /// `[:]`.
    case emptyDictionary
    /// `try expression`.
    case `try`(SwiftExpression)
    /// `await expression`.
    case await(SwiftExpression)
    /// `lhs op rhs`.
    case binary(SwiftExpression, String, SwiftExpression)
    /// `expression?` (optional chaining on the base of a member access).
    case optionalChain(SwiftExpression)
    /// `&expression` (an inout argument).
    case inoutArgument(SwiftExpression)
    /// `\.property` (a key path with the root inferred).
    case keyPath(String)
    /// `(label: value, ...)`, also a tuple pattern in a `switch` case.
    case tuple([Argument])
    /// A `.case(let a, let b)` pattern, used in `switch` cases.
    case pattern(String, bindings: [String])
    /// `switch subject { case pattern: value ... }` as an expression (the whole body of a getter).
    case switchValue(SwiftExpression, cases: [SwiftValueCase])
    /// A closure passed as a value, on one line (`{ _, _ in nil }`).
    case closure(SwiftClosure)

    /// One argument of a call.
    public struct Argument: Sendable, Hashable {
        /// The label, or nil for an unlabeled argument.
        public var label: String?
        /// The value.
        public var value: SwiftExpression

        /// Creates an argument.
        public init(_ label: String?, _ value: SwiftExpression) {
            self.label = label
            self.value = value
        }
    }

    /// `name(label: value, ...)` with labeled arguments in order.
    public static func call(_ name: String, _ arguments: (String?, SwiftExpression)...) -> SwiftExpression {
        .call(.identifier(name), arguments.map { Argument($0.0, $0.1) })
    }

    /// `base.method(label: value, ...)`.
    public static func method(_ base: SwiftExpression, _ name: String, _ arguments: (String?, SwiftExpression)...)
        -> SwiftExpression
    {
        .call(.member(base, name), arguments.map { Argument($0.0, $0.1) })
    }
}

/// One case of a ``SwiftExpression/switchValue(_:cases:)``: its patterns (none: `default`) and value.
public struct SwiftValueCase: Sendable, Hashable {
    /// The patterns; empty means `default`.
    public var patterns: [SwiftExpression]
    /// The value of the switch when the case matches.
    public var value: SwiftExpression

    /// Creates a case; no patterns means `default`.
    public init(_ patterns: [SwiftExpression], _ value: SwiftExpression) {
        self.patterns = patterns
        self.value = value
    }
}

/// A closure literal whose body is one expression: `{ a, b in value }`, or `{ value }` using `$0`.
public struct SwiftClosure: Sendable, Hashable {
    /// The parameter names (none for closures that use `$0`).
    public var parameters: [String]
    /// The body.
    public var value: SwiftExpression

    /// Creates a closure.
    public init(parameters: [String] = [], value: SwiftExpression) {
        self.parameters = parameters
        self.value = value
    }
}
