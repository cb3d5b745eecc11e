import CTIRuntime
import CTISpec

/// Conversions between the spec's values (examples) and the JSON on the wire.
enum SpecJSON {
    /// The spec value as JSON; numbers JSON cannot hold become null.
    static func json(_ value: SpecValue) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .integer(let int): .number(JSONNumber(int))
        case .number(let double): JSONNumber(double).map(JSONValue.number) ?? .null
        case .string(let string): .string(string)
        case .array(let elements): .array(elements.map(json))
        case .object(let members): .object(JSONObject(members.map { JSONObject.Member(key: $0.key, value: json($0.value)) }))
        }
    }

    /// The JSON as a spec value, members in wire order, for the spec's checks.
    static func specValue(_ json: JSONValue, at location: SourceLocation) -> SpecValue {
        switch json {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .number(let number): number.intValue.map(SpecValue.integer) ?? .number(number.doubleValue ?? .nan)
        case .string(let string): .string(string)
        case .array(let elements): .array(elements.map { specValue($0, at: location) })
        case .object(let object):
            .object(object.members.map { SpecValue.Member(key: $0.key, value: specValue($0.value, at: location), location: location) })
        }
    }

    /// The JSON text of a value, as it is written on the wire.
    static func text(_ json: JSONValue?) -> String {
        json.map { String(decoding: $0.serialized(), as: UTF8.self) } ?? "nothing"
    }
}
