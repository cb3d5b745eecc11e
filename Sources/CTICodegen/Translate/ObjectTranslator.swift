import CTISpec

/// Turns an object's fields into a Codable struct that reads itself from JSON with every problem
/// reported, keeps unknown members, and writes itself back in spec order.
struct ObjectTranslator {
    let access: AccessLevel?

    /// The struct for an object named `name` with `fields`.
    func declaration(
        _ name: String, fields: [Field], doc: SwiftDocComment, extraMembers: [SwiftDeclaration] = []
    ) -> SwiftDeclaration {
        var members: [SwiftDeclaration] = extraMembers
        for field in fields {
            members.append(
                .property(SwiftProperty(field.swiftPropertyName, type: TypeMapping.swiftType(of: field), access: access, doc: DocText.field(field))))
        }
        members.append(
            .property(
                SwiftProperty(
                    "unknownFields", type: .named("JSONObject"), access: access,
                    doc: SwiftDocComment(["Members the spec does not define, kept so that they survive a decode and encode."]))))
        members.append(.function(memberwiseInit(fields)))
        members.append(.function(decodingInit(fields)))
        members.append(.property(encoding(fields)))
        members += fields.compactMap(nestedDeclaration)
        return .type(
            SwiftTypeDeclaration(.struct, name, access: access, conformances: ["JSONCodable", "Hashable"], doc: doc, members: members))
    }

    /// The object or enum a field declares, if any.
    func nestedDeclaration(for field: Field) -> SwiftDeclaration? {
        guard let declared = field.declaredType else { return nil }
        switch declared.type {
        case .object(let members):
            return declaration(declared.name, fields: members, doc: SwiftDocComment(["The value of `\(field.key)`."]))
        case .enumeration(let values):
            return EnumTranslator(access: access).declaration(declared.name, values: values, doc: SwiftDocComment(["The values of `\(field.key)`."]))
        default:
            return nil
        }
    }

    private func memberwiseInit(_ fields: [Field]) -> SwiftFunction {
        var parameters = fields.map { field in
            SwiftFunction.Parameter(
                field.swiftPropertyName, TypeMapping.swiftType(of: field),
                defaultValue: defaultValue(for: field))
        }
        parameters.append(.init("unknownFields", .named("JSONObject"), defaultValue: .call("JSONObject")))
        let body = (fields.map(\.swiftPropertyName) + ["unknownFields"]).map { name in
            SwiftStatement.assign(.member(.identifier("self"), name), .identifier(name))
        }
        return SwiftFunction(
            "init", access: access, parameters: parameters, body: body, doc: SwiftDocComment(["Creates a value from its members."]))
    }

    private func defaultValue(for field: Field) -> SwiftExpression? {
        if case .constant(let value) = field.type { return .string(value) }
        return field.isRequired ? nil : .nil
    }

    /// `init?(json:issues:)`: one pass over the members, a `switch` on the wire key.
    private func decodingInit(_ fields: [Field]) -> SwiftFunction {
        var body: [SwiftStatement] = [
            .guard(
                [.optionalBinding("jsonObject", .method(.identifier("JSONField"), "object", (nil, .identifier("json")), ("issues", .inoutArgument(.identifier("issues")))))],
                else: [.return(.nil)]),
            .let("issueCount", value: .member(.identifier("issues"), "count")),
        ]
        for field in fields {
            body.append(.var(field.swiftPropertyName, type: .optional(TypeMapping.swiftType(field.type, declaredName: field.declaredType?.name)), value: nil))
        }
        body.append(.var("unknownFields", value: .call("JSONObject")))
        var cases = fields.map { field in
            SwiftSwitchCase(
                [.string(field.memberName)],
                [.assign(.identifier(field.swiftPropertyName), read(field))])
        }
        cases.append(
            SwiftSwitchCase(
                [],
                [.expression(.method(.identifier("unknownFields"), "append", ("key", .member(.identifier("jsonMember"), "key")), ("value", .member(.identifier("jsonMember"), "value"))))]))
        let loopBody: [SwiftStatement] =
            fields.isEmpty
            ? [cases.last!.body[0]]
            : [.switch(.member(.identifier("jsonMember"), "key"), cases: cases)]
        body.append(.for("jsonMember", in: .identifier("jsonObject"), body: loopBody))
        for field in fields where field.isRequired {
            body.append(
                .expression(.method(.identifier("JSONField"), "require", (nil, .identifier(field.swiftPropertyName)), (nil, .string(field.memberName)), ("issues", .inoutArgument(.identifier("issues"))))))
        }
        var conditions: [SwiftCondition] = [.expression(.binary(.member(.identifier("issues"), "count"), "==", .identifier("issueCount")))]
        conditions += fields.filter(\.isRequired).map { .optionalBinding($0.swiftPropertyName, .identifier($0.swiftPropertyName)) }
        body.append(.guard(conditions, else: [.return(.nil)]))
        let arguments = (fields.map(\.swiftPropertyName) + ["unknownFields"]).map { name in
            SwiftExpression.Argument(name, .identifier(name))
        }
        body.append(.expression(.call(.member(.identifier("self"), "init"), arguments)))
        return SwiftFunction(
            "init?", access: access,
            parameters: [.init("json", .named("JSONValue")), .init("issues", .array(.named("ValidationIssue")), isInout: true)],
            body: body,
            doc: SwiftDocComment(["Reads the value, appending an issue for every problem; nil when there is any."]))
    }

    private func read(_ field: Field) -> SwiftExpression {
        let value = SwiftExpression.member(.identifier("jsonMember"), "value")
        let key = SwiftExpression.member(.identifier("jsonMember"), "key")
        let issues = SwiftExpression.inoutArgument(.identifier("issues"))
        if case .constant(let constant) = field.type {
            return .method(.identifier("JSONField"), "readConstant", (nil, value), ("equals", .string(constant)), ("at", key), ("issues", issues))
        }
        return .method(.identifier("JSONField"), field.isRequired ? "read" : "readOptional", (nil, value), ("at", key), ("issues", issues))
    }

    /// `var json`: members in spec order, then the unknown ones.
    private func encoding(_ fields: [Field]) -> SwiftProperty {
        var body: [SwiftStatement] = [.var("jsonObject", value: .call("JSONObject"))]
        for field in fields {
            let name = field.swiftPropertyName
            let append = { (value: SwiftExpression) in
                SwiftStatement.expression(
                    .method(.identifier("jsonObject"), "append", ("key", .string(field.memberName)), ("value", .member(value, "json"))))
            }
            body.append(field.isRequired ? append(.identifier(name)) : .if([.optionalBinding(name, .identifier(name))], then: [append(.identifier(name))], else: nil))
        }
        body.append(
            .for(
                "jsonMember", in: .identifier("unknownFields"),
                body: [.expression(.method(.identifier("jsonObject"), "append", ("key", .member(.identifier("jsonMember"), "key")), ("value", .member(.identifier("jsonMember"), "value"))))]))
        body.append(.return(.call(.dotMember("object"), [.init(nil, .identifier("jsonObject"))])))
        return SwiftProperty(
            "json", type: .named("JSONValue"), access: access, getter: body,
            doc: SwiftDocComment(["The value as JSON: the spec's members in spec order, then the unknown ones."]))
    }
}
