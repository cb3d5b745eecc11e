/// How spec text is written into generated code so that it stays inert: string literals that hold
/// exactly the text, and comment text that cannot end its comment.
enum Literals {
    /// A string literal that holds `value` exactly. Quotes, backslashes, control characters and every
    /// non-ASCII scalar are escaped, so the literal is plain ASCII and nothing can end it early.
    static func string(_ value: String) -> String {
        if isPrintableASCII(value, allowingNewlines: false), !value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var literal: [UInt8] = [UInt8(ascii: "\"")]
        literal.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": literal += #"\""#.utf8
            case "\\": literal += #"\\"#.utf8
            case "\n": literal += #"\n"#.utf8
            case "\r": literal += #"\r"#.utf8
            case "\t": literal += #"\t"#.utf8
            case " "..."~": literal.append(UInt8(scalar.value))
            default: literal += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".utf8
            }
        }
        literal.append(UInt8(ascii: "\""))
        return String(decoding: literal, as: UTF8.self)
    }

    /// Whether every byte of `text` is printable ASCII (and, when allowed, a line feed).
    static func isPrintableASCII(_ text: String, allowingNewlines: Bool) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x20 && $0 <= 0x7E) || allowingNewlines && $0 == 0x0A }
    }

    /// Comment text on one line: control and format characters (including bidirectional overrides)
    /// become spaces, so nothing in a spec note can end the comment or disguise the code around it.
    static func commentText(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let invisible = category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator
            result.unicodeScalars.append(invisible ? " " : scalar)
        }
        return result
    }
}

extension String {
    /// Whether the text has a line feed: rendered code that spans lines.
    var isMultiline: Bool { utf8.contains(UInt8(ascii: "\n")) }
}
