/// The `requestId` of a query or request: a GUID, kept exactly as received.
///
/// A response must echo the id byte for byte, so the original text is stored untouched
/// (`rawValue`): its case and optional braces are never normalised. Equality compares
/// that text, so ids that differ only in case are different ids.
public struct RequestID: Sendable, Hashable, Codable, CustomStringConvertible, RawRepresentable {
    /// The id exactly as received or created.
    public let rawValue: String

    /// Accepts `rawValue` when it is a GUID (see `isGUID(_:)`), keeping it as written.
    public init?(rawValue: String) {
        guard Self.isGUID(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Wraps `rawValue` without validation, for forwarding ids that must be echoed even
    /// when they are not well-formed GUIDs.
    public init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// The id as written.
    public var description: String { rawValue }

    /// True when `text` is a GUID: 8-4-4-4-12 hexadecimal digits (either case) separated
    /// by hyphens, optionally wrapped in one pair of braces, with nothing else around it.
    public static func isGUID(_ text: String) -> Bool {
        isGUID(utf8: text.utf8)
    }

    /// True when `text` is a GUID (see `isGUID(_:)` for `String`).
    public static func isGUID(_ text: Substring) -> Bool {
        isGUID(utf8: text.utf8)
    }

    private static func isGUID(utf8: some Collection<UInt8>) -> Bool {
        let braced: Bool
        switch utf8.count {
        case 36: braced = false
        case 38: braced = true
        default: return false
        }
        var position = braced ? -1 : 0  // position within the 36 characters of the GUID
        for byte in utf8 {
            switch position {
            case -1:
                guard byte == UInt8(ascii: "{") else { return false }
            case 36:
                guard byte == UInt8(ascii: "}") else { return false }
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            default:
                guard hexValue(byte) != nil else { return false }
            }
            position += 1
        }
        return true
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
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
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a GUID (8-4-4-4-12 hexadecimal digits)")
        }
        self.rawValue = text
    }

    /// Encodes the id as a string, exactly as stored.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
