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
        var text: [UInt8] = []
        writeJSON(value, into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static func writeJSON(_ value: SpecValue, into text: inout [UInt8]) {
        switch value {
        case .null: text += "null".utf8
        case .bool(let flag): text += (flag ? "true" : "false").utf8
        case .integer(let number): text += String(number).utf8
        case .number(let number): text += (number.isFinite ? "\(number)" : "null").utf8
        case .string(let string): writeJSONString(string, into: &text)
        case .array(let items):
            text.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                writeJSON(item, into: &text)
            }
            text.append(UInt8(ascii: "]"))
        case .object(let members):
            text.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                writeJSONString(member.key, into: &text)
                text.append(UInt8(ascii: ":"))
                writeJSON(member.value, into: &text)
            }
            text.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else (UTF-8 included) as is.
    private static func writeJSONString(_ string: String, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): text += #"\""#.utf8
            case UInt8(ascii: "\\"): text += #"\\"#.utf8
            case UInt8(ascii: "\n"): text += #"\n"#.utf8
            case UInt8(ascii: "\r"): text += #"\r"#.utf8
            case UInt8(ascii: "\t"): text += #"\t"#.utf8
            case ..<0x20:
                let hex = String(byte, radix: 16)
                text += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: text.append(byte)
            }
        }
        text.append(UInt8(ascii: "\""))
    }
}
