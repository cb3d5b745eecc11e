import CTISpec

/// Turns one message of a destination into its declarations: a struct with the message's name,
/// header and body (and, for a query or request, its response's body), adopting the runtime protocol
/// of its kind, and for a query or request the response's name, `CTIResponse` over it. Reading,
/// writing, checking and answering are the runtime's.
struct MessageTranslator {
    let access: AccessLevel?
    let names: GeneratedNames
    let spec: Spec
    let destination: Destination

    /// The width JSON examples are laid out to.
    static let exampleWidth = 88

    private var protocolDefinition: ProtocolDefinition { spec.protocolDefinition }
    private var objects: ObjectTranslator {
        ObjectTranslator(access: access, types: TypeMapping(destination: destination, names: names, spec: spec))
    }

    /// The message's struct and, for queries and requests, its response's name.
    func declarations(for message: Message) -> [SwiftDeclaration] {
        guard let kind = protocolDefinition.kind(message.kind) else { return [] }
        let typeName = message.swiftTypeName(in: destination)
        let role = MessageRole(of: message, in: protocolDefinition)
        let answered = role == .request
        var members: [SwiftDeclaration] = []
        if let name = message.name { members.append(staticLet("name", .string(name))) }
        if answered, destination.initQuery?.name == message.name {
            members.append(staticLet("initializesDestination", .boolean(true)))
        }
        let headerType = SwiftType.named(names.header(kind))
        let bodyType: SwiftType = message.body.fields.isEmpty ? .runtime("EmptyBody") : .named("Body")
        members.append(.property(SwiftProperty("header", type: headerType, access: access)))
        members.append(.property(SwiftProperty("body", type: bodyType, access: access)))
        members.append(.function(initializer(header: headerType, body: bodyType, bodyIsEmpty: message.body.fields.isEmpty)))
        let inherited = inheritedTypes(of: message)
        if !message.body.fields.isEmpty {
            var translator = objects
            translator.declaredElsewhere = inherited.body
            members.append(translator.declaration("Body", members: message.body.fields.map(ObjectTranslator.Member.stored), doc: bodyDoc(message)))
        }
        if answered, let response = message.response, !response.body.fields.isEmpty {
            var doc = ["The body of a SUCCESS response to `\(message.displayName)`."]
            if response.body.source == .example { doc.append("Typed from the source's JSON example.") }
            doc += response.errata.map(DocText.erratum)
            var translator = objects
            translator.declaredElsewhere = inherited.response
            members.append(
                translator.declaration("ResponseBody", members: response.body.fields.map(ObjectTranslator.Member.stored), doc: SwiftDocComment(doc)))
        }
        if !message.body.fields.isEmpty || message.body.example != nil {
            members.append(example("exampleBodyJSON", message.body.exampleValue(in: destination)))
        }
        if answered, let response = message.response, !response.body.fields.isEmpty || response.body.example != nil {
            members.append(example("exampleResponseBodyJSON", response.body.exampleValue(in: destination)))
        }
        var result: [SwiftDeclaration] = [
            .type(
                SwiftTypeDeclaration(
                    .struct, typeName, access: access,
                    conformances: [role.runtimeProtocol, names.message(destination)],
                    doc: messageDoc(message), members: members))
        ]
        if answered {
            result.append(
                .typeAlias(
                    name: message.swiftResponseTypeName(in: destination), type: .named("CTIRuntime.CTIResponse<\(typeName)>"), access: access,
                    doc: SwiftDocComment(["The response to ``\(typeName)``."])))
        }
        return result
    }

    /// For a variant's copy of a message of its destination: the types its destination's members declare,
    /// by member name, in the destination's message (`MultiChannel.InitQuery.ResponseBody.State`), so
    /// that the variants share them. Empty for any other message.
    private func inheritedTypes(of message: Message) -> (body: [String: String], response: [String: String]) {
        guard let base = spec.base(of: destination), let original = base.messages.first(where: { $0.name == message.name })
        else { return ([:], [:]) }
        let owner = "\(names.namespace(base)).\(original.swiftTypeName(in: base))"
        func types(_ fields: [Field], in original: [Field], under parent: String) -> [String: String] {
            var result: [String: String] = [:]
            for field in fields {
                guard let source = original.first(where: { $0.memberName == field.memberName }), source == field,
                    let declared = FieldNames(field).declaredType
                else { continue }
                result[field.memberName] = "\(owner).\(parent).\(declared)"
            }
            return result
        }
        return (
            types(message.body.fields, in: original.body.fields, under: "Body"),
            types(message.response?.body.fields ?? [], in: original.response?.body.fields ?? [], under: "ResponseBody")
        )
    }

    /// The summary, then what the type does not already say: the events it produces, whether answering
    /// it initializes the destination, and the errata.
    private func messageDoc(_ message: Message) -> SwiftDocComment {
        var facts: [String] = []
        if !message.produces.isEmpty {
            facts.append("It produces " + message.produces.map { "`\($0.name)`" }.joined(separator: ", ") + ".")
        }
        if destination.initQuery?.name == message.name, message.name != nil {
            facts.append("Answering it initializes the destination: no event of the destination may be sent before.")
        }
        if message.name == nil { facts.append("Its name is chosen at run time and travels in its header.") }
        return SwiftDocComment([DocText.summary(message.summary), DocText.paragraph(facts)] + message.errata.map(DocText.erratum))
    }

    private func bodyDoc(_ message: Message) -> SwiftDocComment {
        let origin = message.body.source == .example ? " Typed from the source's JSON example." : ""
        return SwiftDocComment(["The body of `\(message.displayName)`.\(origin)"])
    }

    private func staticLet(_ name: String, _ value: SwiftExpression) -> SwiftDeclaration {
        .property(SwiftProperty(name, type: nil, isMutable: false, isStatic: true, access: access, value: value))
    }

    private func example(_ name: String, _ value: SpecValue) -> SwiftDeclaration {
        .property(
            SwiftProperty(
                name, type: nil, isMutable: false, isStatic: true, access: access,
                value: .rawString(ExampleBuilder.prettyJSON(value, width: Self.exampleWidth))))
    }

    private func initializer(header: SwiftType, body: SwiftType, bodyIsEmpty: Bool) -> SwiftFunction {
        SwiftFunction(
            "init", access: access,
            parameters: [.init("header", header), .init("body", body, defaultValue: bodyIsEmpty ? .call(.dotMember("init"), []) : nil)],
            body: [.assign(.member(.identifier("self"), "header"), .identifier("header")), .assign(.member(.identifier("self"), "body"), .identifier("body"))])
    }
}
