/// Why and where `JSONParser` rejected its input.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the input.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The input ended where more was required (inside a value, string or container).
        case unexpectedEnd
        /// A byte that cannot appear at this position.
        case unexpectedByte(UInt8)
        /// A number that does not follow the JSON grammar (leading zero, missing digits, ...).
        case invalidNumber
        /// An unknown escape, a malformed `\u` escape, or a `\u` surrogate escape that is not
        /// part of a high-low pair.
        case invalidEscape
        /// Bytes inside a string that are not well-formed UTF-8.
        case invalidUTF8
        /// An unescaped byte below 0x20 inside a string.
        case controlCharacterInString
        /// An object that names the same key twice (keys compared byte for byte).
        case duplicateKey(String)
        /// Arrays and objects nested deeper than `JSONLimits.maxDepth`.
        case tooDeep(limit: Int)
        /// An array or object with more than `JSONLimits.maxMembers` entries.
        case tooManyMembers(limit: Int)
        /// A string longer than `JSONLimits.maxStringBytes` UTF-8 bytes.
        case stringTooLong(limit: Int)
        /// Something other than whitespace follows the value.
        case trailingBytes

        /// A short English explanation, such as `duplicate key "name"`.
        public var description: String {
            switch self {
            case .unexpectedEnd:
                return "unexpected end of input"
            case .unexpectedByte(let byte):
                return "unexpected byte \(Self.describe(byte))"
            case .invalidNumber:
                return "invalid number"
            case .invalidEscape:
                return "invalid escape sequence"
            case .invalidUTF8:
                return "invalid UTF-8 in string"
            case .controlCharacterInString:
                return "unescaped control character in string"
            case .duplicateKey(let key):
                return "duplicate key \(JSONValue.string(key))"
            case .tooDeep(let limit):
                return "arrays and objects nested deeper than \(limit) levels"
            case .tooManyMembers(let limit):
                return "more than \(limit) elements in one array or object"
            case .stringTooLong(let limit):
                return "string longer than \(limit) bytes"
            case .trailingBytes:
                return "unexpected data after the JSON value"
            }
        }

        private static func describe(_ byte: UInt8) -> String {
            let hexDigits = Array("0123456789ABCDEF".utf8)
            let hex = String(decoding: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]], as: UTF8.self)
            if byte >= 0x21 && byte < 0x7F {
                return "'\(Character(Unicode.Scalar(byte)))' (0x\(hex))"
            }
            return "0x\(hex)"
        }
    }

    /// What was wrong.
    public let reason: Reason

    /// The zero-based byte offset in the input where the problem was found. For an input
    /// `ArraySlice`, offsets count from the slice's first element; for a `String`, they
    /// count UTF-8 bytes.
    public let offset: Int

    /// Creates an error for `reason` at byte `offset`.
    public init(_ reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// For example `invalid JSON at byte 17: duplicate key "name"`.
    public var description: String {
        "invalid JSON at byte \(offset): \(reason)"
    }
}
