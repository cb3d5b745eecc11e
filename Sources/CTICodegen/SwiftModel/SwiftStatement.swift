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
    /// `return value` (or a bare `return`). The only statement of a body is written without `return`.
    case `return`(SwiftExpression?)
    /// `throw value`.
    case `throw`(SwiftExpression)
    /// `if conditions { then }`.
    case `if`([SwiftCondition], then: [SwiftStatement])
    /// `guard conditions else { otherwise }`.
    case `guard`([SwiftCondition], else: [SwiftStatement])
    /// `switch subject { cases }`.
    case `switch`(SwiftExpression, cases: [SwiftSwitchCase])
}

/// One condition of an `if` or `guard`.
public enum SwiftCondition: Sendable, Hashable {
    /// `let name = value` (`let name` when the value is the name itself).
    case optionalBinding(String, SwiftExpression)
}

/// One case of a `switch` statement.
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
    /// A named type, possibly qualified or generic (`Session.InitQuery`, `CTIRuntime.CTIResponse<X>`).
    case named(String)
    /// `T?`.
    case optional(SwiftType)
    /// `[T]`.
    case array(SwiftType)
    /// `[K: V]`.
    case dictionary(SwiftType, SwiftType)

    /// A standard library type, qualified (`Swift.String`), so a generated type of the same name
    /// cannot hide it.
    public static func standard(_ name: String) -> SwiftType { .named("Swift." + name) }

    /// A type of the runtime, qualified (`CTIRuntime.JSONObject`).
    public static func runtime(_ name: String) -> SwiftType { .named("CTIRuntime." + name) }
}

extension SwiftExpression {
    /// A name of the runtime, qualified (`CTIRuntime.JSONObject`).
    public static func runtime(_ name: String) -> SwiftExpression { .identifier("CTIRuntime." + name) }
}
