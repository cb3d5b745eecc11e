import CTISpec

/// Turns an object's members into a struct: a header, a body, a named type or an object nested in one.
/// The struct declares its properties, its initializer and the types its fields declare, then one
/// argument per member to read and one line per member to write; the runtime's ``CTIObject``
/// extension does the rest (issues and their paths, required members, unknown members, Codable).
struct ObjectTranslator {
    let access: AccessLevel?
    let types: TypeMapping
    /// Types that members of the top-level object declare elsewhere, by member name: a variant's copy of
    /// its destination's message uses the destination's enums and objects instead of declaring its own.
    var declaredElsewhere: [String: String] = [:]

    /// One member of an object as the generated code reads and writes it.
    enum Member {
        /// A field with a property.
        case stored(Field)
        /// A header's `type`: the kind's wire type, read and written by the object itself.
        case wireType(key: String)
        /// A header's `name` when the message type fixes it: checked and written by the message.
        case messageName(key: String)
    }

    /// The struct named `name` with `members`; `conformance` is the runtime protocol it adopts. `leading`
    /// members come first (a header's wire type), `support` members after the reading and writing (what a
    /// header's runtime protocol asks for).
    ///
    /// A struct that is not nested as a plain object member of another (`isRoot`) lists the conditions
    /// of its members and of the plain objects inside it, with paths from itself.
    func declaration(
        _ name: String, members: [Member], conformance: String = "CTIRuntime.CTIObject", doc: SwiftDocComment,
        leading: [SwiftDeclaration] = [], support: [SwiftDeclaration] = [], isRoot: Bool = true
    ) -> SwiftDeclaration {
        let fields = members.compactMap { member -> (Field, FieldNames)? in
            guard case .stored(let field) = member else { return nil }
            return (field, declaredElsewhere[field.memberName].map { FieldNames(field, declaredElsewhere: $0) } ?? FieldNames(field))
        }
        var declarations = leading
        for (field, names) in fields {
            declarations.append(
                .property(SwiftProperty(names.property, type: types.swiftType(of: field, names: names), access: access, doc: DocText.field(field, property: names.property))))
        }
        declarations.append(.property(SwiftProperty("unknownFields", type: .runtime("JSONObject"), access: access, value: .emptyDictionary)))
        declarations.append(.function(memberwiseInit(fields)))
        declarations += fields.filter { declaredElsewhere[$0.0.memberName] == nil }.compactMap { nestedDeclaration(for: $0.0, names: $0.1) }
        declarations.append(.mark("JSON", isSection: true))
        declarations.append(.function(reading(members)))
        declarations.append(.function(writing(members)))
        if isRoot, let conditions = memberConditions(fields.map(\.0)) { declarations.append(conditions) }
        declarations += support
        return .type(SwiftTypeDeclaration(.struct, name, access: access, conformances: [conformance], doc: doc, members: declarations))
    }

    /// The object or enum a field declares, if any.
    private func nestedDeclaration(for field: Field, names: FieldNames) -> SwiftDeclaration? {
        guard let name = names.declaredType else { return nil }
        switch field.type.innermostElement {
        case .object(let members):
            let isPlainMember = if case .object = field.type { true } else { false }
            return ObjectTranslator(access: access, types: types).declaration(
                name, members: members.map(Member.stored), doc: SwiftDocComment(["The value of `\(field.key)`."]), isRoot: !isPlainMember)
        case .enumeration(let values):
            return EnumTranslator(access: access).declaration(name, values: values, doc: SwiftDocComment(["The values of `\(field.key)`."]))
        default:
            return nil
        }
    }

    /// `memberConditions`: each `requiredWhen` and `absentWhen` of the fields and of the plain objects
    /// inside them, as data; nil when there is none.
    private func memberConditions(_ fields: [Field]) -> SwiftDeclaration? {
        let conditions = Self.conditions(in: fields, prefix: "").map { path, condition in
            SwiftExpression.call(
                .dotMember(condition.requirement == .required ? "required" : "absent"),
                [.init(nil, .string(path)), .init("when", .string(condition.key)), .init("in", .array(condition.values.map(SwiftExpression.string)))])
        }
        guard !conditions.isEmpty else { return nil }
        return .property(
            SwiftProperty(
                "memberConditions", type: .array(.runtime("MemberCondition")), isMutable: false, isStatic: true, access: access,
                value: .array(conditions)))
    }

    private static func conditions(in fields: [Field], prefix: String) -> [(String, FieldCondition)] {
        fields.flatMap { field -> [(String, FieldCondition)] in
            let path = prefix + field.memberName
            let own = field.conditions.map { (path, $0) }
            guard case .object(let nested) = field.type else { return own }
            return own + conditions(in: nested, prefix: path + ".")
        }
    }

    private func memberwiseInit(_ fields: [(Field, FieldNames)]) -> SwiftFunction {
        let parameters = fields.map { field, names in
            SwiftFunction.Parameter(names.property, types.swiftType(of: field, names: names), defaultValue: defaultValue(for: field))
        }
        let body = fields.map { _, names in
            SwiftStatement.assign(.member(.identifier("self"), names.property), .identifier(names.property))
        }
        return SwiftFunction("init", access: access, parameters: parameters, body: body)
    }

    private func defaultValue(for field: Field) -> SwiftExpression? {
        if case .constant(let value) = field.type { return .string(value) }
        return field.isRequired ? nil : .nil
    }

    /// `init(reading:)`: one line per member, in spec order, then the members left unread.
    private func reading(_ members: [Member]) -> SwiftFunction {
        let reader = SwiftExpression.identifier("reader")
        var body = members.map { member -> SwiftStatement in
            switch member {
            case .wireType(let key):
                return .expression(.method(reader, "read", (nil, .string(key)), ("equals", .member(.identifier("Self"), "wireType"))))
            case .messageName(let key):
                return .expression(.method(reader, "readMessageName", (nil, .string(key))))
            case .stored(let field):
                let read: SwiftExpression =
                    if case .constant(let value) = field.type {
                        .method(reader, "read", (nil, .string(field.memberName)), ("equals", .string(value)))
                    } else {
                        .method(reader, field.isRequired ? "read" : "readIfPresent", (nil, .string(field.memberName)))
                    }
                return .assign(.identifier(FieldNames(field).property), read)
            }
        }
        body.append(.assign(.identifier("unknownFields"), .member(reader, "unreadMembers")))
        return SwiftFunction(
            "init", access: access, parameters: [.init(label: "reading", "reader", .runtime("JSONObjectReader"), isInout: true)], body: body)
    }

    /// `write(to:)`: one line per member, in spec order.
    private func writing(_ members: [Member]) -> SwiftFunction {
        let writer = SwiftExpression.identifier("writer")
        let body = members.map { member -> SwiftStatement in
            switch member {
            case .wireType(let key):
                return .expression(.method(writer, "write", (nil, .string(key)), (nil, .member(.identifier("Self"), "wireType"))))
            case .messageName(let key):
                return .expression(.method(writer, "writeMessageName", (nil, .string(key))))
            case .stored(let field):
                let property = SwiftExpression.identifier(FieldNames(field).property)
                if case .constant(let value) = field.type {
                    return .expression(.method(writer, "write", (nil, .string(field.memberName)), (nil, property), ("equals", .string(value))))
                }
                return .expression(.method(writer, field.isRequired ? "write" : "writeIfPresent", (nil, .string(field.memberName)), (nil, property)))
            }
        }
        return SwiftFunction(
            "write", access: access, parameters: [.init(label: "to", "writer", .runtime("JSONObjectWriter"), isInout: true)], body: body)
    }
}
