import CTISpec

/// Turns one destination into its file's declarations: the namespace, its named types, every message,
/// the handler protocol the client implements, its routes, and the decoding of what the client sends.
struct DestinationTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let spec: Spec
    let destination: Destination
    /// The queries and requests the client answers, in spec order.
    let requests: [Message]
    /// What the client sends: responses to the requests, then its own messages (events, warnings, errors).
    let clientMessages: [ClientMessageCase]

    init(access: AccessLevel?, names: GeneratedNames, spec: Spec, destination: Destination) {
        self.access = access
        self.names = names
        self.spec = spec
        self.destination = destination
        let protocolDefinition = spec.protocolDefinition
        requests = destination.messages.filter { MessageRole(of: $0, in: protocolDefinition) == .request }
        clientMessages = Self.clientMessages(of: destination, requests: requests, in: protocolDefinition)
    }

    private var namespace: String { names.namespace(destination) }
    /// The destination a variant belongs to; nil for a destination itself.
    private var base: Destination? { spec.base(of: destination) }
    /// The destination's variants, in spec order; empty for a variant.
    var variants: [Destination] { spec.variants(of: destination) }
    /// The named types declared here: a variant's own (it uses its destination's where that declares them).
    private var ownTypes: [NamedType] {
        destination.types.filter { named in base?.types.contains { $0.name == named.name } != true }
    }
    private var messages: MessageTranslator {
        MessageTranslator(access: access, names: names, spec: spec, destination: destination)
    }

    /// The namespace enum holding the named types, the messages (a `// MARK: -` each) and the bridge
    /// side's `ClientMessage`; then the protocols every message and the handler adopt.
    func declarations() -> [SwiftDeclaration] {
        var members: [SwiftDeclaration] = []
        if !ownTypes.isEmpty {
            members.append(.mark("Types"))
            members += ownTypes.compactMap(namedTypeDeclaration)
        }
        for message in destination.messages {
            members.append(.mark(message.displayName))
            members += messages.declarations(for: message)
        }
        members.append(.mark("Routing"))
        if !variants.isEmpty { members.append(variantEnum()) }
        members += [.function(routes()), clientMessageEnum()]
        return [namespaceDeclaration(members: members)] + messageProtocol() + [handlerProtocol()]
    }

    /// One kind of message the client sends, as the bridge side's enum has it.
    struct ClientMessageCase {
        /// The enum case (`initResponse`).
        var name: String
        /// The Swift type (`InitResponse`).
        var typeName: String
        /// The message, or the query or request a response answers.
        var message: Message
        /// The `header.type` it carries.
        var wireType: String
        /// The role of the message itself; nil for a response.
        var role: MessageRole?
    }

    private static func clientMessages(
        of destination: Destination, requests: [Message], in protocolDefinition: ProtocolDefinition
    ) -> [ClientMessageCase] {
        var result = requests.compactMap { message -> ClientMessageCase? in
            guard let kind = protocolDefinition.kind(message.kind),
                let shape = ResponseShape(answering: kind, in: protocolDefinition)
            else { return nil }
            let typeName = message.swiftResponseTypeName(in: destination)
            return ClientMessageCase(name: typeName.lowercasingFirst, typeName: typeName, message: message, wireType: shape.kind.wireType, role: nil)
        }
        for message in destination.messages {
            guard let kind = protocolDefinition.kind(message.kind), kind.sender == .client else { continue }
            let typeName = message.swiftTypeName(in: destination)
            result.append(
                ClientMessageCase(
                    name: typeName.lowercasingFirst, typeName: typeName, message: message, wireType: kind.wireType,
                    role: MessageRole(of: message, in: protocolDefinition)))
        }
        return result
    }

    /// The handler method that answers `message`, a query or request (`handleCreateChannelGroup(_:)`):
    /// the requirement of the destination's handler protocol when `body` is nil, otherwise an
    /// implementation (the example handler's, the generated tests' failing handler's).
    func handlerMethod(for message: Message, access: AccessLevel? = nil, body: [SwiftStatement]? = nil, doc: SwiftDocComment = .none) -> SwiftFunction {
        let typeName = "\(namespace).\(message.swiftTypeName(in: destination))"
        return SwiftFunction(
            names.handlerMethod(for: message, in: destination), access: access,
            parameters: [.init(label: "_", message.kind.rawValue, .named(typeName))],
            isAsync: true, isThrowing: true, returnType: Self.answersWithoutBody(message) ? nil : .named("\(typeName).ResponseBody"),
            body: body, doc: doc)
    }

    /// Whether a handler answers `message` with nothing: its response has no body members.
    static func answersWithoutBody(_ message: Message) -> Bool {
        message.response?.body.fields.isEmpty ?? true
    }

    /// A named type: a struct for an object, an open enum for listed values (the checker allows no other).
    private func namedTypeDeclaration(_ named: NamedType) -> SwiftDeclaration? {
        let doc = SwiftDocComment([DocText.summary(named.summary)])
        switch named.type {
        case .enumeration(let values):
            return EnumTranslator(access: access).declaration(named.name, values: values, doc: doc)
        case .object(let fields):
            return ObjectTranslator(access: access, types: TypeMapping(destination: destination, names: names, spec: spec))
                .declaration(named.name, members: fields.map(ObjectTranslator.Member.stored), doc: doc)
        default:
            return nil
        }
    }

    /// What a variant's namespace says about the destination it belongs to.
    private func variantDoc(_ variant: DestinationVariant, of base: Destination) -> [String] {
        let baseNamespace = names.namespace(base)
        var doc = [
            "The \(variant.name) variant of ``\(baseNamespace)``: a target the handler's `\(names.variantSelector(base))(of:)` calls `.\(variant.name)` gets the messages here where it has them, and those of ``\(baseNamespace)`` otherwise."
        ]
        if !variant.refusals.isEmpty {
            let refused = variant.refusals.map { "`\($0.message.name)`" }
            doc.append("The router answers \(FieldCondition.alternatives(refused)) FAILURE for it, without calling the handler.")
        }
        return doc
    }

    /// `Variant`: the destination itself (`generic`) and each of its variants, for the handler to name a target's.
    private func variantEnum() -> SwiftDeclaration {
        .type(
            SwiftTypeDeclaration(
                .enum, "Variant", access: access, conformances: ["Swift.String", "CTIRuntime.CTIDestinationVariant"],
                doc: SwiftDocComment([
                    "The kinds of \(destination.name) there are: the handler says which one a target is (`\(names.variantSelector(destination))(of:)`), and the router answers with that kind's messages."
                ]),
                members: [.enumCases([SwiftNaming.propertyName("generic")] + variants.compactMap { $0.variant.map { SwiftNaming.propertyName($0.name) } })]))
    }

    private func namespaceDeclaration(members: [SwiftDeclaration]) -> SwiftDeclaration {
        var doc = [destination.title + ".", DocText.summary(destination.summary)]
        if let initQuery = destination.initQuery {
            doc.append("Initialized by `\(initQuery.name)`: no event of the destination may be sent before it has been answered.")
        }
        if let variant = destination.variant, let base {
            doc += variantDoc(variant, of: base)
        }
        doc += destination.errata.map(DocText.erratum)
        return .type(SwiftTypeDeclaration(.enum, namespace, access: access, doc: SwiftDocComment(doc), members: members))
    }

    /// `SessionMessage`, which every message of the destination adopts, with the destination's name.
    private func messageProtocol() -> [SwiftDeclaration] {
        let name = names.message(destination)
        return [
            .type(
                SwiftTypeDeclaration(
                    .protocol, name, access: access, conformances: ["CTIRuntime.CTIMessage"],
                    doc: SwiftDocComment([
                        destination.variant.map { "A message of the \($0.name) variant of the \(destination.name) destination." }
                            ?? "A message of the \(destination.name) destination."
                    ]))),
            .type(
                SwiftTypeDeclaration(
                    .extension, name,
                    members: [
                        .property(
                            SwiftProperty(
                                "destination", type: .standard("String"), isStatic: true, access: access,
                                getter: [.return(.string(destination.name))]))
                    ] + variantProperty() + targetShape())),
        ]
    }

    /// `variant`, for a variant's messages.
    private func variantProperty() -> [SwiftDeclaration] {
        guard let variant = destination.variant else { return [] }
        return [
            .property(
                SwiftProperty(
                    "variant", type: .optional(.standard("String")), isStatic: true, access: access,
                    getter: [.return(.string(variant.name))]))
        ]
    }

    /// `targetShape`, when the destination gives the form of its targets: the segments as data.
    private func targetShape() -> [SwiftDeclaration] {
        guard let shape = destination.target else { return [] }
        let segments = shape.segments.map { segment -> SwiftExpression in
            switch segment {
            case .word(let word): .call(.dotMember("word"), [.init(nil, .string(word))])
            case .id(let name): .call(.dotMember("id"), [.init(nil, .string(name))])
            }
        }
        return [
            .property(
                SwiftProperty(
                    "targetShape", type: .optional(.runtime("TargetShape")), isStatic: true, access: access,
                    getter: [.return(.call(.runtime("TargetShape"), [.init(nil, .array(segments))]))],
                    doc: SwiftDocComment(["Targets of this destination have the form `\(shape)`."])))
        ]
    }

    private func handlerProtocol() -> SwiftDeclaration {
        var members: [SwiftDeclaration] = requests.map { message in
            let answer = Self.answersWithoutBody(message) ? "return for SUCCESS" : "return the response's body for SUCCESS"
            return .function(
                handlerMethod(for: message, doc: SwiftDocComment(["Answers ``\(namespace)/\(message.swiftTypeName(in: destination))``: \(answer)."])))
        }
        if !variants.isEmpty {
            members.insert(
                .function(variantSelector(doc: SwiftDocComment(["Which kind of \(destination.name) `target` is: the router answers its messages with that kind's."]))),
                at: 0)
        }
        var doc = [
            "Answers the queries and requests the bridge sends to the \(destination.displayName) destination: one method each, so a message added to the spec does not compile until it is handled."
        ]
        if let base {
            doc[0] = "Answers the queries and requests that the \(destination.variant!.name) variant of the \(destination.name) destination has of its own or changes; the others go to ``\(names.handler(base))``'s methods."
        }
        doc.append(
            "A method returns to answer SUCCESS and throws to answer FAILURE, with the error's description as the response's error message (`CTIRuntime.CTIFailure` sets it exactly).")
        return .type(
            SwiftTypeDeclaration(
                .protocol, names.handler(destination), access: access,
                conformances: [base.map(names.handler) ?? "Swift.Sendable"],
                doc: SwiftDocComment(doc), members: members))
    }

    /// The example handlers' `channelVariant(of:)`: the variant whose examples are addressed to the target.
    func exampleVariantSelector(access: AccessLevel? = nil) -> SwiftFunction {
        let variant = SwiftExpression.call(.identifier("\(namespace).Variant"), [.init("exampleTarget", .identifier("target"))])
        return variantSelector(access: access, body: [.return(variant)])
    }

    /// `channelVariant(of:)`: the requirement of a destination with variants when `body` is nil,
    /// otherwise an implementation.
    func variantSelector(access: AccessLevel? = nil, body: [SwiftStatement]? = nil, doc: SwiftDocComment = .none) -> SwiftFunction {
        SwiftFunction(
            names.variantSelector(destination), access: access,
            parameters: [.init(label: "of", "target", .standard("String"))], isAsync: true,
            returnType: .named("\(namespace).Variant"), body: body, doc: doc)
    }

    private func routes() -> SwiftFunction {
        let elements: [SwiftExpression] = requests.map { message in
            let call = SwiftExpression.method(.identifier("$0"), handlerMethod(for: message).name, (nil, .identifier("$1")))
            return .call(
                .runtime("ClientRoute"), [.init(nil, .member(.identifier(message.swiftTypeName(in: destination)), "self"))],
                trailingClosure: SwiftClosure(value: .try(.await(call))))
        }
        let refusals: [SwiftExpression] = refusals().map { refused, message, refusal in
            .call(
                .runtime("ClientRoute"),
                [
                    .init("refusing", .member(.identifier("\(names.namespace(refused)).\(message.swiftTypeName(in: refused))"), "self")),
                    .init("in", .string(destination.variant!.name)), .init("reason", .string(refusal.reason)),
                ])
        }
        return SwiftFunction(
            "clientRoutes", genericParameters: ["Handler: \(names.handler(destination))"], access: access, isStatic: true,
            parameters: [.init(label: "for", "handler", .named("Handler.Type"))],
            returnType: .array(.named("CTIRuntime.ClientRoute<Handler>")),
            body: [.return(.array(elements + refusals))],
            doc: SwiftDocComment(["The routes of this destination's queries and requests, for a `CTIRuntime.Router`."]))
    }

    /// Each query or request of the destination a variant refuses, with the destination and the refusal.
    private func refusals() -> [(Destination, Message, Refusal)] {
        guard let variant = destination.variant, let base else { return [] }
        return variant.refusals.compactMap { refusal in
            base.messages.first { $0.name == refusal.message.name }.map { (base, $0, refusal) }
        }
    }

    private func clientMessageEnum() -> SwiftDeclaration {
        let cases = clientMessages
        var members: [SwiftDeclaration] = cases.map { entry in
            .enumCase(name: entry.name, associatedTypes: [.named(entry.typeName)], doc: .none)
        }
        members.append(.function(clientMessageInit(cases)))
        let envelopes = cases.map { entry in
            SwiftValueCase([.pattern(entry.name, bindings: ["message"])], .member(.identifier("message"), "envelope"))
        }
        members.append(
            .property(
                SwiftProperty(
                    "envelope", type: .runtime("Envelope"), access: access,
                    getter: [.return(.switchValue(.identifier("self"), cases: envelopes))],
                    doc: SwiftDocComment(["The message as an envelope."]))))
        return .type(
            SwiftTypeDeclaration(
                .enum, "ClientMessage", access: access, conformances: ["Swift.Sendable", "Swift.Hashable"],
                doc: SwiftDocComment([
                    "What the client sends to the \(destination.name) destination, as the bridge side reads it: responses, events, warnings and errors."
                ]),
                members: members))
    }

    /// Reads the message its `type` and `name` (or `type` alone, for messages named at run time) select.
    private func clientMessageInit(_ cases: [ClientMessageCase]) -> SwiftFunction {
        var valueCases: [SwiftValueCase] = []
        var typeOnly: [SwiftValueCase] = []
        for entry in cases {
            let read = SwiftExpression.method(
                .call(.identifier(entry.typeName), [.init("envelope", .identifier("envelope")), .init("issues", .inoutArgument(.identifier("issues")))]),
                "map", (nil, .member(.identifier("Self"), entry.name)))
            if let name = entry.message.name {
                valueCases.append(SwiftValueCase([.tuple([.init(nil, .string(entry.wireType)), .init(nil, .string(name))])], read))
            } else {
                typeOnly.append(SwiftValueCase([.tuple([.init(nil, .string(entry.wireType)), .init(nil, .identifier("_"))])], read))
            }
        }
        let selected = SwiftExpression.switchValue(
            .tuple([
                .init(nil, .member(.identifier("envelope"), "messageType")), .init(nil, .member(.identifier("envelope"), "messageName")),
            ]),
            cases: valueCases + typeOnly + [SwiftValueCase([], .nil)])
        return SwiftFunction(
            "init?", access: access,
            parameters: [.init("envelope", .runtime("Envelope")), .init("issues", .array(.runtime("ValidationIssue")), isInout: true)],
            body: [
                .let("message", type: .optional(.named("Self")), value: selected),
                .guard([.optionalBinding("message", .identifier("message"))], else: [.return(.nil)]),
                .assign(.identifier("self"), .identifier("message")),
            ],
            doc: SwiftDocComment([
                "Reads a message of this destination by its `type` and `name`; nil with no issue when it is none of them, nil with issues when it is one but invalid."
            ]))
    }
}
