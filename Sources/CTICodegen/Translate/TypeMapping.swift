import CTISpec

/// How spec field types become Swift types, qualified so that no generated type can hide them:
/// `Swift.String`, `CTIRuntime.GUID`, a named type as `Session.TeamMember`.
struct TypeMapping {
    /// The namespace named types are declared in; nil where there are none (the protocol's headers).
    let namespace: String?
    /// The runtime's name for a GUID: `GUID`, or `RequestID` in headers, where the GUID is the request id.
    var guidType = "GUID"

    /// The Swift type of a field, optional when the field is not required.
    func swiftType(of field: Field, names: FieldNames) -> SwiftType {
        let type = swiftType(field.type, declaredName: names.declaredType)
        return field.isRequired ? type : .optional(type)
    }

    /// The Swift type for a spec type; `declaredName` names the object or enum the field declares.
    func swiftType(_ type: FieldType, declaredName: String?) -> SwiftType {
        switch type {
        case .string, .constant, .wireType, .messageName: .standard("String")
        case .boolean: .standard("Bool")
        case .integer: .standard("Int")
        case .number: .standard("Double")
        case .guid: .runtime(guidType)
        case .json: .runtime("JSONValue")
        case .enumeration, .object: .named(declaredName ?? "CTIRuntime.JSONValue")
        case .array(let element): .array(swiftType(element, declaredName: declaredName))
        case .map(let element): .named("CTIRuntime.JSONMap<\(TextRenderer().render(swiftType(element, declaredName: declaredName)))>")
        case .reference(let name): .named(namespace.map { "\($0).\(name)" } ?? name)
        }
    }
}
