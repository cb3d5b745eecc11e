/// The recursive-descent engine behind `JSONParser`: one pass over a contiguous byte
/// buffer with an index, no per-byte allocation. Recursion depth is bounded by
/// `JSONLimits.maxDepth`.
struct JSONScanner {
    private let input: UnsafeBufferPointer<UInt8>
    private let limits: JSONLimits
    private var index = 0
    /// Reused buffer for decoding strings that contain escapes.
    private var scratch: [UInt8] = []

    /// Room reserved up front in a new array or object, which skips the first few
    /// reallocations of a growing container.
    private static let initialContainerCapacity = 4
    /// The member count of the object parsed last (at most `maxObjectCapacityHint`): the room
    /// reserved for the next object, since objects in an array usually share their shape
    /// (200 team members of 6 members each take one allocation each, not two).
    private var objectCapacityHint = JSONScanner.initialContainerCapacity
    private static let maxObjectCapacityHint = 32

    init(input: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.input = input
        self.limits = limits
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == input.count else {
            throw JSONParseError(.trailingBytes, offset: index)
        }
        return value
    }

    /// The value of the member `key` of the top-level object, parsed with the limits, when the document
    /// is well-formed up to the end of that value; the other members' values are stepped over without
    /// being built, checked or limited. Nil when the document is not an object, has no such member, or
    /// breaks before its value ends. What is after that value is not looked at: this reads a message's
    /// header when the rest of the message (its body) cannot be read.
    mutating func member(_ key: String) -> JSONValue? {
        skipWhitespace()
        guard index < input.count, input[index] == ASCII.leftBrace else { return nil }
        index += 1
        while true {
            skipWhitespace()
            guard index < input.count, input[index] == ASCII.quote, let name = try? parseString() else { return nil }
            skipWhitespace()
            guard index < input.count, input[index] == ASCII.colon else { return nil }
            index += 1
            skipWhitespace()
            if name == key { return try? parseValue(depth: 1) }
            guard stepOverValue() else { return nil }
            skipWhitespace()
            guard index < input.count, input[index] == ASCII.comma else { return nil }
            index += 1
        }
    }

    /// Advances past one member value, however deeply nested, without building it: brackets are
    /// counted and strings skipped up to their closing quote. Stops at the `,` or `}` after the value;
    /// false when the input ends first or a bracket closes what was not opened.
    private mutating func stepOverValue() -> Bool {
        var depth = 0
        while index < input.count {
            let byte = input[index]
            if depth == 0, byte == ASCII.comma || byte == ASCII.rightBrace { return true }
            switch byte {
            case ASCII.quote:
                index += 1
                while index < input.count, input[index] != ASCII.quote {
                    index += input[index] == ASCII.backslash ? 2 : 1
                }
                guard index < input.count else { return false }
            case ASCII.leftBrace, ASCII.leftBracket:
                depth += 1
            case ASCII.rightBrace, ASCII.rightBracket:
                guard depth > 0 else { return false }
                depth -= 1
            default:
                break
            }
            index += 1
        }
        return false
    }

    // MARK: Values

    /// Parses the value at `index`; `depth` is the nesting level of the enclosing container.
    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard index < input.count else {
            throw JSONParseError(.unexpectedEnd, offset: index)
        }
        switch input[index] {
        case ASCII.leftBrace:
            return .object(try parseObject(depth: depth + 1))
        case ASCII.leftBracket:
            return .array(try parseArray(depth: depth + 1))
        case ASCII.quote:
            return .string(try parseString())
        case ASCII.minus, UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            index = try JSONNumberGrammar.scan(input, from: start)
            return .number(JSONNumber(validatedText: text(start..<index)))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case let byte:
            throw JSONParseError(.unexpectedByte(byte), offset: index)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard index < input.count else {
                throw JSONParseError(.unexpectedEnd, offset: index)
            }
            guard input[index] == byte else {
                throw JSONParseError(.unexpectedByte(input[index]), offset: index)
            }
            index += 1
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> [JSONValue] {
        guard depth <= limits.maxDepth else {
            throw JSONParseError(.tooDeep(limit: limits.maxDepth), offset: index)
        }
        index += 1  // [
        skipWhitespace()
        if index < input.count, input[index] == ASCII.rightBracket {
            index += 1
            return []
        }
        var elements: [JSONValue] = []
        elements.reserveCapacity(Self.initialContainerCapacity)
        while true {
            guard elements.count < limits.maxMembers else {
                throw JSONParseError(.tooManyMembers(limit: limits.maxMembers), offset: index)
            }
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < input.count else {
                throw JSONParseError(.unexpectedEnd, offset: index)
            }
            switch input[index] {
            case ASCII.comma:
                index += 1
                skipWhitespace()
            case ASCII.rightBracket:
                index += 1
                return elements
            case let byte:
                throw JSONParseError(.unexpectedByte(byte), offset: index)
            }
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONObject {
        guard depth <= limits.maxDepth else {
            throw JSONParseError(.tooDeep(limit: limits.maxDepth), offset: index)
        }
        index += 1  // {
        skipWhitespace()
        if index < input.count, input[index] == ASCII.rightBrace {
            index += 1
            return JSONObject()
        }
        var members: [JSONObject.Member] = []
        members.reserveCapacity(objectCapacityHint)
        var seenKeys = DuplicateKeyDetector()
        while true {
            guard index < input.count else {
                throw JSONParseError(.unexpectedEnd, offset: index)
            }
            let keyOffset = index
            guard input[index] == ASCII.quote else {
                throw JSONParseError(.unexpectedByte(input[index]), offset: index)
            }
            guard members.count < limits.maxMembers else {
                throw JSONParseError(.tooManyMembers(limit: limits.maxMembers), offset: index)
            }
            let key = try parseString()
            guard seenKeys.insert(key, members: members) else {
                throw JSONParseError(.duplicateKey(key), offset: keyOffset)
            }
            skipWhitespace()
            guard index < input.count else {
                throw JSONParseError(.unexpectedEnd, offset: index)
            }
            guard input[index] == ASCII.colon else {
                throw JSONParseError(.unexpectedByte(input[index]), offset: index)
            }
            index += 1
            skipWhitespace()
            members.append(JSONObject.Member(key: key, value: try parseValue(depth: depth)))
            skipWhitespace()
            guard index < input.count else {
                throw JSONParseError(.unexpectedEnd, offset: index)
            }
            switch input[index] {
            case ASCII.comma:
                index += 1
                skipWhitespace()
            case ASCII.rightBrace:
                index += 1
                objectCapacityHint = max(Self.initialContainerCapacity, min(members.count, Self.maxObjectCapacityHint))
                return JSONObject(members)
            case let byte:
                throw JSONParseError(.unexpectedByte(byte), offset: index)
            }
        }
    }

    // MARK: Strings

    /// Parses the string whose opening quote is at `index`.
    private mutating func parseString() throws(JSONParseError) -> String {
        let quoteOffset = index
        index += 1
        let start = index
        try skipPlainBytes()
        guard index < input.count else {
            throw JSONParseError(.unexpectedEnd, offset: index)
        }
        switch input[index] {
        case ASCII.quote:
            guard index - start <= limits.maxStringBytes else {
                throw JSONParseError(.stringTooLong(limit: limits.maxStringBytes), offset: quoteOffset)
            }
            let string = text(start..<index)
            index += 1
            return string
        case ASCII.backslash:
            return try parseEscapedString(quoteOffset: quoteOffset, start: start)
        default:
            throw JSONParseError(.controlCharacterInString, offset: index)
        }
    }

    /// Continues a string at its first backslash, decoding into `scratch`.
    private mutating func parseEscapedString(quoteOffset: Int, start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
        while true {
            try appendEscape()
            let runStart = index
            try skipPlainBytes()
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
            guard index < input.count else {
                throw JSONParseError(.unexpectedEnd, offset: index)
            }
            switch input[index] {
            case ASCII.quote:
                guard scratch.count <= limits.maxStringBytes else {
                    throw JSONParseError(.stringTooLong(limit: limits.maxStringBytes), offset: quoteOffset)
                }
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case ASCII.backslash:
                continue
            default:
                throw JSONParseError(.controlCharacterInString, offset: index)
            }
        }
    }

    /// Advances over string content that needs no decoding (anything but `"`, `\` and
    /// control characters), validating UTF-8. Stops at such a byte or at the end.
    @inline(__always)
    private mutating func skipPlainBytes() throws(JSONParseError) {
        let end = input.count
        guard let base = input.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        while true {
            while index &+ 8 <= end, !Self.wordNeedsAttention(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index &+= 8
            }
            guard index < end else { return }
            let byte = input[index]
            if byte >= 0x80 {
                guard let length = UTF8Validation.sequenceLength(in: input, at: index) else {
                    throw JSONParseError(.invalidUTF8, offset: index)
                }
                index &+= length
            } else if byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash {
                return
            } else {
                index &+= 1
            }
        }
    }

    /// True when one of the eight bytes of `word` is a quote, a backslash, a control
    /// character or not ASCII (SWAR: each test sets a byte's top bit when it matches).
    @inline(__always)
    private static func wordNeedsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word
        let quotes = word ^ (ones &* UInt64(ASCII.quote))
        let backslashes = word ^ (ones &* UInt64(ASCII.backslash))
        let isQuote = (quotes &- ones) & ~quotes
        let isBackslash = (backslashes &- ones) & ~backslashes
        return (belowSpace | isQuote | isBackslash | word) & highBits != 0
    }

    /// Decodes the escape sequence whose backslash is at `index` into `scratch`.
    private mutating func appendEscape() throws(JSONParseError) {
        let escapeOffset = index
        guard index + 1 < input.count else {
            throw JSONParseError(.unexpectedEnd, offset: input.count)
        }
        let letter = input[index + 1]
        index += 2
        switch letter {
        case ASCII.quote, ASCII.backslash, UInt8(ascii: "/"):
            scratch.append(letter)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeOffset: escapeOffset)
            switch scalar {
            case 0xD800...0xDBFF:
                // A high surrogate must be followed by a \u escape of a low surrogate.
                let lowOffset = index
                guard index + 1 < input.count, input[index] == ASCII.backslash, input[index + 1] == UInt8(ascii: "u")
                else {
                    throw JSONParseError(.invalidEscape, offset: escapeOffset)
                }
                index += 2
                let low = try readHex4(escapeOffset: lowOffset)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONParseError(.invalidEscape, offset: escapeOffset)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            case 0xDC00...0xDFFF:
                throw JSONParseError(.invalidEscape, offset: escapeOffset)
            default:
                break
            }
            // Surrogates are combined or rejected above, so every value left is a scalar.
            guard let unicodeScalar = Unicode.Scalar(scalar) else {
                throw JSONParseError(.invalidEscape, offset: escapeOffset)
            }
            UTF8.encode(unicodeScalar) { scratch.append($0) }
        default:
            throw JSONParseError(.invalidEscape, offset: escapeOffset)
        }
    }

    /// Reads the four hex digits at `index`.
    private mutating func readHex4(escapeOffset: Int) throws(JSONParseError) -> UInt32 {
        guard index + 4 <= input.count else {
            throw JSONParseError(.unexpectedEnd, offset: input.count)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = input[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidEscape, offset: escapeOffset)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: Helpers

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case ASCII.space, ASCII.newline, ASCII.carriageReturn, ASCII.tab:
                index += 1
            default:
                return
            }
        }
    }

    @inline(__always)
    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }
}

/// Finds duplicate keys while an object is parsed: a linear scan for the usual small
/// object, a hash set of the keys' bytes once the object grows.
private struct DuplicateKeyDetector {
    private static let linearLimit = 16
    private var usesSet = false
    private var seen: Set<UTF8Key> = []

    /// Records `key`, which is about to be appended to `members`; false if it is already there.
    mutating func insert(_ key: String, members: [JSONObject.Member]) -> Bool {
        if usesSet {
            return seen.insert(UTF8Key(string: key)).inserted
        }
        for member in members where utf8Equal(member.key, key) {
            return false
        }
        if members.count >= Self.linearLimit {
            seen.reserveCapacity(members.count * 2)
            for member in members {
                seen.insert(UTF8Key(string: member.key))
            }
            seen.insert(UTF8Key(string: key))
            usesSet = true
        }
        return true
    }
}
