import CTISpec

/// The Swift names of a field: what its property and the type it declares are called.
struct FieldNames: Sendable {
    /// The property: the spec's `swiftName`, or the member name camel-cased (`mobileagent-mode` ->
    /// `mobileagentMode`).
    let property: String
    /// The object or enum type the field declares, if any: after the property (`Properties`) or,
    /// for the element of an array or map, after the collection made singular (`labels` -> `Label`).
    let declaredType: String?

    /// The names of `field`, whose type is declared elsewhere under `declaredType` (a variant's copy of a
    /// member of its destination's message uses the destination's type).
    init(_ field: Field, declaredElsewhere declaredType: String) {
        property = FieldNames(field).property
        self.declaredType = declaredType
    }

    init(_ field: Field) {
        property = field.swiftName ?? SwiftNaming.propertyName(field.memberName)
        switch field.type {
        case .object, .enumeration: declaredType = SwiftNaming.typeName(property)
        case .array, .map:
            switch field.type.innermostElement {
            case .object, .enumeration: declaredType = SwiftNaming.elementTypeName(property)
            default: declaredType = nil
            }
        default: declaredType = nil
        }
    }
}

extension Message {
    /// The Swift type name: the base name followed by the kind (`CreateChannelGroupRequest`).
    func swiftTypeName(in destination: Destination) -> String {
        let suffix = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        let base = swiftBaseName(in: destination)
        return base.hasSuffix(suffix) ? base : base + suffix
    }

    /// The Swift type name of the response (`CreateChannelGroupResponse`).
    func swiftResponseTypeName(in destination: Destination) -> String {
        swiftBaseName(in: destination) + "Response"
    }

    /// The base of the type name: `swiftName`, or the wire name without the destination and kind segments.
    func swiftBaseName(in destination: Destination) -> String {
        if let swiftName { return SwiftNaming.typeName(swiftName) }
        var segments = (name ?? "").split(separator: ".").map(String.init)
        if segments.first == destination.name { segments.removeFirst() }
        if segments.count > 1, segments.first == kind.rawValue { segments.removeFirst() }
        return SwiftNaming.typeName(segments.joined(separator: " "))
    }
}

extension Destination {
    /// The Swift namespace: `swiftName`, or the destination's name capitalised; for a variant, the
    /// variant's name in front of its destination's namespace (`TelephonyChannel`).
    var swiftNamespace: String {
        if let swiftName { return SwiftNaming.typeName(swiftName) }
        guard let variant else { return SwiftNaming.typeName(name) }
        return SwiftNaming.typeName(variant.name) + SwiftNaming.typeName(variant.baseSwiftName ?? name)
    }
}

extension String {
    /// The text with its first character lower-cased: `InitQuery` -> `initQuery`.
    var lowercasingFirst: String { prefix(1).lowercased() + dropFirst() }
}
