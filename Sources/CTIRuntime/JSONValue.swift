/// Any JSON value, as parsed by `JSONParser` and written by `serialized()`.
///
/// Numbers keep their exact text (see `JSONNumber`) and objects keep their member order
/// (see `JSONObject`), so parsing and serializing reproduces compact input byte for byte.
/// Equality follows the cases: strings compare as Swift strings, numbers by their text,
/// objects member by member in order.
public enum JSONValue: Sendable, Hashable {
    /// `null`
    case null
    /// `true` or `false`
    case bool(Bool)
    /// A number, with its original text.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, with its members in order.
    case object(JSONObject)

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The Boolean, when this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The number as an `Int`, when this is a number that is exactly an integer in
    /// `Int`'s range (see `JSONNumber.intValue`).
    public var intValue: Int? {
        if case .number(let number) = self { return number.intValue }
        return nil
    }

    /// The number as a `Double`, when this is a number within `Double`'s range.
    public var doubleValue: Double? {
        if case .number(let number) = self { return number.doubleValue }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The object, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// True when this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The kind of value for messages such as `expected string, found number`:
    /// "null", "boolean", "number", "string", "array" or "object".
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text.
    public var description: String {
        String(decoding: serialized(), as: UTF8.self)
    }
}
