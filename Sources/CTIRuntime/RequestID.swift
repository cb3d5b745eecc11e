/// The `requestId` of a query or request: a GUID, kept exactly as received.
///
/// A response must echo the id byte for byte, so the original text is stored untouched
/// (`rawValue`): its case and optional braces are never normalised. Equality compares
/// that text, so ids that differ only in case are different ids.
public struct RequestID: Sendable, Hashable, Codable, CustomStringConvertible, RawRepresentable {
    /// The id exactly as received or created.
    public let rawValue: String
    /// Whether `rawValue` was checked to be a GUID when the id was made, so later checks can be skipped.
    @usableFromInline let isCheckedGUID: Bool

    /// Accepts `rawValue` when it is a GUID (see `isGUID(_:)`), keeping it as written.
    public init?(rawValue: String) {
        guard Self.isGUID(rawValue) else { return nil }
        self.rawValue = rawValue
        self.isCheckedGUID = true
    }

    /// Wraps `rawValue` without validation, for forwarding ids that must be echoed even
    /// when they are not well-formed GUIDs.
    public init(unchecked rawValue: String) {
        self.rawValue = rawValue
        self.isCheckedGUID = false
    }

    /// Whether the id is in GUID form (see `isGUID(_:)`).
    @inlinable
    public var isGUID: Bool { isCheckedGUID || Self.isGUID(rawValue) }

    /// Ids are equal when their text is, whether or not it was checked when they were made.
    public static func == (lhs: RequestID, rhs: RequestID) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the text alone, as ``RequestID/==(_:_:)`` compares it.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The id as written.
    public var description: String { rawValue }

    /// True when `text` is a GUID: 8-4-4-4-12 hexadecimal digits (either case) separated
    /// by hyphens, optionally wrapped in one pair of braces, with nothing else around it.
    public static func isGUID(_ text: String) -> Bool {
        withUTF8Bytes(of: text) { isGUID(bytes: $0) }
    }

    /// True when `text` is a GUID (see `isGUID(_:)` for `String`).
    public static func isGUID(_ text: Substring) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ isGUID(bytes: $0) }) {
            return result
        }
        return isGUID(String(text))
    }

    /// Checks the bytes in one pass over a contiguous buffer (ids are checked on every message,
    /// so this avoids the generic `String.UTF8View` iteration).
    private static func isGUID(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        switch bytes.count {
        case 36: break
        case 38:
            guard bytes[0] == UInt8(ascii: "{"), bytes[37] == UInt8(ascii: "}") else { return false }
            start = 1
        default: return false
        }
        for position in 0..<36 {
            let byte = bytes[start &+ position]
            switch position {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            default:
                guard isHexDigit(byte) else { return false }
            }
        }
        return true
    }

    /// What an issue says about `text` that is not a GUID: the one wording every check uses.
    public static func notAGUID(_ text: String) -> String {
        "\(ValidationIssue.quoted(text)) is not a GUID (8-4-4-4-12 hex digits, optionally in braces)"
    }

    @inline(__always)
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// A new random (version 4) id, written lowercase without braces, such as
    /// `3f2504e0-4f89-41d3-9a0c-0305e82c3301`.
    public static func random() -> RequestID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A new random (version 4) id drawn from `generator` (see `random()`).
    public static func random(using generator: inout some RandomNumberGenerator) -> RequestID {
        var high = generator.next() as UInt64
        var low = generator.next() as UInt64
        high = (high & ~0xF000) | 0x4000  // version 4 in the time_hi_and_version field
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)  // RFC 4122 variant
        let hexDigits: StaticString = "0123456789abcdef"
        let text = String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            func write(_ value: UInt64, digits: Int) {
                for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                    buffer[position] = hexDigits.utf8Start[Int((value >> UInt64(shift)) & 0xF)]
                    position += 1
                }
            }
            func hyphen() {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            write(high >> 32, digits: 8)
            hyphen()
            write(high >> 16, digits: 4)
            hyphen()
            write(high, digits: 4)
            hyphen()
            write(low >> 48, digits: 4)
            hyphen()
            write(low, digits: 12)
            return position
        }
        return RequestID(unchecked: text)
    }

    /// Decodes a string; throws `DecodingError.dataCorrupted` when it is not a GUID.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.isGUID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.notAGUID(text))
        }
        self.rawValue = text
        self.isCheckedGUID = true
    }

    /// Encodes the id as a string, exactly as stored.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
