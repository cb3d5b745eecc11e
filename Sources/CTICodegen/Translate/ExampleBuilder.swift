import CTISpec

/// The JSON text the generated code carries examples in (the examples themselves are
/// `Body.exampleValue(in:)`).
enum ExampleBuilder {
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
