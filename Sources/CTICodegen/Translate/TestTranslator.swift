import CTISpec

/// Generated Swift Testing suites for a spec: every message round-trips from its example and keeps
/// unknown members, every rule rejects a broken copy with the exact issue, and every query and
/// request is routed to its handler with its headers echoed.
struct TestTranslator {
    let spec: Spec
    let names: GeneratedNames
    let moduleName: String

    /// The test files' imports.
    var imports: [String] { ["CTIRuntime", "Testing", "@testable \(moduleName)"] }

    /// A request id with braces and capitals, to prove it is echoed byte for byte.
    static let requestID = "{0F8FAD5B-D9CB-469F-A165-70867728950E}"

    // MARK: Expression helpers

    private func parse(_ json: SwiftExpression) -> SwiftExpression {
        .try(.method(.call("JSONParser"), "parse", (nil, json)))
    }

    private func expect(_ condition: SwiftExpression) -> SwiftStatement {
        .expression(.call(.identifier("#expect"), [.init(nil, condition)]))
    }

    private func test(_ name: String, isAsync: Bool = false, _ body: [SwiftStatement]) -> SwiftDeclaration {
        .function(SwiftFunction(name, isAsync: isAsync, isThrowing: true, body: body, attributes: ["@Test"]))
    }

    /// A header of `kind` with a value for each stored field (the success value for the status).
    private func header(_ kind: MessageKind) -> SwiftExpression {
        let arguments = kind.header.filter(ResponseShape.isStored).filter(\.isRequired).map { field -> SwiftExpression.Argument in
            switch field.type {
            case .guid: return .init(field.swiftPropertyName, .call("RequestID", ("unchecked", .string(Self.requestID))))
            case .enumeration(let values): return .init(field.swiftPropertyName, .dotMember(SwiftNaming.propertyName(values.first ?? "")))
            default: return .init(field.swiftPropertyName, .string("test.\(field.key)"))
            }
        }
        return .call(.identifier(names.header(kind)), arguments)
    }

    // MARK: Protocol tests

    /// Each kind's header rules: `type`, `name`, required fields, GUID form and the protocol's rules.
    func protocolTests() -> [SwiftDeclaration] {
        var members: [SwiftDeclaration] = []
        for kind in spec.protocolDefinition.kinds {
            let typeName = names.header(kind)
            let fixedName = HeaderTranslator.hasFixedName(kind)
            let name = lowerFirst(typeName)
            var cases: [(String, String)] = []
            let valid = validHeaderJSON(kind)
            func broken(_ key: String, _ value: SpecValue?) -> String {
                ExampleBuilder.json(.object(valid.compactMap { member in
                    guard member.key == key else { return member }
                    return value.map { SpecValue.Member(key: key, value: $0, location: member.location) }
                }))
            }
            for field in kind.header {
                switch field.type {
                case .wireType:
                    cases.append((broken(field.key, .string("cti.wrong")), "\(field.key): expected '\(kind.wireType)', found 'cti.wrong'"))
                case .messageName:
                    cases.append((broken(field.key, .string("other.name")), "\(field.key): expected 'test.name', found 'other.name'"))
                case .guid:
                    cases.append((broken(field.key, .string("nope")), "\(field.key): 'nope' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)"))
                case .string where field.isRequired:
                    cases.append((broken(field.key, .integer(7)), "\(field.key): expected string, found number"))
                default:
                    break
                }
                if field.isRequired {
                    cases.append((broken(field.key, nil), "\(field.key): required member is missing"))
                }
            }
            for rule in spec.protocolDefinition.rules {
                guard let condition = rule.when, let required = rule.require, let field = kind.headerField(required),
                    !field.isRequired, kind.headerField(condition.key) != nil
                else { continue }
                let json = ExampleBuilder.json(.object(valid.map { member in
                    member.key == condition.key ? SpecValue.Member(key: member.key, value: .string(condition.equals), location: member.location) : member
                }.filter { $0.key != required }))
                cases.append((json, "\(required): required when \(condition.key) is \(condition.equals) (\(rule.summary))"))
            }
            var readArguments: [SwiftExpression.Argument] = [.init("json", parse(.identifier("json")))]
            if fixedName { readArguments.append(.init("name", .string("test.name"))) }
            readArguments.append(.init("issues", .inoutArgument(.identifier("issues"))))
            members.append(
                test("\(name)ReadsAValidHeader", [
                    .var("issues", type: .array(.named("ValidationIssue")), value: .array([])),
                    .let("json", value: .string(ExampleBuilder.json(.object(valid)))),
                    expect(.binary(.call(.identifier(typeName), readArguments), "!=", .nil)),
                    expect(.binary(.identifier("issues"), "==", .array([]))),
                ]))
            members.append(
                test("\(name)RejectsEachBrokenField", [
                    .let("cases", type: .array(.named("(json: String, issue: String)")), value: .array(cases.map { .tuple([.init("json", .string($0.0)), .init("issue", .string($0.1))]) })),
                    .for("testCase", in: .identifier("cases"), body: [
                        .var("issues", type: .array(.named("ValidationIssue")), value: .array([])),
                        .let("json", value: .member(.identifier("testCase"), "json")),
                        expect(.binary(.call(.identifier(typeName), readArguments), "==", .nil)),
                        expect(.method(.method(.identifier("issues"), "map", (nil, .keyPath("description"))), "contains", (nil, .member(.identifier("testCase"), "issue")))),
                    ]),
                ]))
        }
        return [
            .type(
                SwiftTypeDeclaration(
                    .struct, "ProtocolHeaderTests", doc: SwiftDocComment(["Every header field and rule of every kind rejects a broken header with the exact issue."]),
                    members: members))
        ]
    }

    /// A header as JSON with a valid value for every field of the kind (name `test.name`).
    private func validHeaderJSON(_ kind: MessageKind) -> [SpecValue.Member] {
        kind.header.filter { $0.isRequired }.map { field in
            let value: SpecValue
            switch field.type {
            case .wireType: value = .string(kind.wireType)
            case .messageName: value = .string("test.name")
            case .guid: value = .string(Self.requestID)
            case .enumeration(let values): value = .string(values.first ?? "")
            default: value = .string("test.\(field.key)")
            }
            return SpecValue.Member(key: field.key, value: value, location: field.location)
        }
    }

    // MARK: Destination tests

    /// Round trips, unknown members and body rules for every message of a destination.
    func destinationTests(_ destination: Destination) -> [SwiftDeclaration] {
        var members: [SwiftDeclaration] = []
        for message in destination.messages {
            guard let kind = spec.protocolDefinition.kind(message.kind) else { continue }
            let namespace = names.namespace(destination)
            members += messageTests(
                type: "\(namespace).\(message.swiftTypeName(in: destination))", kind: kind, body: message.body, bodyIsOptional: false,
                testName: lowerFirst(message.swiftTypeName(in: destination)), destination: destination)
            if let response = message.response, let shape = ResponseShape(answering: kind, in: spec.protocolDefinition) {
                members += messageTests(
                    type: "\(namespace).\(message.swiftResponseTypeName(in: destination))", kind: shape.kind, body: response.body,
                    bodyIsOptional: response.body.fields.contains(where: \.isRequired),
                    testName: lowerFirst(message.swiftResponseTypeName(in: destination)), destination: destination)
            }
        }
        return [
            .type(
                SwiftTypeDeclaration(
                    .struct, "\(names.namespace(destination))MessageTests",
                    doc: SwiftDocComment(["Every message of the \(destination.name) destination: a round trip from its example, unknown members kept, and each body rule rejecting a broken copy."]),
                    members: members))
        ]
    }

    private func messageTests(
        type: String, kind: MessageKind, body: Body, bodyIsOptional: Bool, testName: String, destination: Destination
    ) -> [SwiftDeclaration] {
        let example = ExampleBuilder.example(of: body, in: destination)
        // Every test starts from the example body and a message carrying it.
        let setUp: [SwiftStatement] = [
            .let("example", value: parse(.member(.identifier(type), "exampleBodyJSON"))),
            .let("message", value: .call(.identifier(type), [.init("header", header(kind)), .init("body", .try(.call(.identifier("\(type).Body"), [.init("validating", .identifier("example"))])))])),
        ]
        let decodedBody: SwiftExpression = bodyIsOptional ? .optionalChain(.member(.identifier("decoded"), "body")) : .member(.identifier("decoded"), "body")
        let unknownValue = SwiftExpression.array([.string("kept"), .integer(1)])
        var result: [SwiftDeclaration] = [
            test("\(testName)RoundTripsItsExample", setUp + [
                .let("decoded", value: .try(.call(.identifier(type), [.init("parsing", .method(.member(.identifier("message"), "envelope"), "serialized"))]))),
                expect(.binary(.identifier("decoded"), "==", .identifier("message"))),
                expect(.binary(.member(.member(decodedBody, "json"), "canonicalized"), "==", .member(.identifier("example"), "canonicalized"))),
                expect(.member(.method(.identifier("decoded"), "validate"), "isEmpty")),
            ]),
            test("\(testName)KeepsUnknownMembers", [
                .var("json", value: .try(.call(.identifier("#require"), [.init(nil, .member(parse(.member(.identifier(type), "exampleBodyJSON")), "objectValue"))]))),
                .assign(.subscript(.identifier("json"), .string("x-unknown")), unknownValue),
                .let("body", value: .try(.call(.identifier("\(type).Body"), [.init("validating", .call(.dotMember("object"), [.init(nil, .identifier("json"))]))]))),
                expect(.binary(.subscript(.member(.identifier("body"), "unknownFields"), .string("x-unknown")), "==", unknownValue)),
                expect(.binary(.subscript(.optionalChain(.member(.member(.identifier("body"), "json"), "objectValue")), .string("x-unknown")), "==", unknownValue)),
            ]),
        ]
        let cases = brokenBodies(example, fields: body.fields, path: "body", in: destination)
        if !cases.isEmpty {
            let envelope = SwiftExpression.call("Envelope", ("header", .member(.member(.identifier("message"), "envelope"), "header")), ("body", .identifier("body")))
            result.append(
                test("\(testName)RejectsEachBrokenBody", setUp + [
                    .let("cases", type: .array(.named("(json: String, issue: String)")), value: .array(cases.map { .tuple([.init("json", .string(ExampleBuilder.json($0.0))), .init("issue", .string($0.1))]) })),
                    .for("testCase", in: .identifier("cases"), body: [
                        .let("body", value: parse(.member(.identifier("testCase"), "json"))),
                        .var("issues", type: .array(.named("ValidationIssue")), value: .array([])),
                        expect(.binary(.call(.identifier(type), [.init("envelope", envelope), .init("issues", .inoutArgument(.identifier("issues")))]), "==", .nil)),
                        expect(.method(.method(.identifier("issues"), "map", (nil, .keyPath("description"))), "contains", (nil, .member(.identifier("testCase"), "issue")))),
                    ]),
                ]))
        }
        return result
    }

    /// For each field (recursing into objects): the body without it when it is required, and with a
    /// value of the wrong kind; each with the exact issue it must produce.
    private func brokenBodies(_ example: SpecValue, fields: [Field], path: String, in destination: Destination) -> [(SpecValue, String)] {
        guard case .object(let members) = example else { return [] }
        var result: [(SpecValue, String)] = []
        func replacing(_ key: String, with value: SpecValue?) -> SpecValue {
            .object(members.compactMap { member in
                guard member.key == key else { return member }
                return value.map { SpecValue.Member(key: key, value: $0, location: member.location) }
            })
        }
        for field in fields {
            let key = field.memberName
            guard let current = members.first(where: { $0.key == key }) else { continue }
            if field.isRequired {
                result.append((replacing(key, with: nil), "\(path).\(key): required member is missing"))
            }
            let type = destination.resolved(field.type)
            if let (wrong, issue) = wrongValue(for: type) {
                result.append((replacing(key, with: wrong), "\(path).\(key): \(issue)"))
            }
            if case .object(let nested) = type {
                result += brokenBodies(current.value, fields: nested, path: "\(path).\(key)", in: destination).map { (replacing(key, with: $0.0), $0.1) }
            }
        }
        return result
    }

    private func wrongValue(for type: FieldType) -> (SpecValue, String)? {
        switch type {
        case .string, .messageName, .wireType: (.integer(42), "expected string, found number")
        case .boolean: (.string("yes"), "expected boolean, found string")
        case .integer: (.string("x"), "expected integer, found string")
        case .number: (.string("x"), "expected number, found string")
        case .guid: (.string("not-a-guid"), "'not-a-guid' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)")
        case .enumeration: (.integer(7), "expected string, found number")
        case .constant(let value): (.string("wrong"), "expected '\(value)', found 'wrong'")
        case .object, .map: (.string("x"), "expected object, found string")
        case .array: (.object([]), "expected array, found object")
        case .json, .reference: nil
        }
    }

    // MARK: Routing tests

    /// Every query and request routed to its handler with its headers echoed; a throwing handler
    /// answered FAILURE; what the client sends decoded on the bridge side; the conformance suite.
    func routingTests() -> [SwiftDeclaration] {
        guard let shape = spec.protocolDefinition.kinds.lazy.compactMap({ ResponseShape(answering: $0, in: self.spec.protocolDefinition) }).first else {
            return []
        }
        let echoed = ["name"] + shape.echoed.map(\.key)
        var members: [SwiftDeclaration] = []
        var failingMethods: [SwiftDeclaration] = []
        var failureChecks: [SwiftStatement] = [.let("router", value: .call("Router", ("handler", .call(names.failingClientHandler))))]
        var clientMessageChecks: [SwiftStatement] = []
        for destination in spec.destinations {
            let translator = DestinationTranslator(access: nil, names: names, spec: spec, destination: destination)
            let namespace = names.namespace(destination)
            for message in translator.requests {
                guard let kind = spec.protocolDefinition.kind(message.kind) else { continue }
                let type = "\(namespace).\(message.swiftTypeName(in: destination))"
                let responseType = "\(namespace).\(message.swiftResponseTypeName(in: destination))"
                let request: [SwiftStatement] = [
                    .let("request", value: .call(.identifier(type), [.init("header", header(kind)), .init("body", .try(.call(.identifier("\(type).Body"), [.init("validating", parse(.member(.identifier(type), "exampleBodyJSON")))])))])),
                    .let("frame", value: .try(.await(.method(.identifier("router"), "route", (nil, .method(.member(.identifier("request"), "envelope"), "serialized")))))),
                    .let("answer", value: .try(.call("Envelope", ("parsing", .identifier("frame"))))),
                    .let("response", value: .try(.call(.identifier(responseType), [.init("envelope", .identifier("answer"))]))),
                ]
                let echoChecks = echoed.map { key in
                    expect(.binary(.subscript(.member(.identifier("answer"), "header"), .string(key)), "==", .subscript(.member(.member(.identifier("request"), "envelope"), "header"), .string(key))))
                }
                let status = SwiftExpression.member(.member(.identifier("response"), "header"), shape.status.swiftPropertyName)
                let testName = "routes" + message.swiftTypeName(in: destination)
                var successChecks = echoChecks + [
                    expect(.binary(status, "==", .dotMember(SwiftNaming.propertyName(shape.successValue)))),
                    expect(.member(.method(.identifier("response"), "validate"), "isEmpty")),
                ]
                if !(message.response?.body.fields.isEmpty ?? true) {
                    successChecks.insert(.let("expected", value: .try(.call(.identifier("\(responseType).Body"), [.init("validating", parse(.member(.identifier(responseType), "exampleBodyJSON")))]))), at: 0)
                    successChecks.append(expect(.binary(.member(.identifier("response"), "body"), "==", .identifier("expected"))))
                }
                members.append(test(testName, isAsync: true, [.let("router", value: .call("Router", ("handler", .call(names.exampleClientHandler))))] + request + successChecks))
                failureChecks.append(
                    .if(
                        [.expression(.boolean(true))],
                        then: request + echoChecks + [
                            expect(.binary(status, "==", .dotMember(SwiftNaming.propertyName(shape.failureValue)))),
                            expect(.binary(.member(.member(.identifier("response"), "header"), shape.message.swiftPropertyName), "==", .string("refused by test"))),
                        ],
                        else: nil))
                let bodyIsEmpty = message.response?.body.fields.isEmpty ?? true
                failingMethods.append(
                    .function(
                        SwiftFunction(
                            DestinationTranslator.handlerMethodName(message, in: destination),
                            parameters: [.init(label: "_", "message", .named(type))], isAsync: true, isThrowing: true,
                            returnType: bodyIsEmpty ? nil : .named("\(responseType).Body"),
                            body: [.throw(.call("CTIFailure", (nil, .string("refused by test"))))])))
            }
            for entry in translator.clientMessages {
                guard let kind = spec.protocolDefinition.kind(entry.message.kind) else { continue }
                let messageKind = entry.isResponse ? (ResponseShape(answering: kind, in: spec.protocolDefinition)?.kind ?? kind) : kind
                let type = "\(namespace).\(entry.typeName)"
                var headerExpression = header(messageKind)
                if !HeaderTranslator.hasFixedName(messageKind), case .call(let callee, var arguments, _) = headerExpression,
                    let index = arguments.firstIndex(where: { $0.label == "name" })
                {
                    arguments[index].value = .string("test.client.\(messageKind.id.rawValue)")
                    headerExpression = .call(callee, arguments)
                }
                clientMessageChecks += [
                    .let(entry.caseName, value: .call(.identifier(type), [.init("header", headerExpression), .init("body", .try(.call(.identifier("\(type).Body"), [.init("validating", parse(.member(.identifier(type), "exampleBodyJSON")))])))])),
                    expect(.binary(.call(names.clientMessage, ("envelope", .member(.identifier(entry.caseName), "envelope")), ("issues", .inoutArgument(.identifier("issues")))), "==", .call(.dotMember(names.clientMessageCase(destination)), [.init(nil, .call(.dotMember(entry.caseName), [.init(nil, .identifier(entry.caseName))]))]))),
                ]
            }
        }
        members.append(test("aThrowingHandlerIsAnsweredWithFailure", isAsync: true, failureChecks))
        members.append(
            test("theBridgeSideReadsEverythingTheClientSends", [.var("issues", type: .array(.named("ValidationIssue")), value: .array([]))] + clientMessageChecks + [expect(.binary(.identifier("issues"), "==", .array([])))]))
        members.append(
            test("theExampleHandlerKeepsEveryPromise", isAsync: true, [
                expect(.binary(.await(.method(.call(names.clientConformance, ("handler", .call(names.exampleClientHandler))), "run")), "==", .array([])))
            ]))
        return [
            .type(
                SwiftTypeDeclaration(
                    .struct, "RoutingTests",
                    doc: SwiftDocComment(["Every query and request routed to its handler with name, target and request id echoed; FAILURE for a throwing handler; the bridge side reading what the client sends; the conformance suite."]),
                    members: members)),
            .type(
                SwiftTypeDeclaration(
                    .struct, names.failingClientHandler, conformances: [names.clientHandler],
                    doc: SwiftDocComment(["A handler that refuses everything, to check FAILURE answers."]), members: failingMethods)),
        ]
    }

    private func lowerFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}
