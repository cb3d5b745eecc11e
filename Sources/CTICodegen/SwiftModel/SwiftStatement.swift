/// A Swift statement inside a function, initializer or accessor body.
public indirect enum SwiftStatement: Sendable, Hashable {
    /// `let name: Type = value` (type and value optional).
    case `let`(String, type: SwiftType? = nil, value: SwiftExpression?)
    /// `var name: Type = value` (type and value optional).
    case `var`(String, type: SwiftType? = nil, value: SwiftExpression?)
    /// `target = value`.
    case assign(SwiftExpression, SwiftExpression)
    /// An expression on its own line.
    case expression(SwiftExpression)
    /// `return value` (or a bare `return`).
    case `return`(SwiftExpression?)
    /// `throw value`.
    case `throw`(SwiftExpression)
    /// `if condition { then } else { otherwise }`; conditions are joined with commas.
    case `if`([SwiftCondition], then: [SwiftStatement], else: [SwiftStatement]?)
    /// `guard condition else { otherwise }`.
    case `guard`([SwiftCondition], else: [SwiftStatement])
    /// `for name in sequence { body }`.
    case `for`(String, in: SwiftExpression, body: [SwiftStatement])
    /// `switch subject { cases }`.
    case `switch`(SwiftExpression, cases: [SwiftSwitchCase])
    /// A `//` comment line.
    case comment(String)
}

/// One condition of an `if` or `guard`.
public enum SwiftCondition: Sendable, Hashable {
    /// A Boolean expression.
    case expression(SwiftExpression)
    /// `let name = value` (optional binding).
    case optionalBinding(String, SwiftExpression)
    /// `case pattern = value`.
    case casePattern(SwiftExpression, SwiftExpression)
}

/// One case of a `switch`.
public struct SwiftSwitchCase: Sendable, Hashable {
    /// The patterns; empty means `default`.
    public var patterns: [SwiftExpression]
    /// The statements.
    public var body: [SwiftStatement]

    /// Creates a case; no patterns means `default`.
    public init(_ patterns: [SwiftExpression], _ body: [SwiftStatement]) {
        self.patterns = patterns
        self.body = body
    }
}

/// A type as written in a declaration.
public indirect enum SwiftType: Sendable, Hashable {
    /// A named type, possibly qualified (`Session.InitQuery`).
    case named(String)
    /// `T?`.
    case optional(SwiftType)
    /// `[T]`.
    case array(SwiftType)
    /// `[K: V]`.
    case dictionary(SwiftType, SwiftType)
    /// `some P` / `any P`.
    case opaque(String)
    /// `(A, B) async -> R`.
    case function([SwiftType], isAsync: Bool, result: SwiftType)
}
