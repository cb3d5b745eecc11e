extension JSONValue {
    /// The value as compact JSON (no whitespace), UTF-8 encoded.
    ///
    /// Object members come out in stored order, numbers as their stored text, and strings
    /// escaped as RFC 8259 requires and no more: `"`, `\` and control characters (`\n`,
    /// `\r`, `\t`, `\b`, `\f` in short form, others as `\u00xx` with lowercase hex); `/`
    /// and non-ASCII characters are written as they are. The output is deterministic and
    /// `JSONParser().parse(value.serialized()) == value`.
    public func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        JSONWriter.write(self, into: &output)
        return output
    }

    /// Appends the value as compact JSON to `output` (see `serialized()`).
    public func serialized(into output: inout [UInt8]) {
        JSONWriter.write(self, into: &output)
    }
}

extension JSONObject {
    /// The object as compact JSON, members in stored order (see `JSONValue.serialized()`).
    public func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        JSONWriter.write(self, into: &output)
        return output
    }

    /// Appends the object as compact JSON to `output` (see `JSONValue.serialized()`).
    public func serialized(into output: inout [UInt8]) {
        JSONWriter.write(self, into: &output)
    }
}

/// Compact, deterministic JSON output, appended to a byte array.
enum JSONWriter {
    static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null:
            append("null", to: &output)
        case .bool(let bool):
            append(bool ? "true" : "false", to: &output)
        case .number(let number):
            withUTF8Bytes(of: number.text) { output.append(contentsOf: $0) }
        case .string(let string):
            write(string, into: &output)
        case .array(let elements):
            output.append(ASCII.leftBracket)
            var first = true
            for element in elements {
                if !first { output.append(ASCII.comma) }
                first = false
                write(element, into: &output)
            }
            output.append(ASCII.rightBracket)
        case .object(let object):
            write(object, into: &output)
        }
    }

    static func write(_ object: JSONObject, into output: inout [UInt8]) {
        output.append(ASCII.leftBrace)
        var first = true
        for member in object.members {
            if !first { output.append(ASCII.comma) }
            first = false
            write(member.key, into: &output)
            output.append(ASCII.colon)
            write(member.value, into: &output)
        }
        output.append(ASCII.rightBrace)
    }

    /// Writes `string` quoted, copying runs of bytes that need no escape in one go. The bytes are
    /// checked eight at a time: most strings of a message need no escape at all.
    static func write(_ string: String, into output: inout [UInt8]) {
        output.append(ASCII.quote)
        withUTF8Bytes(of: string) { bytes in
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let count = bytes.count
            var runStart = 0
            var index = 0
            while true {
                while index &+ 8 <= count, !wordNeedsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index &+= 8
                }
                guard index < count else { break }
                let byte = bytes[index]
                if byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash {
                    if runStart < index {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    }
                    appendEscape(for: byte, to: &output)
                    runStart = index &+ 1
                }
                index &+= 1
            }
            if runStart < count {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            }
        }
        output.append(ASCII.quote)
    }

    /// True when one of the eight bytes of `word` is a quote, a backslash or a control character
    /// (SWAR: each test sets a byte's top bit when it matches; a borrow can only add a false match
    /// above a true one, so the answer for the word is exact). Bytes of 0x80 and up pass as they are.
    @inline(__always)
    private static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word
        let quotes = word ^ (ones &* UInt64(ASCII.quote))
        let backslashes = word ^ (ones &* UInt64(ASCII.backslash))
        let isQuote = (quotes &- ones) & ~quotes
        let isBackslash = (backslashes &- ones) & ~backslashes
        return (belowSpace | isQuote | isBackslash) & highBits != 0
    }

    private static func appendEscape(for byte: UInt8, to output: inout [UInt8]) {
        let short: UInt8
        switch byte {
        case ASCII.quote: short = ASCII.quote
        case ASCII.backslash: short = ASCII.backslash
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            output.append(ASCII.backslash)
            output.append(UInt8(ascii: "u"))
            output.append(UInt8(ascii: "0"))
            output.append(UInt8(ascii: "0"))
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
            return
        }
        output.append(ASCII.backslash)
        output.append(short)
    }

    @inline(__always)
    private static func append(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
