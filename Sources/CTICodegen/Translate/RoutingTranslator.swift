import CTISpec

/// The spec-wide routing file: the `ClientHandler` protocol that joins every destination's handler,
/// the router for it, FAILURE answers for unreadable messages, the bridge side's decoding of what the
/// client sends, an example handler and the conformance suite.
struct RoutingTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let spec: Spec
    private let destinations: [DestinationTranslator]
    /// The shape of answers: every answered kind is answered by the same response kind in this protocol.
    private let shape: ResponseShape?

    init(access: AccessLevel?, names: GeneratedNames, spec: Spec) {
        self.access = access
        self.names = names
        self.spec = spec
        destinations = spec.destinations.map { DestinationTranslator(access: access, names: names, spec: spec, destination: $0) }
        shape = spec.protocolDefinition.kinds.lazy.compactMap { ResponseShape(answering: $0, in: spec.protocolDefinition) }.first
    }

    func declarations() -> [SwiftDeclaration] {
        var result: [SwiftDeclaration] = [clientHandler(), routerInit()]
        if let shape { result.append(failureResponses(shape)) }
        result.append(clientMessage())
        result.append(exampleHandler())
        result.append(conformance())
        return result
    }

    private func clientHandler() -> SwiftDeclaration {
        .type(
            SwiftTypeDeclaration(
                .protocol, names.clientHandler, access: access,
                conformances: spec.destinations.isEmpty ? ["Swift.Sendable"] : spec.destinations.map(names.handler),
                doc: SwiftDocComment(["Answers every query and request of the spec: conform one type to it and give it to a `CTIRuntime.Router`."])))
    }

    private func routerInit() -> SwiftDeclaration {
        // `Session.clientRoutes(for: Handler.self)`; for several destinations `[A..., B...].flatMap(\.self)`
        // (a chain of `+` costs the type checker more with every destination); `[]` for none.
        let routeLists = spec.destinations.map { destination in
            SwiftExpression.method(.identifier(names.namespace(destination)), "clientRoutes", ("for", .member(.identifier("Handler"), "self")))
        }
        let routes: SwiftExpression =
            switch routeLists.count {
            case 0: .array([])
            case 1: routeLists[0]
            default: .method(.array(routeLists), "flatMap", (nil, .keyPath("self")))
            }
        // `CTIRuntime.VariantSelector("channel") { await $0.channelVariant(of: $1) }` for each destination with variants.
        let selectors = destinations.filter { !$0.variants.isEmpty }.map { translator in
            SwiftExpression.call(
                .runtime("VariantSelector"), [.init(nil, .string(translator.destination.name))],
                trailingClosure: SwiftClosure(
                    value: .await(.method(.identifier("$0"), names.variantSelector(translator.destination), ("of", .identifier("$1"))))))
        }
        let failure: SwiftExpression =
            shape == nil ? .closure(SwiftClosure(parameters: ["_", "_"], value: .nil)) : .member(.identifier(names.clientResponses), "failure(echoing:message:)")
        let initializer = SwiftFunction(
            "init", access: access,
            parameters: [
                .init("handler", .named("Handler")),
                .init("tracker", .runtime("InitializationTracker"), defaultValue: .call(.runtime("InitializationTracker"), [])),
                .init("limits", .runtime("JSONLimits"), defaultValue: .dotMember("default")),
            ],
            body: [
                .expression(
                    .call(
                        .member(.identifier("self"), "init"),
                        [
                            .init("handler", .identifier("handler")), .init("routes", routes),
                        ] + (selectors.isEmpty ? [] : [.init("variants", .array(selectors))]) + [
                            .init("tracker", .identifier("tracker")), .init("limits", .identifier("limits")),
                            .init("failureResponse", failure),
                        ]))
            ],
            doc: SwiftDocComment(["A router for every query and request of the spec. Share `tracker` with a `CTIRuntime.EventSender` so events wait for initialization."]))
        return .type(SwiftTypeDeclaration(.extension, "CTIRuntime.Router", whereClause: "Handler: \(names.clientHandler)", members: [.function(initializer)]))
    }

    private func failureResponses(_ shape: ResponseShape) -> SwiftDeclaration {
        let echoed = shape.echoed
        var conditions: [SwiftCondition] = [.optionalBinding("name", .method(.identifier("envelope"), "headerString", (nil, .string("name"))))]
        conditions += echoed.map { .optionalBinding(FieldNames($0).property, .method(.identifier("envelope"), "headerString", (nil, .string($0.key)))) }
        var arguments = echoed.map { field -> SwiftExpression.Argument in
            let property = FieldNames(field).property
            let value: SwiftExpression = field.type == .guid ? .call(.runtime("RequestID"), [.init("unchecked", .identifier(property))]) : .identifier(property)
            return .init(property, value)
        }
        arguments.append(.init(FieldNames(shape.status).property, .dotMember(SwiftNaming.propertyName(shape.failureValue))))
        arguments.append(.init(FieldNames(shape.message).property, .identifier("message")))
        let header = SwiftExpression.call(.identifier(names.header(shape.kind)), arguments)
        let function = SwiftFunction(
            "failure", access: access, isStatic: true,
            parameters: [.init(label: "echoing", "envelope", .runtime("Envelope")), .init("message", .standard("String"))],
            returnType: .optional(.runtime("Envelope")),
            body: [
                .guard(conditions, else: [.return(.nil)]),
                .let("header", value: header),
                .var("ignored", type: .array(.runtime("ValidationIssue")), value: .array([])),
                .return(
                    .call(
                        .runtime("Envelope"),
                        [.init("header", .method(.identifier("header"), "jsonObject", ("messageName", .identifier("name")), ("issues", .inoutArgument(.identifier("ignored")))))])),
            ],
            doc: SwiftDocComment([
                "A \(shape.failureValue) response that echoes the raw headers of a message that could not be read, as they came; nil when they are missing."
            ]))
        return .type(
            SwiftTypeDeclaration(
                .enum, names.clientResponses, access: access,
                doc: SwiftDocComment(["Answers for messages the router cannot read as a known, valid message."]), members: [.function(function)]))
    }

    private func clientMessage() -> SwiftDeclaration {
        var members: [SwiftDeclaration] = spec.destinations.map { destination in
            .enumCase(name: names.clientMessageCase(destination), associatedTypes: [.named("\(names.namespace(destination)).ClientMessage")], doc: .none)
        }
        var body: [SwiftStatement] = spec.destinations.map { destination in
            let namespace = names.namespace(destination)
            return .if(
                [.optionalBinding("message", .call(.identifier("\(namespace).ClientMessage"), [.init("envelope", .identifier("envelope")), .init("issues", .inoutArgument(.identifier("issues")))]))],
                then: [.assign(.identifier("self"), .call(.dotMember(names.clientMessageCase(destination)), [.init(nil, .identifier("message"))])), .return(nil)])
        }
        body.append(.return(.nil))
        members.append(
            .function(
                SwiftFunction(
                    "init?", access: access,
                    parameters: [.init("envelope", .runtime("Envelope")), .init("issues", .array(.runtime("ValidationIssue")), isInout: true)],
                    body: body,
                    doc: SwiftDocComment(["Reads what the client sent; nil with no issue when no destination defines it, nil with issues when it is invalid."]))))
        let envelopes = spec.destinations.map { destination in
            SwiftValueCase([.pattern(names.clientMessageCase(destination), bindings: ["message"])], .member(.identifier("message"), "envelope"))
        }
        members.append(
            .property(
                SwiftProperty(
                    "envelope", type: .runtime("Envelope"), access: access, getter: [.return(.switchValue(.identifier("self"), cases: envelopes))],
                    doc: SwiftDocComment(["The message as an envelope."]))))
        return .type(
            SwiftTypeDeclaration(
                .enum, names.clientMessage, access: access, conformances: ["Swift.Sendable", "Swift.Hashable"],
                doc: SwiftDocComment(["Everything a client sends, as the bridge side reads it, by destination."]), members: members))
    }

    private func exampleHandler() -> SwiftDeclaration {
        var members: [SwiftDeclaration] = [.function(SwiftFunction("init", access: access, body: [], doc: SwiftDocComment(["Creates the handler."])))]
        for translator in destinations {
            let namespace = names.namespace(translator.destination)
            if !translator.variants.isEmpty {
                members.append(.function(translator.exampleVariantSelector(access: access)))
            }
            for message in translator.requests {
                let typeName = "\(namespace).\(message.swiftTypeName(in: translator.destination))"
                let body: [SwiftStatement] =
                    DestinationTranslator.answersWithoutBody(message) ? [] : [.return(.try(.method(.identifier(typeName), "exampleResponseBody")))]
                members.append(.function(translator.handlerMethod(for: message, access: access, body: body)))
            }
        }
        return .type(
            SwiftTypeDeclaration(
                .struct, names.exampleClientHandler, access: access, conformances: [names.clientHandler],
                doc: SwiftDocComment([
                    "A handler that answers every query and request with the spec's example response: for tests, demos and the conformance suite."
                        + (destinations.contains { !$0.variants.isEmpty } ? " A target is of the variant whose examples are addressed to it." : "")
                ]),
                members: members))
    }

    /// `ClientConformance`: every request from its example through a router with the user's handler, and
    /// every event through the initialization gate, driven by two tables of the spec's message types.
    private func conformance() -> SwiftDeclaration {
        var requests: [SwiftExpression] = []
        var events: [SwiftExpression] = []
        for translator in destinations {
            let namespace = names.namespace(translator.destination)
            for message in translator.requests {
                requests.append(.member(.identifier("\(namespace).\(message.swiftTypeName(in: translator.destination))"), "self"))
            }
            for entry in translator.clientMessages where entry.role == .event {
                events.append(.member(.identifier("\(namespace).\(entry.typeName)"), "self"))
            }
        }
        let members: [SwiftDeclaration] = [
            .property(SwiftProperty("handler", type: .named("Handler"), isMutable: false, access: access, doc: SwiftDocComment(["The handler under test."]))),
            .function(
                SwiftFunction(
                    "init", access: access, parameters: [.init("handler", .named("Handler"))],
                    body: [.assign(.member(.identifier("self"), "handler"), .identifier("handler"))], doc: SwiftDocComment(["Creates a suite for a handler."]))),
            .function(
                SwiftFunction(
                    "run", access: access, isAsync: true, returnType: .array(.standard("String")),
                    body: [
                        .return(
                            .await(
                                .method(
                                    .runtime("ConformanceChecks"), "run", (nil, .call("CTIRuntime.Router", ("handler", .identifier("handler")))),
                                    ("requests", .member(.identifier("Self"), "requests")), ("events", .member(.identifier("Self"), "events")))))
                    ],
                    doc: SwiftDocComment([
                        "Sends every query and request of the spec, built from its example, and reports each broken promise: a response that does not echo the request's header, an invalid response, an invalid body answered as a success, an event sent before its destination is initialized. Empty when the handler keeps every promise."
                    ]))),
            .property(
                SwiftProperty(
                    "requests", type: .array(.named("any CTIRuntime.CTIRequest.Type")), isStatic: true, access: access,
                    getter: [.return(.array(requests))], doc: SwiftDocComment(["Every query and request of the spec, in spec order."]))),
            .property(
                SwiftProperty(
                    "events", type: .array(.named("any CTIRuntime.CTIEvent.Type")), isStatic: true, access: access,
                    getter: [.return(.array(events))], doc: SwiftDocComment(["Every event of the spec, in spec order."]))),
        ]
        return .type(
            SwiftTypeDeclaration(
                .struct, names.clientConformance, genericParameters: ["Handler: \(names.clientHandler)"], access: access,
                conformances: ["Swift.Sendable"],
                doc: SwiftDocComment(["The protocol's promises, checked against your handler: `#expect(await ClientConformance(handler: MyHandler()).run() == [])`."]),
                members: members))
    }
}
