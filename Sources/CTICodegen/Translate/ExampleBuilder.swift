import CTISpec

/// Example bodies for tests and the conformance suite: the spec's own example where it has one,
/// otherwise one derived from the fields (every field present, optional ones too).
enum ExampleBuilder {
    /// The example of a body.
    static func example(of body: Body) -> SpecValue {
        body.example ?? derived(body.fields)
    }

    /// An object with a value for every field.
    static func derived(_ fields: [Field]) -> SpecValue {
        .object(fields.map { SpecValue.Member(key: $0.memberName, value: value(for: $0.type, key: $0.memberName), location: $0.location) })
    }

    private static func value(for type: FieldType, key: String) -> SpecValue {
        switch type {
        case .string, .messageName, .wireType: .string("example \(key)")
        case .boolean: .bool(true)
        case .integer: .integer(1)
        case .number: .number(1.5)
        case .guid: .string("0f8fad5b-d9cb-469f-a165-70867728950e")
        case .json: .object([.init(key: "example", value: .bool(true), location: SourceLocation(file: "", line: 1, column: 1))])
        case .enumeration(let values): .string(values.first ?? "")
        case .constant(let value): .string(value)
        case .object(let fields): derived(fields)
        case .array(let element): .array([value(for: element, key: key)])
        case .map(let element): .object([.init(key: "key", value: value(for: element, key: key), location: SourceLocation(file: "", line: 1, column: 1))])
        }
    }

    /// Compact JSON text of a value, members in the order written.
    static func json(_ value: SpecValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? "\(number)" : "null"
        case .string(let text): return jsonString(text)
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { jsonString($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
