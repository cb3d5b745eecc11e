/// A JSON number, kept as the exact text it was written with.
///
/// Keeping the text means a number survives a parse/serialize round trip byte for byte
/// (`1.50` stays `1.50`, `12345678901234567890123` loses no digits), and converting it
/// to `Int` or `Double` happens only when, and as, the caller asks.
///
/// Equality compares the text: `1.5` and `1.50` are different values.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written; always valid JSON number grammar.
    public let text: String

    /// Creates a number from `text`, or returns nil when `text` is not exactly one JSON
    /// number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, no surrounding spaces).
    public init?(text: String) {
        let isValid = withUTF8Bytes(of: text) { bytes in
            guard !bytes.isEmpty, let end = try? JSONNumberGrammar.scan(bytes, from: 0) else {
                return false
            }
            return end == bytes.count
        }
        guard isValid else { return nil }
        self.text = text
    }

    /// Wraps text that the caller has already checked against the grammar.
    init(validatedText: String) {
        self.text = validatedText
    }

    /// Creates the number `int`, written in decimal without exponent.
    public init(_ int: Int) {
        self.text = String(int)
    }

    /// Creates the number `double` written as the shortest text that reads back as the
    /// same `Double` (for example `0.1`, `1.0`, `1e-05`, `-0.0`); nil when `double` is
    /// infinite or NaN, which JSON cannot represent.
    public init?(_ double: Double) {
        guard double.isFinite else { return nil }
        self.text = double.description
    }

    /// The text of the number.
    public var description: String { text }

    /// The value as an `Int` when the number is mathematically an integer that fits,
    /// whatever its notation: `42`, `-0`, `1e2`, `1.0` and `2.50e1` all qualify; `1.5`,
    /// `1e-1` and `9223372036854775808` do not. The conversion is exact (no `Double` in
    /// between), so integers beyond 2^53 are never rounded.
    public var intValue: Int? {
        if let plain = Int(text) {
            return plain
        }
        return withUTF8Bytes(of: text) { JSONNumberGrammar.exactInteger($0) }
    }

    /// The nearest `Double` to the number, or nil when its magnitude is too large for a
    /// `Double` (for example `1e400`). Values too small for a `Double` become zero.
    public var doubleValue: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

extension JSONNumber: Codable {
    /// Decodes an integer (kept exactly) or a floating-point number from a single value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            self.init(int)
        } else if let unsigned = try? container.decode(UInt64.self) {
            self.init(validatedText: String(unsigned))
        } else {
            let double = try container.decode(Double.self)
            guard let number = JSONNumber(double) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\(double) is not a valid JSON number")
            }
            self = number
        }
    }

    /// Encodes the number as an `Int` or `UInt64` when its text is a plain integer that
    /// fits, otherwise as a `Double`. Generic encoders cannot write raw number text, so the
    /// exact spelling (`1.50`, `1e2`) is only preserved by `serialized()`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let int = Int(text) {
            try container.encode(int)
        } else if let unsigned = UInt64(text) {
            try container.encode(unsigned)
        } else if let double = doubleValue {
            try container.encode(double)
        } else {
            throw EncodingError.invalidValue(
                self,
                EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "\(text) is out of the range of Double"))
        }
    }
}

/// The JSON number grammar, shared by `JSONParser` and `JSONNumber.init?(text:)`.
enum JSONNumberGrammar {
    /// Scans one number starting at `start` and returns the index just past it.
    /// Throws `invalidNumber` at the first byte that breaks the grammar (which may be
    /// `input.count` when the input ends too early).
    static func scan(_ input: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONParseError) -> Int {
        let end = input.count
        var index = start
        if index < end, input[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < end, isDigit(input[index]) else {
            throw JSONParseError(.invalidNumber, offset: index)
        }
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(input[index]) {
                throw JSONParseError(.invalidNumber, offset: index)
            }
        } else {
            index = skipDigits(input, from: index + 1)
        }
        if index < end, input[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(input[index]) else {
                throw JSONParseError(.invalidNumber, offset: index)
            }
            index = skipDigits(input, from: index + 1)
        }
        if index < end, input[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < end, isDigit(input[index]) else {
                throw JSONParseError(.invalidNumber, offset: index)
            }
            index = skipDigits(input, from: index + 1)
        }
        return index
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private static func skipDigits(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < input.count, isDigit(input[index]) {
            index += 1
        }
        return index
    }

    /// The exact integer value of valid number text with a fraction and/or exponent,
    /// or nil when the value is not an integer or does not fit in `Int`.
    static func exactInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { index += 1 }

        // Walk the digits of the integer and fraction parts as one digit string.
        var digitCount = 0          // digits seen so far
        var fractionDigits = 0      // of which after the decimal point
        var firstSignificant = -1   // byte index of the first non-zero digit
        var significantEnd = 0      // digitCount just after the last non-zero digit
        var significantCount = 0    // digits from the first to the last non-zero digit
        var inFraction = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if isDigit(byte) {
                digitCount += 1
                if inFraction { fractionDigits += 1 }
                if byte != UInt8(ascii: "0") {
                    if firstSignificant < 0 {
                        firstSignificant = index
                        significantCount = 1
                    } else {
                        significantCount += digitCount - significantEnd
                    }
                    significantEnd = digitCount
                }
            } else {
                break
            }
            index += 1
        }
        guard firstSignificant >= 0 else { return 0 }  // all zeros, whatever the exponent

        var exponent = 0
        if index < text.count {  // at 'e' or 'E'
            index += 1
            var exponentNegative = false
            if text[index] == UInt8(ascii: "-") {
                exponentNegative = true
                index += 1
            } else if text[index] == UInt8(ascii: "+") {
                index += 1
            }
            while index < text.count {
                // Saturate: anything beyond 1,000,000 is far outside Int's range anyway.
                exponent = min(exponent * 10 + Int(text[index] &- UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        // value = (the significant digits) * 10^scale
        let scale = exponent - fractionDigits + (digitCount - significantEnd)
        guard scale >= 0, significantCount + scale <= 19 else { return nil }

        var magnitude: UInt64 = 0
        var taken = 0
        index = firstSignificant
        while taken < significantCount {
            let byte = text[index]
            index += 1
            guard byte != UInt8(ascii: ".") else { continue }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            taken += 1
        }
        for _ in 0..<scale {
            let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = times10
        }
        if negative {
            let minMagnitude = UInt64(Int.max) + 1
            guard magnitude <= minMagnitude else { return nil }
            return magnitude == minMagnitude ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        return Int(magnitude)
    }
}
