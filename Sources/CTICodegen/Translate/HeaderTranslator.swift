import CTISpec

/// Turns each message kind of the protocol file into a header struct: the stored header fields,
/// reading with `type` and `name` checked, writing in the kind's order, and the protocol's rules.
struct HeaderTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let protocolDefinition: ProtocolDefinition

    /// Whether messages of a kind have a fixed name (checked on reading) rather than a stored one.
    static func hasFixedName(_ kind: MessageKind) -> Bool {
        kind.headerField("name")?.type == .messageName
    }

    func declaration(for kind: MessageKind) -> SwiftDeclaration {
        let stored = kind.header.filter(ResponseShape.isStored)
        var members: [SwiftDeclaration] = [
            .property(
                SwiftProperty(
                    "wireType", type: nil, isMutable: false, isStatic: true, access: access,
                    value: .string(kind.wireType), doc: SwiftDocComment(["The `header.type` of every \(kind.id.rawValue)."])))
        ]
        members += stored.map { field in
            .property(SwiftProperty(field.swiftPropertyName, type: headerType(of: field), access: access, doc: DocText.field(field)))
        }
        members.append(
            .property(
                SwiftProperty(
                    "unknownFields", type: .named("JSONObject"), access: access,
                    doc: SwiftDocComment(["Header members the spec does not define, kept so that they survive a round trip."]))))
        members.append(.function(memberwiseInit(stored)))
        members.append(.function(decodingInit(kind, stored: stored)))
        members.append(.function(encoding(kind, stored: stored)))
        members.append(.function(validation(kind, stored: stored)))
        members += stored.compactMap { ObjectTranslator(access: access).nestedDeclaration(for: $0) }
        let summary = kind.summary.isEmpty ? [] : [DocText.summary(kind.summary)]
        let sender = "Sent by the \(kind.sender.rawValue)" + (kind.answeredBy.map { "; answered by a \($0.rawValue)." } ?? ".")
        return .type(
            SwiftTypeDeclaration(
                .struct, names.header(kind), access: access, conformances: ["Sendable", "Hashable"],
                doc: SwiftDocComment(["The header of a `\(kind.wireType)` message."] + summary + [sender]), members: members))
    }

    private func headerType(of field: Field) -> SwiftType {
        let type: SwiftType = field.type == .guid ? .named("RequestID") : TypeMapping.swiftType(field.type, declaredName: field.declaredType?.name)
        return field.isRequired ? type : .optional(type)
    }

    private func memberwiseInit(_ stored: [Field]) -> SwiftFunction {
        var parameters = stored.map { field in
            SwiftFunction.Parameter(field.swiftPropertyName, headerType(of: field), defaultValue: field.isRequired ? nil : .nil)
        }
        parameters.append(.init("unknownFields", .named("JSONObject"), defaultValue: .call("JSONObject")))
        let body = (stored.map(\.swiftPropertyName) + ["unknownFields"]).map { name in
            SwiftStatement.assign(.member(.identifier("self"), name), .identifier(name))
        }
        return SwiftFunction("init", access: access, parameters: parameters, body: body, doc: SwiftDocComment(["Creates a header."]))
    }

    private func decodingInit(_ kind: MessageKind, stored: [Field]) -> SwiftFunction {
        let fixedName = Self.hasFixedName(kind)
        let issues = SwiftExpression.inoutArgument(.identifier("issues"))
        let member = SwiftExpression.identifier("jsonMember")
        var body: [SwiftStatement] = [
            .guard([.optionalBinding("jsonObject", .method(.identifier("JSONField"), "object", (nil, .identifier("json")), ("issues", issues)))], else: [.return(.nil)]),
            .let("issueCount", value: .member(.identifier("issues"), "count")),
        ]
        for field in kind.header {
            let type: SwiftType = ResponseShape.isStored(field) ? .optional(headerType(of: field).unwrapped) : .optional(.named("String"))
            body.append(.var(localName(field), type: type, value: nil))
        }
        body.append(.var("unknownFields", value: .call("JSONObject")))
        var cases: [SwiftSwitchCase] = kind.header.map { field in
            let value: SwiftExpression
            switch field.type {
            case .wireType:
                value = .method(.identifier("JSONField"), "readConstant", (nil, .member(member, "value")), ("equals", .member(.identifier("Self"), "wireType")), ("at", .string(field.key)), ("issues", issues))
            case .messageName:
                value = .method(.identifier("JSONField"), "readConstant", (nil, .member(member, "value")), ("equals", .identifier("name")), ("at", .string(field.key)), ("issues", issues))
            default:
                value = .method(.identifier("JSONField"), field.isRequired ? "read" : "readOptional", (nil, .member(member, "value")), ("at", .string(field.key)), ("issues", issues))
            }
            return SwiftSwitchCase([.string(field.key)], [.assign(.identifier(localName(field)), value)])
        }
        cases.append(SwiftSwitchCase([], [.expression(.method(.identifier("unknownFields"), "append", ("key", .member(member, "key")), ("value", .member(member, "value"))))]))
        body.append(.for("jsonMember", in: .identifier("jsonObject"), body: [.switch(.member(member, "key"), cases: cases)]))
        for field in kind.header where field.isRequired {
            body.append(.expression(.method(.identifier("JSONField"), "require", (nil, .identifier(localName(field))), (nil, .string(field.key)), ("issues", issues))))
        }
        var conditions: [SwiftCondition] = [.expression(.binary(.member(.identifier("issues"), "count"), "==", .identifier("issueCount")))]
        conditions += stored.filter(\.isRequired).map { .optionalBinding(localName($0), .identifier(localName($0))) }
        body.append(.guard(conditions, else: [.return(.nil)]))
        let arguments = stored.map { SwiftExpression.Argument($0.swiftPropertyName, .identifier(localName($0))) } + [.init("unknownFields", .identifier("unknownFields"))]
        body.append(.expression(.call(.member(.identifier("self"), "init"), arguments)))
        body.append(.let("problems", value: .call(.identifier("validate"), [])))
        body.append(.if([.expression(.not(.member(.identifier("problems"), "isEmpty")))], then: [.expression(.binary(.identifier("issues"), "+=", .identifier("problems"))), .return(.nil)], else: nil))
        var parameters: [SwiftFunction.Parameter] = [.init("json", .named("JSONValue"))]
        if fixedName { parameters.append(.init("name", .named("String"))) }
        parameters.append(.init("issues", .array(.named("ValidationIssue")), isInout: true))
        let doc = fixedName
            ? "Reads the header of the message named `name`: `type` and `name` must match, every problem is appended to `issues`."
            : "Reads a header: `type` must match, every problem is appended to `issues`."
        return SwiftFunction("init?", access: access, parameters: parameters, body: body, doc: SwiftDocComment([doc]))
    }

    /// Locals are named after the wire key so that `type` and `name` (not stored) have names too.
    private func localName(_ field: Field) -> String {
        ResponseShape.isStored(field) ? field.swiftPropertyName : SwiftNaming.propertyName(field.key) + "Value"
    }

    private func encoding(_ kind: MessageKind, stored: [Field]) -> SwiftFunction {
        var body: [SwiftStatement] = [.var("jsonObject", value: .call("JSONObject"))]
        for field in kind.header {
            let value: SwiftExpression
            switch field.type {
            case .wireType: value = .call(.dotMember("string"), [.init(nil, .member(.identifier("Self"), "wireType"))])
            case .messageName: value = .call(.dotMember("string"), [.init(nil, .identifier("name"))])
            default: value = .member(.identifier(field.swiftPropertyName), "json")
            }
            let append = SwiftStatement.expression(.method(.identifier("jsonObject"), "append", ("key", .string(field.key)), ("value", value)))
            if ResponseShape.isStored(field), !field.isRequired {
                body.append(.if([.optionalBinding(field.swiftPropertyName, .identifier(field.swiftPropertyName))], then: [append], else: nil))
            } else {
                body.append(append)
            }
        }
        body.append(.for("jsonMember", in: .identifier("unknownFields"), body: [.expression(.method(.identifier("jsonObject"), "append", ("key", .member(.identifier("jsonMember"), "key")), ("value", .member(.identifier("jsonMember"), "value"))))]))
        body.append(.return(.identifier("jsonObject")))
        let fixedName = Self.hasFixedName(kind)
        return SwiftFunction(
            "json", access: access, parameters: fixedName ? [.init(label: "name", "name", .named("String"))] : [],
            returnType: .named("JSONObject"), body: body,
            doc: SwiftDocComment([fixedName ? "The header of the message named `name`, as JSON, in the kind's order." : "The header as JSON, in the kind's order."]))
    }

    /// `validate()`: GUID form of stored GUIDs, and each protocol rule that applies to this kind.
    private func validation(_ kind: MessageKind, stored: [Field]) -> SwiftFunction {
        var body: [SwiftStatement] = []
        for field in stored where field.type == .guid {
            let name = field.swiftPropertyName
            let check: (SwiftExpression) -> SwiftStatement = { value in
                .if(
                    [.expression(.not(.method(.identifier("RequestID"), "isGUID", (nil, .member(value, "rawValue")))))],
                    then: [.expression(.method(.identifier("issues"), "append", (nil, .call("ValidationIssue", ("path", .array([.call(.dotMember("key"), [.init(nil, .string(field.key))])])), ("message", .string("not a GUID (8-4-4-4-12 hex digits, optionally in braces)"))))))],
                    else: nil)
            }
            body.append(field.isRequired ? check(.identifier(name)) : .if([.optionalBinding(name, .identifier(name))], then: [check(.identifier(name))], else: nil))
        }
        for rule in protocolDefinition.rules {
            guard let condition = rule.when, let required = rule.require,
                let conditionField = kind.headerField(condition.key), let requiredField = kind.headerField(required),
                !requiredField.isRequired, ResponseShape.isStored(conditionField)
            else { continue }
            var subject: SwiftExpression = .identifier(conditionField.swiftPropertyName)
            if !conditionField.isRequired { subject = .optionalChain(subject) }
            if case .enumeration = conditionField.type { subject = .member(subject, "rawValue") }
            body.append(
                .if(
                    [.expression(.binary(subject, "==", .string(condition.equals))), .expression(.binary(.identifier(requiredField.swiftPropertyName), "==", .nil))],
                    then: [.expression(.method(.identifier("issues"), "append", (nil, .call("ValidationIssue", ("path", .array([.call(.dotMember("key"), [.init(nil, .string(required))])])), ("message", .string("required when \(condition.key) is \(condition.equals) (\(rule.summary))"))))))],
                    else: nil))
        }
        body = body.isEmpty
            ? [.return(.array([]))]
            : [.var("issues", type: .array(.named("ValidationIssue")), value: .array([]))] + body + [.return(.identifier("issues"))]
        return SwiftFunction(
            "validate", access: access, returnType: .array(.named("ValidationIssue")), body: body,
            doc: SwiftDocComment(["The protocol rules this header breaks; empty when it is valid."]))
    }
}

extension SwiftType {
    /// The type without one level of optional.
    var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }
}
