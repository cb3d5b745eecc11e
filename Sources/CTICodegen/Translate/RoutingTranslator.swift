import CTISpec

/// The spec-wide routing file: the `ClientHandler` protocol that joins every destination's
/// handler, the router for it, FAILURE answers for unreadable messages, the bridge side's decoding
/// of what the client sends, an example handler and the conformance suite.
struct RoutingTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let spec: Spec

    private var destinations: [DestinationTranslator] {
        spec.destinations.map { DestinationTranslator(access: access, names: names, spec: spec, destination: $0) }
    }

    /// The shape of answers: every inbound kind is answered by the same response kind in this protocol.
    private var shape: ResponseShape? {
        spec.protocolDefinition.kinds.lazy.compactMap { ResponseShape(answering: $0, in: self.spec.protocolDefinition) }.first
    }

    func declarations() -> [SwiftDeclaration] {
        var result: [SwiftDeclaration] = [clientHandler(), routerInit()]
        if let shape { result.append(failureResponses(shape)) }
        result.append(clientMessage())
        result.append(exampleHandler())
        if let shape { result.append(conformance(shape)) }
        return result
    }

    private func clientHandler() -> SwiftDeclaration {
        .type(
            SwiftTypeDeclaration(
                .protocol, names.clientHandler, access: access,
                conformances: destinations.isEmpty ? ["Sendable"] : destinations.map(\.handlerName),
                doc: SwiftDocComment(["Answers every query and request of the spec: conform one type to it and give it to a ``Router``."])))
    }

    private func routerInit() -> SwiftDeclaration {
        // `Session.clientRoutes(for: Handler.self)`; for several destinations `[A..., B...].flatMap(\.self)`
        // (a chain of `+` costs the type checker more with every destination); `[]` for none.
        let routeLists = destinations.map { translator in
            SwiftExpression.method(.identifier(names.namespace(translator.destination)), "clientRoutes", ("for", .member(.identifier("Handler"), "self")))
        }
        let routes: SwiftExpression =
            switch routeLists.count {
            case 0: .array([])
            case 1: routeLists[0]
            default: .method(.array(routeLists), "flatMap", (nil, .keyPath("self")))
            }
        let failure: SwiftExpression = shape == nil ? .closure(SwiftClosure(parameters: ["_", "_"], body: [.return(.nil)])) : .member(.identifier(names.clientResponses), "failure(echoing:message:)")
        let initializer = SwiftFunction(
            "init", access: access,
            parameters: [
                .init("handler", .named("Handler")),
                .init("tracker", .named("InitializationTracker"), defaultValue: .call("InitializationTracker")),
                .init("limits", .named("JSONLimits"), defaultValue: .member(.identifier("JSONLimits"), "default")),
            ],
            body: [
                .expression(
                    .call(
                        .member(.identifier("self"), "init"),
                        [.init("handler", .identifier("handler")), .init("routes", routes), .init("tracker", .identifier("tracker")), .init("limits", .identifier("limits")), .init("failureResponse", failure)]))
            ],
            doc: SwiftDocComment(["A router for every query and request of the spec. Share `tracker` with an ``EventSender`` so events wait for initialization."]))
        return .type(SwiftTypeDeclaration(.extension, "Router", whereClause: "Handler: \(names.clientHandler)", members: [.function(initializer)]))
    }

    private func failureResponses(_ shape: ResponseShape) -> SwiftDeclaration {
        let echoed = shape.echoed
        var conditions: [SwiftCondition] = [.optionalBinding("name", .method(.identifier("envelope"), "headerString", (nil, .string("name"))))]
        conditions += echoed.map { .optionalBinding($0.swiftPropertyName, .method(.identifier("envelope"), "headerString", (nil, .string($0.key)))) }
        var arguments = echoed.map { field -> SwiftExpression.Argument in
            let value: SwiftExpression = field.type == .guid ? .call("RequestID", ("unchecked", .identifier(field.swiftPropertyName))) : .identifier(field.swiftPropertyName)
            return .init(field.swiftPropertyName, value)
        }
        arguments.append(.init(shape.status.swiftPropertyName, .dotMember(SwiftNaming.propertyName(shape.failureValue))))
        arguments.append(.init(shape.message.swiftPropertyName, .identifier("message")))
        let header = SwiftExpression.call(.identifier(names.header(shape.kind)), arguments)
        let function = SwiftFunction(
            "failure", access: access, isStatic: true,
            parameters: [.init(label: "echoing", "envelope", .named("Envelope")), .init("message", .named("String"))],
            returnType: .optional(.named("Envelope")),
            body: [
                .guard(conditions, else: [.return(.nil)]),
                .return(.call("Envelope", ("header", .method(header, "json", ("name", .identifier("name")))))),
            ],
            doc: SwiftDocComment(["A \(shape.failureValue) response that echoes the raw headers of a message that could not be read; nil when they are missing."]))
        return .type(
            SwiftTypeDeclaration(
                .enum, names.clientResponses, access: access,
                doc: SwiftDocComment(["Answers for messages the router cannot read as a known, valid message."]), members: [.function(function)]))
    }

    private func clientMessage() -> SwiftDeclaration {
        var members: [SwiftDeclaration] = destinations.map { translator in
            .enumCase(
                name: names.clientMessageCase(translator.destination), associatedTypes: [.named("\(names.namespace(translator.destination)).ClientMessage")],
                rawValue: nil, doc: .none)
        }
        var body: [SwiftStatement] = destinations.map { translator in
            let namespace = names.namespace(translator.destination)
            return .if(
                [.optionalBinding("message", .call(.identifier("\(namespace).ClientMessage"), [.init("envelope", .identifier("envelope")), .init("issues", .inoutArgument(.identifier("issues")))]))],
                then: [.assign(.identifier("self"), .call(.dotMember(names.clientMessageCase(translator.destination)), [.init(nil, .identifier("message"))])), .return(nil)],
                else: nil)
        }
        body.append(.return(.nil))
        members.append(
            .function(
                SwiftFunction(
                    "init?", access: access,
                    parameters: [.init("envelope", .named("Envelope")), .init("issues", .array(.named("ValidationIssue")), isInout: true)],
                    body: body,
                    doc: SwiftDocComment(["Reads what the client sent; nil with no issue when no destination defines it, nil with issues when it is invalid."]))))
        members.append(
            .property(
                SwiftProperty(
                    "envelope", type: .named("Envelope"), access: access,
                    getter: [.switch(.identifier("self"), cases: destinations.map { translator in
                        SwiftSwitchCase([.pattern(names.clientMessageCase(translator.destination), bindings: ["message"])], [.return(.member(.identifier("message"), "envelope"))])
                    })],
                    doc: SwiftDocComment(["The message as an envelope."]))))
        return .type(
            SwiftTypeDeclaration(
                .enum, names.clientMessage, access: access, conformances: ["Sendable", "Hashable"],
                doc: SwiftDocComment(["Everything a client sends, as the bridge side reads it, by destination."]), members: members))
    }

    private func exampleHandler() -> SwiftDeclaration {
        var members: [SwiftDeclaration] = [
            .function(SwiftFunction("init", access: access, body: [], doc: SwiftDocComment(["Creates the handler."])))
        ]
        for translator in destinations {
            let namespace = names.namespace(translator.destination)
            for message in translator.requests {
                let bodyIsEmpty = message.response?.body.fields.isEmpty ?? true
                let responseBody = "\(namespace).\(message.swiftResponseTypeName(in: translator.destination)).Body"
                let read = SwiftExpression.try(
                    .call(
                        .identifier(responseBody),
                        [.init("validating", .try(.method(.call("JSONParser"), "parse", (nil, .member(.identifier("\(namespace).\(message.swiftResponseTypeName(in: translator.destination))"), "exampleBodyJSON")))))]))
                members.append(
                    .function(
                        SwiftFunction(
                            DestinationTranslator.handlerMethodName(message, in: translator.destination), access: access,
                            parameters: [.init(label: "_", lowerFirst(message.kind.rawValue), .named("\(namespace).\(message.swiftTypeName(in: translator.destination))"))],
                            isAsync: true, isThrowing: true, returnType: bodyIsEmpty ? nil : .named(responseBody),
                            body: bodyIsEmpty ? [] : [.return(read)],
                            doc: SwiftDocComment(["Answers with the spec's example response."]))))
            }
        }
        return .type(
            SwiftTypeDeclaration(
                .struct, names.exampleClientHandler, access: access, conformances: [names.clientHandler],
                doc: SwiftDocComment(["A handler that answers every query and request with the spec's example response: for tests, demos and the conformance suite."]),
                members: members))
    }

    /// `ClientConformance`: every request from its example through a router with the user's handler.
    /// Each message is checked by a function of its own and `run()` loops over a table of them, so
    /// `run()` has one suspension point however large the spec (the compiler's cost of an async
    /// function grows faster than linearly with its suspension points).
    private func conformance(_ shape: ResponseShape) -> SwiftDeclaration {
        let echoedKeys = SwiftExpression.array((["name"] + shape.echoed.map(\.key)).map { .string($0) })
        let routerType = SwiftType.named("Router<Handler>")
        var requestChecks: [SwiftExpression] = []
        var eventChecks: [SwiftExpression] = []
        var checkFunctions: [SwiftDeclaration] = []
        // `check` + namespace + type name; two messages could concatenate to the same name
        // (`Phone` + `CallInitQuery`, `PhoneCall` + `InitQuery`): the later one gets a number.
        var takenNames: Set<String> = []
        func checkName(_ namespace: String, _ typeName: String) -> String {
            let base = "check\(namespace)\(typeName)"
            var name = base
            var number = 2
            while !takenNames.insert(name).inserted {
                name = "\(base)\(number)"
                number += 1
            }
            return name
        }
        for translator in destinations {
            let namespace = names.namespace(translator.destination)
            for message in translator.requests {
                guard let kind = spec.protocolDefinition.kind(message.kind) else { continue }
                let typeName = message.swiftTypeName(in: translator.destination)
                let type = "\(namespace).\(typeName)"
                let headerArguments = kind.header.filter(ResponseShape.isStored).map { field -> SwiftExpression.Argument in
                    let value: SwiftExpression = field.type == .guid
                        ? .call("RequestID", ("unchecked", .string("{0F8FAD5B-D9CB-469F-A165-70867728950E}")))
                        : .string("conformance.target")
                    return .init(field.swiftPropertyName, value)
                }
                let request = SwiftExpression.call(
                    .identifier(type),
                    [.init("header", .call(.identifier(names.header(kind)), headerArguments)), .init("body", .identifier("body"))])
                let refusesInvalidBody = message.body.fields.contains(where: \.isRequired)
                var body: [SwiftStatement] = [
                    .guard(
                        [.optionalBinding("body", exampleBody(type))],
                        else: [.return(.array([.string("\(message.displayName): the spec's example does not build a valid request")]))]),
                    .let("request", value: request),
                ]
                let answer = SwiftExpression.await(
                    .method(.identifier("ConformanceChecks"), "checkAnswer", ("to", .identifier("request")), ("echoedKeys", echoedKeys), ("router", .identifier("router"))))
                if refusesInvalidBody {
                    let refusal = SwiftExpression.await(
                        .method(
                            .identifier("ConformanceChecks"), "checkInvalidBodyIsRefused", (nil, .identifier("request")),
                            ("body", .call(.dotMember("object"), [.init(nil, .call("JSONObject"))])), ("echoedKeys", echoedKeys),
                            ("statusKey", .string(shape.status.key)), ("successValue", .string(shape.successValue)), ("router", .identifier("router"))))
                    body += [.var("findings", value: answer), .expression(.binary(.identifier("findings"), "+=", refusal)), .return(.identifier("findings"))]
                } else {
                    body.append(.return(answer))
                }
                let name = checkName(namespace, typeName)
                requestChecks.append(.identifier(name))
                let promise = refusesInvalidBody ? "answered, echoing its headers; a body that breaks its rules is refused." : "answered, echoing its headers."
                checkFunctions.append(
                    .function(
                        SwiftFunction(
                            name, access: .private, isStatic: true, parameters: [.init(label: "_", "router", routerType)], isAsync: true,
                            returnType: .array(.named("String")), body: body, doc: SwiftDocComment(["`\(message.displayName)`: \(promise)"]))))
            }
            for message in translator.destination.messages where message.kind == .event {
                guard let kind = spec.protocolDefinition.kind(message.kind), kind.headerField("target") != nil else { continue }
                let typeName = message.swiftTypeName(in: translator.destination)
                let type = "\(namespace).\(typeName)"
                let headerArguments = kind.header.filter(ResponseShape.isStored).map { SwiftExpression.Argument($0.swiftPropertyName, .string("conformance.target")) }
                let event = SwiftExpression.call(
                    .identifier(type),
                    [.init("header", .call(.identifier(names.header(kind)), headerArguments)), .init("body", .identifier("body"))])
                let name = checkName(namespace, typeName)
                eventChecks.append(.identifier(name))
                checkFunctions.append(
                    .function(
                        SwiftFunction(
                            name, access: .private, isStatic: true, returnType: .array(.named("String")),
                            body: [
                                .guard(
                                    [.optionalBinding("body", exampleBody(type))],
                                    else: [.return(.array([.string("\(message.displayName): the spec's example does not build a valid event")]))]),
                                .return(.method(.identifier("ConformanceChecks"), "checkEventGate", (nil, event))),
                            ],
                            doc: SwiftDocComment(["`\(message.displayName)`: refused before its destination is initialized, sent after."]))))
            }
        }
        let run: [SwiftStatement] = [
            .let("router", value: .call("Router", ("handler", .identifier("handler")))),
            .var("findings", type: .array(.named("String")), value: .array([])),
            .for("check", in: .member(.identifier("Self"), "requestChecks"), body: [
                .expression(.binary(.identifier("findings"), "+=", .await(.call(.identifier("check"), [.init(nil, .identifier("router"))]))))
            ]),
            .for("check", in: .member(.identifier("Self"), "eventChecks"), body: [
                .expression(.binary(.identifier("findings"), "+=", .call(.identifier("check"), [])))
            ]),
            .return(.identifier("findings")),
        ]
        let members: [SwiftDeclaration] = [
            .property(SwiftProperty("handler", type: .named("Handler"), isMutable: false, access: access, doc: SwiftDocComment(["The handler under test."]))),
            .function(
                SwiftFunction(
                    "init", access: access, parameters: [.init("handler", .named("Handler"))],
                    body: [.assign(.member(.identifier("self"), "handler"), .identifier("handler"))], doc: SwiftDocComment(["Creates a suite for a handler."]))),
            .function(
                SwiftFunction(
                    "run", access: access, isAsync: true, returnType: .array(.named("String")), body: run,
                    doc: SwiftDocComment([
                        "Sends every query and request of the spec, built from its example, and reports each broken promise: a response that does not echo name, \(shape.echoed.map(\.key).joined(separator: " and ")); a response that is invalid (a \(shape.failureValue) without \(shape.message.key)); an invalid body answered \(shape.successValue); an event sent before its destination is initialized. Empty when the handler keeps every promise."
                    ]))),
            .property(
                SwiftProperty(
                    "requestChecks", type: .array(.function([routerType], isAsync: true, result: .array(.named("String")))), isStatic: true,
                    access: .private, getter: [.return(.array(requestChecks))],
                    doc: SwiftDocComment(["The check of each query and request, in spec order."]))),
            .property(
                SwiftProperty(
                    "eventChecks", type: .array(.function([], isAsync: false, result: .array(.named("String")))), isStatic: true,
                    access: .private, getter: [.return(.array(eventChecks))],
                    doc: SwiftDocComment(["The check of each event, in spec order."]))),
        ] + checkFunctions
        return .type(
            SwiftTypeDeclaration(
                .struct, names.clientConformance, access: access, conformances: ["Sendable"], whereClause: nil,
                doc: SwiftDocComment(["The protocol's promises, checked against your handler: `#expect(await ClientConformance(handler: MyHandler()).run() == [])`."]),
                members: members)
        ).withGenericType("Handler: \(names.clientHandler)")
    }

    /// `ConformanceChecks.example(T.exampleBodyJSON) as T.Body?`.
    private func exampleBody(_ type: String) -> SwiftExpression {
        .binary(.method(.identifier("ConformanceChecks"), "example", (nil, .member(.identifier(type), "exampleBodyJSON"))), "as", .identifier("\(type).Body?"))
    }

    private func lowerFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}
