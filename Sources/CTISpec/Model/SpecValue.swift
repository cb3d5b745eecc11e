/// A JSON-shaped value written in a spec, such as a message's example body.
///
/// Objects keep their members in the order they are written, so anything rendered
/// from an example is byte-stable.
public indirect enum SpecValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([SpecValue])
    case object([Member])

    /// One member of an object value.
    public struct Member: Sendable, Hashable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: SpecValue
        /// Where the member's key is written.
        public var location: SourceLocation

        /// Creates a member.
        public init(key: String, value: SpecValue, location: SourceLocation) {
            self.key = key
            self.value = value
            self.location = location
        }
    }

    /// The JSON kind, as error messages name it.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension SpecValue {
    /// The member at a dotted path (`conversations.primary`), through nested objects; nil when a step is
    /// missing or not an object.
    func member(atPath path: String) -> SpecValue? {
        path.split(separator: ".").reduce(Optional(self)) { current, key in
            guard case .object(let members)? = current else { return nil }
            return members.first { $0.key == key }?.value
        }
    }
}
