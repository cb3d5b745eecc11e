import CTISpec

/// Example bodies for tests and the conformance suite: the spec's own example where it has one,
/// otherwise one derived from the fields (every field present, optional ones too, except those
/// that must be absent given the values the others have).
enum ExampleBuilder {
    /// The example of a body of a message of `destination`.
    static func example(of body: Body, in destination: Destination) -> SpecValue {
        body.example ?? removingAbsent(derived(body.fields, in: destination, expanding: []), fields: body.fields, prefix: [])
    }

    /// `value` without each member whose `absentWhen` holds in it.
    private static func removingAbsent(_ value: SpecValue, fields: [Field], prefix: [String]) -> SpecValue {
        var result = value
        for field in fields {
            let path = prefix + [field.memberName]
            let mustBeAbsent = field.conditions.contains { condition in
                guard condition.requirement == .absent,
                    case .string(let decided)? = member(condition.key.split(separator: ".").map(String.init), of: value)
                else { return false }
                return condition.values.contains(decided)
            }
            if mustBeAbsent {
                result = removing(path[...], from: result)
            } else if case .object(let nested) = field.type {
                result = removingAbsent(result, fields: nested, prefix: path)
            }
        }
        return result
    }

    private static func member(_ path: [String], of value: SpecValue) -> SpecValue? {
        path.reduce(Optional(value)) { current, key in
            guard case .object(let members)? = current else { return nil }
            return members.first { $0.key == key }?.value
        }
    }

    private static func removing(_ path: ArraySlice<String>, from value: SpecValue) -> SpecValue {
        guard case .object(let members) = value, let key = path.first else { return value }
        if path.count == 1 { return .object(members.filter { $0.key != key }) }
        return .object(members.map { $0.key == key ? .init(key: key, value: removing(path.dropFirst(), from: $0.value), location: $0.location) : $0 })
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

    /// JSON text of a value for people to read: an object or array on one line when it fits in `width`
    /// columns at its indentation (two spaces a level), otherwise one member or element per line.
    /// Every character outside printable ASCII is written as a `\u` escape, so the text can go into a
    /// raw string literal as it is.
    static func prettyJSON(_ value: SpecValue, width: Int) -> String {
        var text: [UInt8] = []
        writePretty(value, indent: 0, width: width, into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static func writePretty(_ value: SpecValue, indent: Int, width: Int, into text: inout [UInt8]) {
        var inline: [UInt8] = []
        writeJSON(value, spaced: true, asciiOnly: true, into: &inline)
        let isContainer: Bool
        switch value {
        case .object(let members): isContainer = !members.isEmpty
        case .array(let items): isContainer = !items.isEmpty
        default: isContainer = false
        }
        guard isContainer, indent + inline.count > width else {
            text += inline
            return
        }
        let pad = [UInt8](repeating: UInt8(ascii: " "), count: indent + 2)
        switch value {
        case .object(let members):
            text += "{\n".utf8
            for (index, member) in members.enumerated() {
                text += pad
                writeJSONString(member.key, asciiOnly: true, into: &text)
                text += ": ".utf8
                writePretty(member.value, indent: indent + 2, width: width, into: &text)
                text += (index < members.count - 1 ? ",\n" : "\n").utf8
            }
            text += [UInt8](repeating: UInt8(ascii: " "), count: indent)
            text.append(UInt8(ascii: "}"))
        case .array(let items):
            text += "[\n".utf8
            for (index, item) in items.enumerated() {
                text += pad
                writePretty(item, indent: indent + 2, width: width, into: &text)
                text += (index < items.count - 1 ? ",\n" : "\n").utf8
            }
            text += [UInt8](repeating: UInt8(ascii: " "), count: indent)
            text.append(UInt8(ascii: "]"))
        default:
            text += inline
        }
    }

    /// One-line JSON; `spaced` puts a space after each colon and comma, `asciiOnly` escapes every
    /// character outside ASCII.
    private static func writeJSON(_ value: SpecValue, spaced: Bool = false, asciiOnly: Bool = false, into text: inout [UInt8]) {
        switch value {
        case .null: text += "null".utf8
        case .bool(let flag): text += (flag ? "true" : "false").utf8
        case .integer(let number): text += String(number).utf8
        case .number(let number): text += (number.isFinite ? "\(number)" : "null").utf8
        case .string(let string): writeJSONString(string, asciiOnly: asciiOnly, into: &text)
        case .array(let items):
            text.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { text += (spaced ? ", " : ",").utf8 }
                writeJSON(item, spaced: spaced, asciiOnly: asciiOnly, into: &text)
            }
            text.append(UInt8(ascii: "]"))
        case .object(let members):
            text.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { text += (spaced ? ", " : ",").utf8 }
                writeJSONString(member.key, asciiOnly: asciiOnly, into: &text)
                text += (spaced ? ": " : ":").utf8
                writeJSON(member.value, spaced: spaced, asciiOnly: asciiOnly, into: &text)
            }
            text.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; other characters as they
    /// are, or with `asciiOnly` everything outside ASCII as `\u` escapes (UTF-16, surrogate pairs
    /// beyond the basic plane).
    private static func writeJSONString(_ string: String, asciiOnly: Bool, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += #"\""#.utf8
            case "\\": text += #"\\"#.utf8
            case "\n": text += #"\n"#.utf8
            case "\r": text += #"\r"#.utf8
            case "\t": text += #"\t"#.utf8
            case _ where scalar.value < 0x20 || asciiOnly && scalar.value > 0x7E:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    text += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                }
            default: text += String(scalar).utf8
            }
        }
        text.append(UInt8(ascii: "\""))
    }
}
