/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// It accepts exactly one value with optional surrounding whitespace, and rejects
/// everything the RFC does not allow: comments, trailing commas, `NaN`, leading zeros,
/// invalid or lone-surrogate escapes, unescaped control characters, ill-formed UTF-8 in
/// strings, and (a deliberate choice beyond the RFC's "should") duplicate keys in one
/// object. Untrusted input is bounded by `JSONLimits`. Errors carry the byte offset of the
/// problem. The parser never traps on any input.
public struct JSONParser: Sendable {
    /// The limits enforced while parsing.
    public var limits: JSONLimits

    /// Creates a parser that enforces `limits`.
    public init(limits: JSONLimits = .default) {
        self.limits = limits
    }

    /// Parses one JSON document from `bytes`.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { parseResult($0) }.get()
    }

    /// Parses one JSON document from `bytes`; error offsets count from the slice's start.
    public func parse(_ bytes: ArraySlice<UInt8>) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { parseResult($0) }.get()
    }

    /// Parses one JSON document from `bytes`, which must stay valid during the call.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        try parseResult(bytes).get()
    }

    /// Parses one JSON document from the UTF-8 of `string`; error offsets count UTF-8 bytes.
    public func parse(_ string: String) throws(JSONParseError) -> JSONValue {
        try withUTF8Bytes(of: string) { parseResult($0) }.get()
    }

    private func parseResult(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var scanner = JSONScanner(input: bytes, limits: limits)
        do {
            return .success(try scanner.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
