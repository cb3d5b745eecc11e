import CTISpec

/// Turns each message kind of the protocol file into its header struct: the stored header fields
/// (an object like any other, with `type` and `name` read and written in their place), an example,
/// the protocol's rules, and what the runtime's header protocols need: the response a query or
/// request is answered with, whether a response reports a failure.
struct HeaderTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let protocolDefinition: ProtocolDefinition

    /// Whether messages of a kind have a fixed name (checked on reading) rather than a stored one.
    static func hasFixedName(_ kind: MessageKind) -> Bool {
        kind.headerField("name")?.type == .messageName
    }

    func declaration(for kind: MessageKind) -> SwiftDeclaration {
        let members: [ObjectTranslator.Member] = kind.header.map { field in
            switch field.type {
            case .wireType: .wireType(key: field.key)
            case .messageName: .messageName(key: field.key)
            default: .stored(field)
            }
        }
        let leading: [SwiftDeclaration] = [
            .property(SwiftProperty("wireType", type: nil, isMutable: false, isStatic: true, access: access, value: .string(kind.wireType)))
        ]
        var extras: [SwiftDeclaration] = [
            .property(
                SwiftProperty(
                    "example", type: .named("Self"), isStatic: true, access: access, getter: [.return(example(kind))],
                    doc: SwiftDocComment(["A header with an example value in every required member."]))),
        ]
        let shape = ResponseShape(answering: kind, in: protocolDefinition)
        let answeredShape = protocolDefinition.kinds.lazy.compactMap { ResponseShape(answering: $0, in: protocolDefinition) }
            .first { $0.kind.id == kind.id }
        var conformance = "CTIRuntime.CTIHeader"
        if let shape {
            conformance = "CTIRuntime.CTIRequestHeader"
            extras.append(.function(answer(shape)))
        } else if let answeredShape {
            conformance = "CTIRuntime.CTIResponseHeader"
            extras.append(
                .property(
                    SwiftProperty(
                        "failureCondition", type: nil, isMutable: false, isStatic: true, access: access,
                        value: .string("\(answeredShape.status.key) is \(answeredShape.failureValue)"))))
            extras.append(.property(SwiftProperty("isFailure", type: .standard("Bool"), access: access, getter: [.return(isFailure(answeredShape))])))
        } else if kind.id == .event {
            conformance = "CTIRuntime.CTIEventHeader"
        }
        if let validation = validation(kind) { extras.append(.function(validation)) }
        let summary = kind.summary.isEmpty ? [] : [DocText.summary(kind.summary)]
        let sender = "Sent by the \(kind.sender.rawValue)" + (kind.answeredBy.map { "; answered by a \($0.rawValue)." } ?? ".")
        return ObjectTranslator(access: access, types: TypeMapping(namespace: nil, guidType: "RequestID")).declaration(
            names.header(kind), members: members, conformance: conformance,
            doc: SwiftDocComment(["The header of a `\(kind.wireType)` message."] + summary + [sender]), leading: leading, support: extras)
    }

    /// `Self(...)` with the kind's ``HeaderExample`` values of its stored fields.
    private func example(_ kind: MessageKind) -> SwiftExpression {
        let arguments = HeaderExample.values(of: kind, in: protocolDefinition).filter { ResponseShape.isStored($0.field) }.map {
            field, value -> SwiftExpression.Argument in
            let expression: SwiftExpression =
                switch (field.type, value) {
                case (.guid, .string(let text)): .call(.runtime("RequestID"), [.init("unchecked", .string(text))])
                case (.enumeration, .string(let text)): .dotMember(SwiftNaming.propertyName(text))
                case (_, .bool(let flag)): .boolean(flag)
                case (_, .integer(let number)): .integer(number)
                case (_, .string(let text)): .string(text)
                default: .nil
                }
            return .init(FieldNames(field).property, expression)
        }
        return .call(.identifier("Self"), arguments)
    }

    /// `answer(_:)`: the response header that echoes this header's shared members, with the outcome.
    private func answer(_ shape: ResponseShape) -> SwiftFunction {
        func header(_ outcome: String, message: SwiftExpression?) -> SwiftExpression {
            var arguments = shape.echoed.map { field -> SwiftExpression.Argument in
                let property = FieldNames(field).property
                return .init(property, .identifier(property))
            }
            arguments.append(.init(FieldNames(shape.status).property, .dotMember(SwiftNaming.propertyName(outcome))))
            if let message { arguments.append(.init(FieldNames(shape.message).property, message)) }
            return .call(.identifier(names.header(shape.kind)), arguments)
        }
        let outcome = SwiftExpression.switchValue(
            .identifier("outcome"),
            cases: [
                SwiftValueCase([.dotMember("success")], header(shape.successValue, message: nil)),
                SwiftValueCase([.pattern("failure", bindings: ["message"])], header(shape.failureValue, message: .identifier("message"))),
            ])
        return SwiftFunction(
            "answer", access: access, parameters: [.init(label: "_", "outcome", .runtime("CTIOutcome"))],
            returnType: .named(names.header(shape.kind)), body: [.return(outcome)])
    }

    /// `isFailure`: the status field has the failure value.
    private func isFailure(_ shape: ResponseShape) -> SwiftExpression {
        .binary(.identifier(FieldNames(shape.status).property), "==", .dotMember(SwiftNaming.propertyName(shape.failureValue)))
    }

    /// `validate()`: each protocol rule across members that applies to the kind (a value's own form is
    /// checked when it is read or written); nil when there is none (the runtime's default finds no issue).
    private func validation(_ kind: MessageKind) -> SwiftFunction? {
        let issues = SwiftExpression.identifier("issues")
        var checks: [SwiftStatement] = []
        for rule in protocolDefinition.rules {
            guard let condition = rule.when, let required = rule.require,
                let conditionField = kind.headerField(condition.key), let requiredField = kind.headerField(required),
                !requiredField.isRequired, ResponseShape.isStored(conditionField)
            else { continue }
            let subject = SwiftExpression.identifier(FieldNames(conditionField).property)
            let value: SwiftExpression =
                if case .enumeration = conditionField.type { .dotMember(SwiftNaming.propertyName(condition.equals)) } else { .string(condition.equals) }
            let holds = SwiftExpression.binary(
                .binary(subject, "!=", value), "||",
                .binary(.identifier(FieldNames(requiredField).property), "!=", .nil))
            checks.append(
                .expression(
                    .method(issues, "check", (nil, holds), ("at", .string(required)), (nil, .string("required when \(condition.key) is \(condition.equals) (\(rule.summary))")))))
        }
        guard !checks.isEmpty else { return nil }
        return SwiftFunction(
            "validate", access: access, returnType: .array(.runtime("ValidationIssue")),
            body: [.var("issues", type: .array(.runtime("ValidationIssue")), value: .array([]))] + checks + [.return(issues)])
    }
}
