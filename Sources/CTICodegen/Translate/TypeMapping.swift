import CTISpec

/// How spec field types become Swift types, and which nested declarations they need.
enum TypeMapping {
    /// The Swift type of a field, optional when the field is not required.
    static func swiftType(of field: Field) -> SwiftType {
        let type = swiftType(field.type, declaredName: field.declaredType?.name)
        return field.isRequired ? type : .optional(type)
    }

    /// The Swift type for a spec type; `declaredName` names the object or enum the field declares.
    static func swiftType(_ type: FieldType, declaredName: String?) -> SwiftType {
        switch type {
        case .string, .constant, .wireType, .messageName: .named("String")
        case .boolean: .named("Bool")
        case .integer: .named("Int")
        case .number: .named("Double")
        case .guid: .named("GUID")
        case .json: .named("JSONValue")
        case .enumeration, .object: .named(declaredName ?? "JSONValue")
        case .array(let element): .array(swiftType(element, declaredName: declaredName))
        case .map(let element): .dictionary(.named("String"), swiftType(element, declaredName: declaredName))
        case .reference(let name): .named(name)
        }
    }
}
