import CTISpec

/// Turns one message of a destination into its struct: header, body, reading from and writing to
/// an envelope, validation, and for queries and requests the response type and the
/// `success`/`failure` builders that echo the headers.
struct MessageTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let spec: Spec
    let destination: Destination

    private var protocolDefinition: ProtocolDefinition { spec.protocolDefinition }

    /// The message's struct and, for queries and requests, its response's struct.
    func declarations(for message: Message) -> [SwiftDeclaration] {
        guard let kind = protocolDefinition.kind(message.kind) else { return [] }
        var result = [requestOrEvent(message, kind: kind)]
        if let response = message.response, let shape = ResponseShape(answering: kind, in: protocolDefinition) {
            result.append(responseDeclaration(message, response: response, shape: shape))
        }
        return result
    }

    // MARK: The message

    private func requestOrEvent(_ message: Message, kind: MessageKind) -> SwiftDeclaration {
        let typeName = message.swiftTypeName(in: destination)
        let headerType = names.header(kind)
        let hasTarget = kind.headerField("target").map(ResponseShape.isStored) ?? false
        // A query or request with a fixed name and a target is answered through a router.
        let answer = message.name != nil && hasTarget ? message.response.flatMap { response in
            ResponseShape(answering: kind, in: protocolDefinition).map { (response, $0) }
        } : nil
        var members: [SwiftDeclaration] = []
        if let name = message.name {
            members.append(staticString("name", name, doc: "The wire name (`header.name`)."))
        }
        members.append(staticString("destination", destination.name, doc: "The destination the message belongs to."))
        var conformances = ["CTIMessage"]
        if let (response, _) = answer {
            conformances = ["CTIRequestMessage"]
            let isInit = destination.initQuery?.name == message.name
            members.append(
                .property(
                    SwiftProperty(
                        "initializesDestination", type: nil, isMutable: false, isStatic: true, access: access,
                        value: .boolean(isInit), doc: SwiftDocComment(["Whether answering it initializes the destination."]))))
            let responseName = message.swiftResponseTypeName(in: destination)
            members.append(.typeAlias(name: "Response", type: .named(responseName), access: access, doc: SwiftDocComment(["The response that answers it."])))
            let bodyIsEmpty = response.body.fields.isEmpty
            members.append(
                .typeAlias(
                    name: "ResponseBody", type: .named(bodyIsEmpty ? "Void" : "\(responseName).Body"), access: access,
                    doc: SwiftDocComment([bodyIsEmpty ? "A handler returns nothing: the response has no body." : "What a handler returns: the response's body."])))
        } else if message.kind == .event, hasTarget {
            conformances = ["CTIEventMessage"]
        }
        members += headerAndBodyProperties(headerType: headerType, bodyOptional: false)
        members.append(.function(memberwiseInit(headerType: headerType, bodyType: .named("Body"))))
        if hasTarget {
            members.append(.property(SwiftProperty("target", type: .named("String"), access: access, getter: [.return(.member(.identifier("header"), "target"))], doc: SwiftDocComment(["The addressed object (`header.target`)."]))))
        }
        members.append(.function(envelopeInit(kind: kind, headerType: headerType, responseShape: nil)))
        members.append(.property(envelopeProperty(kind: kind, bodyOptional: false)))
        members.append(.function(validation(responseShape: nil, bodyOptional: false)))
        if let (response, shape) = answer {
            members.append(.function(success(message, response: response, shape: shape)))
            members.append(.function(failure(message, response: response, shape: shape)))
        }
        members.append(exampleProperty(ExampleBuilder.example(of: message.body, in: destination)))
        members.append(ObjectTranslator(access: access).declaration("Body", fields: message.body.fields, doc: bodyDoc(message.displayName, message.body)))
        return .type(
            SwiftTypeDeclaration(.struct, typeName, access: access, conformances: conformances, doc: messageDoc(message, kind: kind), members: members))
    }

    private func messageDoc(_ message: Message, kind: MessageKind) -> SwiftDocComment {
        var paragraphs = [DocText.summary(message.summary)]
        var facts = message.name.map { "`\($0)`: a `\(kind.wireType)` the \(kind.sender.rawValue) sends" } ?? "A `\(kind.wireType)` the \(kind.sender.rawValue) sends; its name is set at run time"
        if message.response != nil { facts += ", answered by ``\(message.swiftResponseTypeName(in: destination))``" }
        if !message.produces.isEmpty {
            facts += "; it produces " + message.produces.map { "`\($0.name)`" }.joined(separator: ", ")
        }
        if destination.initQuery?.name == message.name, message.name != nil {
            facts += "; answering it initializes the destination, and no event of the destination may be sent before"
        }
        paragraphs.append(facts + ".")
        paragraphs += message.errata.map(DocText.erratum)
        return SwiftDocComment(paragraphs)
    }

    private func bodyDoc(_ name: String, _ body: Body) -> SwiftDocComment {
        let origin = body.source == .example ? " (typed from the source's JSON example)" : ""
        return SwiftDocComment(["The body of `\(name)`\(origin)."])
    }

    private func staticString(_ name: String, _ value: String, doc: String) -> SwiftDeclaration {
        .property(SwiftProperty(name, type: nil, isMutable: false, isStatic: true, access: access, value: .string(value), doc: SwiftDocComment([doc])))
    }

    private func headerAndBodyProperties(headerType: String, bodyOptional: Bool) -> [SwiftDeclaration] {
        [
            .property(SwiftProperty("header", type: .named(headerType), access: access, doc: SwiftDocComment(["The header."]))),
            .property(
                SwiftProperty(
                    "body", type: bodyOptional ? .optional(.named("Body")) : .named("Body"), access: access,
                    doc: SwiftDocComment([bodyOptional ? "The body; nil in a FAILURE response that carries none." : "The body."]))),
        ]
    }

    private func memberwiseInit(headerType: String, bodyType: SwiftType) -> SwiftFunction {
        SwiftFunction(
            "init", access: access, parameters: [.init("header", .named(headerType)), .init("body", bodyType)],
            body: [.assign(.member(.identifier("self"), "header"), .identifier("header")), .assign(.member(.identifier("self"), "body"), .identifier("body"))],
            doc: SwiftDocComment(["Creates the message."]))
    }

    /// `init?(envelope:issues:)`: the header (with `type` and `name` checked), then the body.
    private func envelopeInit(kind: MessageKind, headerType: String, responseShape: ResponseShape?) -> SwiftFunction {
        let issues = SwiftExpression.inoutArgument(.identifier("issues"))
        var headerArguments: [SwiftExpression.Argument] = [.init("json", .call(.dotMember("object"), [.init(nil, .member(.identifier("envelope"), "header"))]))]
        if HeaderTranslator.hasFixedName(kind) { headerArguments.append(.init("name", .member(.identifier("Self"), "name"))) }
        headerArguments.append(.init("issues", .inoutArgument(.identifier("issues"))))
        var body: [SwiftStatement] = [
            .let("issueCount", value: .member(.identifier("issues"), "count")),
            .let(
                "header",
                value: .call(
                    .member(.identifier("JSONField"), "nested"), [.init("at", .string("header")), .init("issues", issues)],
                    trailingClosure: SwiftClosure(parameters: ["issues"], body: [.return(.call(.identifier(headerType), headerArguments))]))),
        ]
        let readBody = SwiftExpression.method(.identifier("JSONField"), "read", (nil, .member(.identifier("envelope"), "body")), ("at", .string("body")), ("issues", issues))
        if let shape = responseShape {
            // Read from the raw header, so a header with its own problems does not add body issues.
            let status = SwiftExpression.method(.identifier("envelope"), "headerString", (nil, .string(shape.status.key)))
            body.append(.let("isFailure", value: .binary(status, "==", .string(shape.failureValue))))
            body.append(.var("body", type: .optional(.named("Body")), value: nil))
            body.append(
                .if(
                    [.expression(.binary(.not(.identifier("isFailure")), "||", .binary(.member(.identifier("envelope"), "body"), "!=", .call(.dotMember("object"), [.init(nil, .call("JSONObject"))])))) ],
                    then: [.assign(.identifier("body"), readBody)], else: nil))
            body.append(.guard([.expression(.binary(.member(.identifier("issues"), "count"), "==", .identifier("issueCount"))), .optionalBinding("header", .identifier("header"))], else: [.return(.nil)]))
        } else {
            body.append(.let("body", type: .optional(.named("Body")), value: readBody))
            body.append(.guard([.expression(.binary(.member(.identifier("issues"), "count"), "==", .identifier("issueCount"))), .optionalBinding("header", .identifier("header")), .optionalBinding("body", .identifier("body"))], else: [.return(.nil)]))
        }
        body.append(.expression(.call(.member(.identifier("self"), "init"), [.init("header", .identifier("header")), .init("body", .identifier("body"))])))
        return SwiftFunction(
            "init?", access: access,
            parameters: [.init("envelope", .named("Envelope")), .init("issues", .array(.named("ValidationIssue")), isInout: true)],
            body: body,
            doc: SwiftDocComment(["Reads the message from an envelope; every problem is appended to `issues` with its path (`header.requestId`, `body.chat`)."]))
    }

    private func envelopeProperty(kind: MessageKind, bodyOptional: Bool) -> SwiftProperty {
        let headerJSON: SwiftExpression =
            HeaderTranslator.hasFixedName(kind)
            ? .method(.identifier("header"), "json", ("name", .member(.identifier("Self"), "name")))
            : .method(.identifier("header"), "json")
        let bodyJSON: SwiftExpression =
            bodyOptional
            ? .binary(.member(.optionalChain(.identifier("body")), "json"), "??", .call(.dotMember("object"), [.init(nil, .call("JSONObject"))]))
            : .member(.identifier("body"), "json")
        return SwiftProperty(
            "envelope", type: .named("Envelope"), access: access,
            getter: [.return(.call("Envelope", ("header", headerJSON), ("body", bodyJSON)))],
            doc: SwiftDocComment(["The message as an envelope, ready to serialize."]))
    }

    private func validation(responseShape: ResponseShape?, bodyOptional: Bool) -> SwiftFunction {
        let headerIssues = SwiftExpression.call(
            .member(.method(.identifier("header"), "validate"), "map"), [],
            trailingClosure: SwiftClosure(body: [.expression(.method(.identifier("$0"), "prefixed", ("by", .call(.dotMember("key"), [.init(nil, .string("header"))]))))]))
        var body: [SwiftStatement]
        if let shape = responseShape, bodyOptional {
            var status: SwiftExpression = .member(.identifier("header"), shape.status.swiftPropertyName)
            if !shape.status.isRequired { status = .optionalChain(status) }
            body = [
                .var("issues", value: headerIssues),
                .if(
                    [.expression(.binary(.identifier("body"), "==", .nil)), .expression(.binary(.member(status, "rawValue"), "!=", .string(shape.failureValue)))],
                    then: [.expression(.method(.identifier("issues"), "append", (nil, .call("ValidationIssue", ("path", .array([.call(.dotMember("key"), [.init(nil, .string("body"))])])), ("message", .string("required unless \(shape.status.key) is \(shape.failureValue)"))))))],
                    else: nil),
                .return(.identifier("issues")),
            ]
        } else {
            body = [.return(headerIssues)]
        }
        return SwiftFunction(
            "validate", access: access, returnType: .array(.named("ValidationIssue")), body: body,
            doc: SwiftDocComment(["The protocol rules the message breaks; empty when it is valid."]))
    }

    private func exampleProperty(_ example: SpecValue) -> SwiftDeclaration {
        .property(
            SwiftProperty(
                "exampleBodyJSON", type: nil, isMutable: false, isStatic: true, access: access,
                value: .string(ExampleBuilder.json(example)),
                doc: SwiftDocComment(["An example body as JSON text: the spec's example, or one derived from the fields. For tests and mocks."])))
    }

    // MARK: Responses

    private func bodyIsOptional(_ response: ResponseDefinition) -> Bool {
        response.body.fields.contains(where: \.isRequired)
    }

    private func responseDeclaration(_ message: Message, response: ResponseDefinition, shape: ResponseShape) -> SwiftDeclaration {
        let headerType = names.header(shape.kind)
        let optionalBody = bodyIsOptional(response)
        var members: [SwiftDeclaration] = []
        if let name = message.name { members.append(staticString("name", name, doc: "The wire name: the name of the message it answers.")) }
        members.append(staticString("destination", destination.name, doc: "The destination the message belongs to."))
        members += headerAndBodyProperties(headerType: headerType, bodyOptional: optionalBody)
        members.append(.function(memberwiseInit(headerType: headerType, bodyType: optionalBody ? .optional(.named("Body")) : .named("Body"))))
        members.append(.function(envelopeInit(kind: shape.kind, headerType: headerType, responseShape: optionalBody ? shape : nil)))
        members.append(.property(envelopeProperty(kind: shape.kind, bodyOptional: optionalBody)))
        members.append(.function(validation(responseShape: shape, bodyOptional: optionalBody)))
        members.append(exampleProperty(ExampleBuilder.example(of: response.body, in: destination)))
        members.append(ObjectTranslator(access: access).declaration("Body", fields: response.body.fields, doc: bodyDoc("the response to \(message.displayName)", response.body)))
        var doc = ["The response to ``\(message.swiftTypeName(in: destination))``: a `\(shape.kind.wireType)` that repeats its name, target and request id."]
        doc += response.errata.map(DocText.erratum)
        return .type(
            SwiftTypeDeclaration(
                .struct, message.swiftResponseTypeName(in: destination), access: access, conformances: ["CTIMessage"],
                doc: SwiftDocComment(doc), members: members))
    }

    /// The response header echoing this message's fields, with the outcome set.
    private func responseHeader(shape: ShapeValues) -> SwiftExpression {
        var arguments = shape.shape.echoed.map { SwiftExpression.Argument($0.swiftPropertyName, .member(.identifier("header"), $0.swiftPropertyName)) }
        arguments.append(.init(shape.shape.status.swiftPropertyName, .dotMember(SwiftNaming.propertyName(shape.status))))
        if let message = shape.message { arguments.append(.init(shape.shape.message.swiftPropertyName, message)) }
        return .call(.identifier(names.header(shape.shape.kind)), arguments)
    }

    private struct ShapeValues {
        var shape: ResponseShape
        var status: String
        var message: SwiftExpression?
    }

    private func success(_ message: Message, response: ResponseDefinition, shape: ResponseShape) -> SwiftFunction {
        let header = responseHeader(shape: ShapeValues(shape: shape, status: shape.successValue, message: nil))
        let body: SwiftExpression = response.body.fields.isEmpty ? .call("Response.Body") : .identifier("body")
        return SwiftFunction(
            "success", access: access, parameters: [.init(label: "_", "body", .named("ResponseBody"))], returnType: .named("Response"),
            body: [.return(.call("Response", ("header", header), ("body", body)))],
            doc: SwiftDocComment(["A \(shape.successValue) response that echoes this message's headers."]))
    }

    private func failure(_ message: Message, response: ResponseDefinition, shape: ResponseShape) -> SwiftFunction {
        let header = responseHeader(shape: ShapeValues(shape: shape, status: shape.failureValue, message: .identifier("message")))
        let body: SwiftExpression = bodyIsOptional(response) ? .nil : .call("Response.Body")
        return SwiftFunction(
            "failure", access: access, parameters: [.init(label: "_", "message", .named("String"))], returnType: .named("Response"),
            body: [.return(.call("Response", ("header", header), ("body", body)))],
            doc: SwiftDocComment(["A \(shape.failureValue) response that echoes this message's headers and carries `message` as its \(shape.message.key)."]))
    }
}
