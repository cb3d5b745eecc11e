import CTISpec

/// Example bodies for tests and the conformance suite: the spec's own example where it has one,
/// otherwise one derived from the fields (every field present, optional ones too).
enum ExampleBuilder {
    /// The example of a body of a message of `destination`.
    static func example(of body: Body, in destination: Destination) -> SpecValue {
        body.example ?? derived(body.fields, in: destination, expanding: [])
    }

    /// An object with a value for every field. `expanding` holds the named types being expanded,
    /// so a type that contains itself through an array gets an empty array there.
    private static func derived(_ fields: [Field], in destination: Destination, expanding: Set<String>) -> SpecValue {
        .object(fields.map { field in
            SpecValue.Member(
                key: field.memberName, value: value(for: field.type, key: field.memberName, in: destination, expanding: expanding),
                location: field.location)
        })
    }

    private static func value(for type: FieldType, key: String, in destination: Destination, expanding: Set<String>) -> SpecValue {
        let nowhere = SourceLocation(file: "", line: 1, column: 1)
        switch type {
        case .reference(let name):
            guard let named = destination.namedType(name) else { return .null }
            return value(for: named.type, key: key, in: destination, expanding: expanding.union([name]))
        case .string, .messageName, .wireType: return .string("example \(key)")
        case .boolean: return .bool(true)
        case .integer: return .integer(1)
        case .number: return .number(1.5)
        case .guid: return .string("0f8fad5b-d9cb-469f-a165-70867728950e")
        case .json: return .object([.init(key: "example", value: .bool(true), location: nowhere)])
        case .enumeration(let values): return .string(values.first ?? "")
        case .constant(let value): return .string(value)
        case .object(let fields): return derived(fields, in: destination, expanding: expanding)
        case .array(let element):
            if case .reference(let name) = element, expanding.contains(name) { return .array([]) }
            return .array([value(for: element, key: key, in: destination, expanding: expanding)])
        case .map(let element):
            if case .reference(let name) = element, expanding.contains(name) { return .object([]) }
            return .object([.init(key: "key", value: value(for: element, key: key, in: destination, expanding: expanding), location: nowhere)])
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
