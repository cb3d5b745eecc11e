extension Body {
    /// The body's example: the spec's own where it gives one, otherwise one derived from the fields
    /// (every field present, optional ones too, except those that must be absent given the values
    /// the others have). The generated code's examples and `cti-bridge`'s messages are these.
    public func exampleValue(in destination: Destination) -> SpecValue {
        example ?? DerivedExample.removingAbsent(
            DerivedExample.derived(fields, in: destination, expanding: []), fields: fields, prefix: [])
    }
}

/// How an example is derived from a body's fields.
enum DerivedExample {
    /// `value` without each member whose `absentWhen` holds in it.
    static func removingAbsent(_ value: SpecValue, fields: [Field], prefix: [String]) -> SpecValue {
        var result = value
        for field in fields {
            let path = prefix + [field.memberName]
            let mustBeAbsent = field.conditions.contains { condition in
                guard condition.requirement == .absent,
                    case .string(let decided)? = value.member(atPath: condition.key)
                else { return false }
                return condition.values.contains(decided)
            }
            if mustBeAbsent {
                result = removing(path[...], from: result)
            } else if case .object(let nested) = field.type {
                result = removingAbsent(result, fields: nested, prefix: path)
            }
        }
        return result
    }


    private static func removing(_ path: ArraySlice<String>, from value: SpecValue) -> SpecValue {
        guard case .object(let members) = value, let key = path.first else { return value }
        if path.count == 1 { return .object(members.filter { $0.key != key }) }
        return .object(members.map { $0.key == key ? .init(key: key, value: removing(path.dropFirst(), from: $0.value), location: $0.location) : $0 })
    }

    /// An object with a value for every field. `expanding` holds the named types being expanded,
    /// so a type that contains itself through an array gets an empty array there.
    static func derived(_ fields: [Field], in destination: Destination, expanding: Set<String>) -> SpecValue {
        .object(fields.map { field in
            SpecValue.Member(
                key: field.memberName, value: value(for: field.type, key: field.memberName, in: destination, expanding: expanding),
                location: field.location)
        })
    }

    /// An array or map element, or a named type's value: when it is an object it is a tree of its own,
    /// whose conditions are decided inside it.
    private static func tree(_ value: SpecValue, of type: FieldType) -> SpecValue {
        guard case .object(let fields) = type else { return value }
        return removingAbsent(value, fields: fields, prefix: [])
    }

    private static func value(for type: FieldType, key: String, in destination: Destination, expanding: Set<String>) -> SpecValue {
        let nowhere = SourceLocation(file: "", line: 1, column: 1)
        switch type {
        case .reference(let name):
            guard let named = destination.namedType(name) else { return .null }
            return tree(value(for: named.type, key: key, in: destination, expanding: expanding.union([name])), of: named.type)
        case .string, .messageName, .wireType: return .string("example \(key)")
        case .boolean: return .bool(true)
        case .integer: return .integer(1)
        case .number: return .number(1.5)
        case .guid: return .string("0f8fad5b-d9cb-469f-a165-70867728950e")
        case .json: return .object([.init(key: "example", value: .bool(true), location: nowhere)])
        case .enumeration(let values): return .string(values.first ?? "")
        case .constant(let value): return .string(value)
        case .object(let fields): return derived(fields, in: destination, expanding: expanding)
        case .array(let element):
            if case .reference(let name) = element, expanding.contains(name) { return .array([]) }
            return .array([tree(value(for: element, key: key, in: destination, expanding: expanding), of: element)])
        case .map(let element):
            if case .reference(let name) = element, expanding.contains(name) { return .object([]) }
            let item = tree(value(for: element, key: key, in: destination, expanding: expanding), of: element)
            return .object([.init(key: "key", value: item, location: nowhere)])
        }
    }
}
