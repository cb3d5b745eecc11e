import CTISpec

/// The example header of a message kind: a value for every required field. The generated header's
/// `example` holds it, and the generated header tests start from it as JSON, so the two cannot
/// disagree.
enum HeaderExample {
    /// A request id with braces and capitals: examples carry it, so every echo is proven byte for byte.
    static let guid = "{0F8FAD5B-D9CB-469F-A165-70867728950E}"

    /// The name a header of a kind whose messages have fixed names is read and written with.
    static let messageName = "test.name"

    /// Each required field of `kind` with its example value, in header order: the kind's wire type,
    /// ``messageName``, ``guid``, the success value for a response's outcome and an enum's first value
    /// otherwise, a constant's value, `true`, `1`, and `example <key>` for a string.
    static func values(of kind: MessageKind, in protocolDefinition: ProtocolDefinition) -> [(field: Field, value: SpecValue)] {
        let outcome = protocolDefinition.kinds.lazy.compactMap { ResponseShape(answering: $0, in: protocolDefinition) }
            .first { $0.kind.id == kind.id }
        return kind.header.filter(\.isRequired).map { field in
            let value: SpecValue =
                switch field.type {
                case .wireType: .string(kind.wireType)
                case .messageName: .string(messageName)
                case .guid: .string(guid)
                case .enumeration(let values): .string(field.key == outcome?.status.key ? outcome!.successValue : values.first ?? "")
                case .constant(let value): .string(value)
                case .boolean: .bool(true)
                case .integer, .number: .integer(1)
                default: .string("example \(field.key)")
                }
            return (field, value)
        }
    }
}
