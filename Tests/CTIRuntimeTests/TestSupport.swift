@testable import CTIRuntime

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// A small deterministic generator (SplitMix64) so random-looking tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The error `parser` reports for `input`, or nil when it parses.
func parseError(_ input: [UInt8], limits: JSONLimits = .default) -> JSONParseError? {
    do {
        _ = try JSONParser(limits: limits).parse(input)
        return nil
    } catch {
        return error
    }
}

/// The error `parser` reports for `input`, or nil when it parses.
func parseError(_ input: String, limits: JSONLimits = .default) -> JSONParseError? {
    parseError(utf8(input), limits: limits)
}

/// A number value from its exact text.
func number(_ text: String) -> JSONValue {
    .number(JSONNumber(text: text)!)
}
