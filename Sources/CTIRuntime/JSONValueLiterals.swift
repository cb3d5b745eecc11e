extension JSONValue: ExpressibleByNilLiteral {
    /// `nil` is JSON `null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// `true` and `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// An integer literal becomes a number written in decimal.
    public init(integerLiteral value: Int) {
        self = .number(JSONNumber(value))
    }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A floating-point literal becomes a number written as its shortest round-trip text.
    /// A literal too large for `Double` (the compiler warns that it overflows to infinity)
    /// stops the program, since JSON has no infinity.
    public init(floatLiteral value: Double) {
        guard let number = JSONNumber(value) else {
            preconditionFailure("JSON cannot represent the floating-point literal \(value)")
        }
        self = .number(number)
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A string literal becomes a JSON string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An array literal becomes a JSON array.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// A dictionary literal becomes a JSON object with the members in the literal's order.
    /// A key written twice stops the program, as it does for a `Dictionary` literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        object.members.reserveCapacity(elements.count)
        for (key, value) in elements {
            precondition(object.index(forKey: key) == nil, "JSONValue literal contains duplicate key \"\(key)\"")
            object.append(key: key, value: value)
        }
        self = .object(object)
    }
}
