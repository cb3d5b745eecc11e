/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), shared by the JSON parser and the frame decoder.
enum UTF8Validation {
    /// The length of the well-formed multi-byte sequence that starts at `index`, or nil
    /// when the bytes there are not one. `bytes[index]` must be 0x80 or above.
    @inline(__always)
    static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let end = bytes.count
        @inline(__always)
        func isContinuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < end && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return isContinuation(1) ? 2 : nil
        case 0xE0:
            return isContinuation(1, 0xA0...0xBF) && isContinuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return isContinuation(1) && isContinuation(2) ? 3 : nil
        case 0xED:  // excludes the surrogates U+D800...U+DFFF
            return isContinuation(1, 0x80...0x9F) && isContinuation(2) ? 3 : nil
        case 0xF0:
            return isContinuation(1, 0x90...0xBF) && isContinuation(2) && isContinuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return isContinuation(1) && isContinuation(2) && isContinuation(3) ? 4 : nil
        case 0xF4:  // up to U+10FFFF
            return isContinuation(1, 0x80...0x8F) && isContinuation(2) && isContinuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// The offset of the first byte that does not start a well-formed sequence, or nil
    /// when all of `bytes` is valid UTF-8. Runs of ASCII are checked eight bytes at a time.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let end = bytes.count
        var index = 0
        while index < end {
            while index &+ 8 <= end,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index &+= 8
            }
            guard index < end else { break }
            if bytes[index] < 0x80 {
                index &+= 1
            } else if let length = sequenceLength(in: bytes, at: index) {
                index &+= length
            } else {
                return index
            }
        }
        return nil
    }
}
