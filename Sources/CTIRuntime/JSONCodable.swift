/// Codable conformance for JSON-representable types, through ``JSONValue``: decoding reads the
/// same members, with the same checks, as ``JSONRepresentable/init(json:issues:)``.
public protocol JSONCodable: JSONRepresentable, Codable {}

extension JSONCodable {
    /// Decodes the value through its JSON form; every problem becomes one `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        do {
            try self.init(validating: json)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the value's JSON form.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}
