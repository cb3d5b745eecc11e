import CTISpec

/// How spec field types become Swift types, qualified so that no generated type can hide them:
/// `Swift.String`, `CTIRuntime.GUID`, a named type as `Session.TeamMember`.
struct TypeMapping {
    /// The namespace named types are declared in; nil where there are none (the protocol's headers).
    let namespace: String?
    /// The runtime's name for a GUID: `GUID`, or `RequestID` in headers, where the GUID is the request id.
    var guidType = "GUID"
    /// Named types declared in another namespace, by name: in a variant, those of its destination.
    var elsewhere: [String: String] = [:]

    /// The mapping for the messages and types of `destination`: a variant names the types of the
    /// destination it belongs to where that declares them, so the variants share them.
    init(destination: Destination, names: GeneratedNames, spec: Spec) {
        namespace = names.namespace(destination)
        if let base = spec.base(of: destination) {
            let baseNamespace = names.namespace(base)
            elsewhere = Dictionary(base.types.map { ($0.name, baseNamespace) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A mapping whose named types are all in `namespace`.
    init(namespace: String?, guidType: String = "GUID") {
        self.namespace = namespace
        self.guidType = guidType
    }

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
        case .reference(let name): .named((elsewhere[name] ?? namespace).map { "\($0).\(name)" } ?? name)
        }
    }
}
