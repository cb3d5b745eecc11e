/// A Swift expression, as generated code uses them. Literals hold their value, not their spelling:
/// the renderer escapes them, so no spec text can end a literal early and inject code.
public indirect enum SwiftExpression: Sendable, Hashable {
    /// A name as it is (`value`, `Self`); keywords are escaped by the renderer.
    case identifier(String)
    /// `base.member`.
    case member(SwiftExpression, String)
    /// `.member` (an enum case or static member, type inferred).
    case dotMember(String)
    /// `callee(label: argument, ...)`, with an optional trailing closure.
    case call(SwiftExpression, [Argument], trailingClosure: SwiftClosure? = nil)
    /// A string literal.
    case string(String)
    /// An integer literal.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// `nil`.
    case `nil`
    /// `[a, b]`.
    case array([SwiftExpression])
    /// `try expression`.
    case `try`(SwiftExpression)
    /// `!expression`.
    case not(SwiftExpression)
    /// `try? expression`.
    case tryOptional(SwiftExpression)
    /// `await expression`.
    case await(SwiftExpression)
    /// `lhs op rhs`.
    case binary(SwiftExpression, String, SwiftExpression)
    /// `expression?` (optional chaining on the base of a member access).
    case optionalChain(SwiftExpression)
    /// `&expression` (an inout argument).
    case inoutArgument(SwiftExpression)
    /// A closure literal.
    case closure(SwiftClosure)
    /// `base[index]`.
    case `subscript`(SwiftExpression, SwiftExpression)
    /// `\.property` (a key path with the root inferred).
    case keyPath(String)
    /// `(label: value, ...)`.
    case tuple([Argument])
    /// A `.case(let a, let b)` pattern, used in `switch` cases.
    case pattern(String, bindings: [String])

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

/// A closure literal: `{ a, b in statements }`.
public struct SwiftClosure: Sendable, Hashable {
    /// The parameter names (none for `$0`-free closures).
    public var parameters: [String]
    /// The body.
    public var body: [SwiftStatement]

    /// Creates a closure.
    public init(parameters: [String] = [], body: [SwiftStatement]) {
        self.parameters = parameters
        self.body = body
    }
}
