/// A message on the wire: a JSON object with a `header` object and a `body`.
///
/// A body that is missing or `null` reads as an empty object, and an envelope always writes a
/// body (`{}` when empty). A body of another kind is kept as it is, for the typed decoding to report.
public struct Envelope: Sendable, Hashable {
    /// The header members, in wire order.
    public var header: JSONObject
    /// The body.
    public var body: JSONValue

    /// Creates an envelope.
    public init(header: JSONObject, body: JSONValue = .object(JSONObject())) {
        self.header = header
        self.body = body
    }

    /// Parses one frame's content.
    public init(parsing bytes: [UInt8], limits: JSONLimits = .default) throws(EnvelopeError) {
        let value: JSONValue
        do {
            value = try JSONParser(limits: limits).parse(bytes)
        } catch {
            throw .invalidJSON(error)
        }
        try self.init(value)
    }

    /// The `header` object of a frame whose content is not a readable envelope (a body that breaks a
    /// limit, or malformed JSON after the header), so that it can still be answered FAILURE; nil when
    /// no well-formed header object comes before the problem.
    public static func header(salvagedFrom bytes: [UInt8], limits: JSONLimits = .default) -> JSONObject? {
        let header = bytes.withUnsafeBufferPointer { buffer -> JSONValue? in
            var scanner = JSONScanner(input: buffer, limits: limits)
            return scanner.member("header")
        }
        guard case .object(let object)? = header else { return nil }
        return object
    }

    /// Reads an envelope from a parsed JSON value.
    public init(_ value: JSONValue) throws(EnvelopeError) {
        guard case .object(let object) = value else { throw .notAnObject(found: value.kindDescription) }
        guard let header = object["header"] else { throw .missingHeader }
        guard case .object(let headerObject) = header else { throw .headerNotAnObject(found: header.kindDescription) }
        self.header = headerObject
        switch object["body"] {
        case nil, .null?: self.body = .object(JSONObject())
        case let body?: self.body = body
        }
    }

    /// The envelope as a JSON object: `{"header": {...}, "body": ...}`.
    public var json: JSONValue {
        .object(JSONObject([.init(key: "header", value: .object(header)), .init(key: "body", value: body)]))
    }

    /// `header.type` when it is a string, otherwise empty: what a reader switches on.
    public var messageType: String { headerString("type") ?? "" }

    /// `header.name` when it is a string, otherwise empty: what a reader switches on.
    public var messageName: String { headerString("name") ?? "" }

    /// A header member's string value, if it is a string.
    public func headerString(_ key: String) -> String? {
        header[key]?.stringValue
    }

    /// The envelope as compact JSON: `{"header":{...},"body":{...}}`.
    public func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        serialized(into: &output)
        return output
    }

    /// Appends the envelope as compact JSON to `output` (see `serialized()`), writing the header
    /// and body straight into it.
    public func serialized(into output: inout [UInt8]) {
        let headerKey: StaticString = #"{"header":"#
        let bodyKey: StaticString = #","body":"#
        output.append(contentsOf: UnsafeBufferPointer(start: headerKey.utf8Start, count: headerKey.utf8CodeUnitCount))
        JSONWriter.write(header, into: &output)
        output.append(contentsOf: UnsafeBufferPointer(start: bodyKey.utf8Start, count: bodyKey.utf8CodeUnitCount))
        JSONWriter.write(body, into: &output)
        output.append(ASCII.rightBrace)
    }
}

/// Bytes that are not a message envelope at all.
public enum EnvelopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not JSON.
    case invalidJSON(JSONParseError)
    /// The JSON is not an object.
    case notAnObject(found: String)
    /// The object has no `header`.
    case missingHeader
    /// `header` is not an object.
    case headerNotAnObject(found: String)

    public var description: String {
        switch self {
        case .invalidJSON(let error): "not a message: \(error)"
        case .notAnObject(let found): "not a message: expected a JSON object, found \(found)"
        case .missingHeader: "not a message: the JSON object has no \"header\""
        case .headerNotAnObject(let found): "not a message: \"header\" must be an object, found \(found)"
        }
    }
}
