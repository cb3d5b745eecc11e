import CTISpec

/// Turns one destination into its file's declarations: the namespace, every message, the handler
/// protocol the client implements, its routes, and the decoding of what the client sends.
struct DestinationTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let spec: Spec
    let destination: Destination

    private var namespace: String { names.namespace(destination) }

    func declarations() -> [SwiftDeclaration] {
        var result: [SwiftDeclaration] = [namespaceDeclaration()]
        if !destination.types.isEmpty {
            result.append(.mark("Types"))
            result.append(.type(SwiftTypeDeclaration(.extension, namespace, members: destination.types.map(namedTypeDeclaration))))
        }
        let messages = MessageTranslator(access: access, names: names, spec: spec, destination: destination)
        for message in destination.messages {
            result.append(.mark(message.displayName))
            result.append(.type(SwiftTypeDeclaration(.extension, namespace, members: messages.declarations(for: message))))
        }
        result.append(.mark("Routing"))
        result.append(handlerProtocol())
        result.append(.type(SwiftTypeDeclaration(.extension, namespace, members: [.function(routes()), clientMessageEnum()])))
        return result
    }

    /// The requests the client answers, in spec order.
    var requests: [Message] {
        destination.messages.filter { message in
            message.name != nil && message.response != nil
                && spec.protocolDefinition.kind(message.kind).flatMap { ResponseShape(answering: $0, in: spec.protocolDefinition) } != nil
        }
    }

    /// What the client sends: responses to the requests, then its own messages (events, warnings, errors).
    var clientMessages: [(caseName: String, typeName: String, message: Message, isResponse: Bool)] {
        var result: [(String, String, Message, Bool)] = requests.map { message in
            let typeName = message.swiftResponseTypeName(in: destination)
            return (lowerFirst(typeName), typeName, message, true)
        }
        for message in destination.messages where spec.protocolDefinition.kind(message.kind)?.sender == .client {
            let typeName = message.swiftTypeName(in: destination)
            result.append((lowerFirst(typeName), typeName, message, false))
        }
        return result
    }

    /// `handleCreateChannelGroup`.
    static func handlerMethodName(_ message: Message, in destination: Destination) -> String {
        "handle" + message.swiftBaseName(in: destination)
    }

    /// `SessionHandler`.
    var handlerName: String { namespace + "Handler" }

    /// A named type: a struct for an object, an open enum for listed values (the checker allows no other).
    private func namedTypeDeclaration(_ named: NamedType) -> SwiftDeclaration {
        let doc = SwiftDocComment([DocText.summary(named.summary)])
        if case .enumeration(let values) = named.type {
            return EnumTranslator(access: access).declaration(named.name, values: values, doc: doc)
        }
        guard case .object(let fields) = named.type else { return .comment(["\(named.name): not an object or enum"]) }
        return ObjectTranslator(access: access).declaration(named.name, fields: fields, doc: doc)
    }

    private func namespaceDeclaration() -> SwiftDeclaration {
        var doc = [destination.title + ".", DocText.summary(destination.summary)]
        if let initQuery = destination.initQuery {
            doc.append("Initialized by `\(initQuery.name)`: no event of the destination may be sent before it has been answered.")
        }
        doc += destination.errata.map(DocText.erratum)
        return .type(SwiftTypeDeclaration(.enum, namespace, access: access, doc: SwiftDocComment(doc)))
    }

    private func handlerProtocol() -> SwiftDeclaration {
        let members: [SwiftDeclaration] = requests.map { message in
            let typeName = "\(namespace).\(message.swiftTypeName(in: destination))"
            let bodyIsEmpty = message.response?.body.fields.isEmpty ?? true
            var doc = [DocText.summary(message.summary)]
            doc.append(bodyIsEmpty ? "Return to answer SUCCESS; throw (``CTIFailure`` for a chosen message) to answer FAILURE." : "Return the response body to answer SUCCESS; throw (``CTIFailure`` for a chosen message) to answer FAILURE.")
            return .function(
                SwiftFunction(
                    Self.handlerMethodName(message, in: destination), parameters: [.init(label: "_", lowerFirst(message.kind.rawValue), .named(typeName))],
                    isAsync: true, isThrowing: true,
                    returnType: bodyIsEmpty ? nil : .named("\(namespace).\(message.swiftResponseTypeName(in: destination)).Body"),
                    body: nil, doc: SwiftDocComment(doc)))
        }
        return .type(
            SwiftTypeDeclaration(
                .protocol, handlerName, access: access, conformances: ["Sendable"],
                doc: SwiftDocComment(["Answers the queries and requests the bridge sends to the \(destination.name) destination: one method each, so a message added to the spec does not compile until it is handled."]),
                members: members))
    }

    private func routes() -> SwiftFunction {
        let elements: [SwiftExpression] = requests.compactMap { message in
            guard let kind = spec.protocolDefinition.kind(message.kind) else { return nil }
            let call = SwiftExpression.method(.identifier("handler"), Self.handlerMethodName(message, in: destination), (nil, .identifier("message")))
            return .call(
                .identifier("ClientRoute"),
                [.init(nil, .member(.identifier(message.swiftTypeName(in: destination)), "self")), .init("wireType", .string(kind.wireType))],
                trailingClosure: SwiftClosure(parameters: ["handler", "message"], body: [.return(.try(.await(call)))]))
        }
        return SwiftFunction(
            "clientRoutes", access: access, isStatic: true,
            parameters: [.init(label: "for", "handler", .named("Handler.Type"))],
            returnType: .array(.named("ClientRoute<Handler>")),
            body: [.return(.array(elements))],
            doc: SwiftDocComment(["The routes of this destination's queries and requests, for a ``Router``."]))
        .withGeneric("Handler: \(handlerName)")
    }

    private func clientMessageEnum() -> SwiftDeclaration {
        let messages = clientMessages
        var members: [SwiftDeclaration] = messages.map { entry in
            .enumCase(name: entry.caseName, associatedTypes: [.named(entry.typeName)], rawValue: nil, doc: .none)
        }
        members.append(.function(clientMessageInit(messages)))
        members.append(.property(clientMessageEnvelope(messages)))
        return .type(
            SwiftTypeDeclaration(
                .enum, "ClientMessage", access: access, conformances: ["Sendable", "Hashable"],
                doc: SwiftDocComment(["What the client sends to the \(destination.name) destination, as the bridge side reads it: responses, events, warnings and errors."]),
                members: members))
    }

    private func clientMessageInit(_ messages: [(caseName: String, typeName: String, message: Message, isResponse: Bool)]) -> SwiftFunction {
        let issues = SwiftExpression.inoutArgument(.identifier("issues"))
        var cases: [SwiftSwitchCase] = []
        var typeOnly: [SwiftSwitchCase] = []
        for entry in messages {
            guard let kind = spec.protocolDefinition.kind(entry.message.kind) else { continue }
            let wireType = entry.isResponse ? ResponseShape(answering: kind, in: spec.protocolDefinition)?.kind.wireType ?? "" : kind.wireType
            let read: [SwiftStatement] = [
                .guard(
                    [.optionalBinding("message", .call(.identifier(entry.typeName), [.init("envelope", .identifier("envelope")), .init("issues", issues)]))],
                    else: [.return(.nil)]),
                .assign(.identifier("self"), .call(.dotMember(entry.caseName), [.init(nil, .identifier("message"))])),
                .return(nil),
            ]
            if let name = entry.message.name {
                cases.append(SwiftSwitchCase([.string(wireType + " " + name)], read))
            } else {
                typeOnly.append(SwiftSwitchCase([.string(wireType)], read))
            }
        }
        var body: [SwiftStatement] = [
            .let("type", value: .binary(.method(.identifier("envelope"), "headerString", (nil, .string("type"))), "??", .string(""))),
            .let("name", value: .binary(.method(.identifier("envelope"), "headerString", (nil, .string("name"))), "??", .string(""))),
            .switch(.binary(.binary(.identifier("type"), "+", .string(" ")), "+", .identifier("name")), cases: cases + [SwiftSwitchCase([], [])]),
        ]
        if !typeOnly.isEmpty {
            body.append(.switch(.identifier("type"), cases: typeOnly + [SwiftSwitchCase([], [])]))
        }
        body.append(.return(.nil))
        return SwiftFunction(
            "init?", access: access,
            parameters: [.init("envelope", .named("Envelope")), .init("issues", .array(.named("ValidationIssue")), isInout: true)],
            body: body,
            doc: SwiftDocComment(["Reads a message of this destination by its `type` and `name`; nil with no issue when it is not one of them, nil with issues when it is one but invalid."]))
    }

    private func clientMessageEnvelope(_ messages: [(caseName: String, typeName: String, message: Message, isResponse: Bool)]) -> SwiftProperty {
        let cases = messages.map { entry in
            SwiftSwitchCase([.pattern(entry.caseName, bindings: ["message"])], [.return(.member(.identifier("message"), "envelope"))])
        }
        return SwiftProperty(
            "envelope", type: .named("Envelope"), access: access,
            getter: [.switch(.identifier("self"), cases: cases)], doc: SwiftDocComment(["The message as an envelope."]))
    }

    private func lowerFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}
