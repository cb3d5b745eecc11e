import CTIRuntime
import CTISpec

/// Generated Swift Testing suites for a spec, as tables of the spec's types and cases run through the
/// runtime's ``MessageChecks``: every message round-trips from its example and keeps unknown members,
/// every rule refuses a broken copy with the exact issue, every query and request is routed with its
/// headers echoed, everything the client sends is read by the bridge side, and the example handler
/// passes the conformance suite. Suites are named after their destination, so tests of any spec that
/// lints compile side by side.
struct TestTranslator {
    let spec: Spec
    let names: GeneratedNames
    let moduleName: String

    /// The test files' imports.
    var imports: [String] { ["CTIRuntime", "Testing", "@testable \(moduleName)"] }

    // MARK: Helpers

    private func expectNoFindings(_ findings: SwiftExpression) -> SwiftStatement {
        .expression(.call(.identifier("#expect"), [.init(nil, .binary(findings, "==", .array([])))]))
    }

    private func test(_ name: String, arguments: String? = nil, parameter: (String, SwiftType)? = nil, isAsync: Bool = false, _ body: [SwiftStatement]) -> SwiftDeclaration {
        .function(
            SwiftFunction(
                name, parameters: parameter.map { [.init(label: "_", $0.0, $0.1)] } ?? [], isAsync: isAsync, body: body,
                attributes: [arguments.map { "@Test(arguments: \($0))" } ?? "@Test"]))
    }

    private func table(_ name: String, _ type: SwiftType, _ elements: [SwiftExpression]) -> SwiftDeclaration {
        .property(SwiftProperty(name, type: type, isMutable: false, isStatic: true, value: .array(elements)))
    }

    // MARK: Protocol tests

    /// Each kind's header: its example reads back, and each broken field and rule is refused with the exact issue.
    func protocolTests() -> [SwiftDeclaration] {
        var headers: [SwiftExpression] = []
        var broken: [SwiftExpression] = []
        for kind in spec.protocolDefinition.kinds {
            let typeName = names.header(kind)
            let fixedName = HeaderTranslator.hasFixedName(kind)
            let messageName: SwiftExpression = fixedName ? .string(HeaderExample.messageName) : .nil
            headers.append(.tuple([.init(nil, .member(.identifier(typeName), "self")), .init(nil, messageName)]))
            for (json, issue) in brokenHeaders(kind) {
                broken.append(
                    .call(
                        .runtime("MessageChecks.BrokenHeader"),
                        [.init(nil, .member(.identifier(typeName), "self")), .init("messageName", messageName), .init(nil, .string(json)), .init(nil, .string(issue))]))
            }
        }
        let members: [SwiftDeclaration] = [
            table("headers", .array(.named("(type: any CTIRuntime.CTIHeader.Type, messageName: Swift.String?)")), headers),
            table("brokenHeaders", .array(.runtime("MessageChecks.BrokenHeader")), broken),
            test(
                "eachHeaderReadsItsExample", arguments: "headers", parameter: ("header", .named("(type: any CTIRuntime.CTIHeader.Type, messageName: Swift.String?)")),
                [expectNoFindings(.method(.runtime("MessageChecks"), "readsExample", (nil, .member(.identifier("header"), "type")), ("messageName", .member(.identifier("header"), "messageName"))))]),
            test(
                "eachBrokenHeaderIsRefused", arguments: "brokenHeaders", parameter: ("broken", .runtime("MessageChecks.BrokenHeader")),
                [
                    expectNoFindings(
                        .method(
                            .runtime("MessageChecks"), "refuses", (nil, .member(.identifier("broken"), "header")),
                            ("header", .member(.identifier("broken"), "json")), ("messageName", .member(.identifier("broken"), "messageName")),
                            ("with", .member(.identifier("broken"), "issue"))))
                ]),
        ]
        return [
            .type(
                SwiftTypeDeclaration(
                    .struct, names.protocolHeaderTests,
                    doc: SwiftDocComment(["Every header of the protocol reads its example, and refuses each broken field and rule with the exact issue."]),
                    members: members))
        ]
    }

    /// For each field of the kind: a wrong value and, when required, its absence; for each rule, a
    /// header that breaks it; each with the exact issue.
    private func brokenHeaders(_ kind: MessageKind) -> [(String, String)] {
        let valid = validHeaderJSON(kind)
        var cases: [(String, String)] = []
        for field in kind.header {
            /// The valid header with the field's value replaced (added after the others when the example
            /// leaves the field out), or the field left out for nil.
            func broken(_ value: SpecValue?) -> String {
                var members = valid
                if let index = members.firstIndex(where: { $0.key == field.key }) {
                    if let value { members[index].value = value } else { members.remove(at: index) }
                } else if let value {
                    members.append(SpecValue.Member(key: field.key, value: value, location: field.location))
                }
                return ExampleBuilder.json(.object(members))
            }
            switch field.type {
            case .wireType:
                cases.append((broken(.string("cti.wrong")), ValidationIssue.constantMismatch(at: field.key, expected: kind.wireType, found: "cti.wrong").description))
            case .messageName:
                cases.append((broken(.string("other.name")), ValidationIssue.constantMismatch(at: field.key, expected: HeaderExample.messageName, found: "other.name").description))
            default:
                if let (wrong, issue) = wrongValue(for: field.type) { cases.append((broken(wrong), "\(field.key): \(issue)")) }
            }
            if field.isRequired {
                cases.append((broken(nil), "\(field.key): required member is missing"))
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
        return cases
    }

    /// The kind's example header (``HeaderExample``) as JSON members.
    private func validHeaderJSON(_ kind: MessageKind) -> [SpecValue.Member] {
        HeaderExample.values(of: kind, in: spec.protocolDefinition).map { SpecValue.Member(key: $0.field.key, value: $0.value, location: $0.field.location) }
    }

    // MARK: Destination tests

    /// Round trips, unknown members and body rules for every message of a destination.
    func destinationTests(_ destination: Destination) -> [SwiftDeclaration] {
        let namespace = names.namespace(destination)
        var types: [SwiftExpression] = []
        var broken: [SwiftExpression] = []
        for message in destination.messages {
            var entries = [("\(namespace).\(message.swiftTypeName(in: destination))", message.body)]
            if MessageRole(of: message, in: spec.protocolDefinition) == .request, let response = message.response {
                entries.append(("\(namespace).\(message.swiftResponseTypeName(in: destination))", response.body))
            }
            for (type, body) in entries {
                types.append(.member(.identifier(type), "self"))
                let example = body.exampleValue(in: destination)
                for (json, issue) in brokenBodies(example, fields: body.fields, path: "body", in: destination) {
                    broken.append(
                        .call(
                            .runtime("MessageChecks.BrokenBody"),
                            [.init(nil, .member(.identifier(type), "self")), .init(nil, .string(ExampleBuilder.json(json))), .init(nil, .string(issue))]))
                }
            }
        }
        let message = SwiftExpression.identifier("message")
        var members: [SwiftDeclaration] = [
            table("messages", .array(.named("any CTIRuntime.CTIMessage.Type")), types),
            table("brokenBodies", .array(.runtime("MessageChecks.BrokenBody")), broken),
            test(
                "eachMessageRoundTripsItsExample", arguments: "messages", parameter: ("message", .named("any CTIRuntime.CTIMessage.Type")),
                [expectNoFindings(.method(.runtime("MessageChecks"), "roundTrip", (nil, message)))]),
            test(
                "eachMessageKeepsUnknownMembers", arguments: "messages", parameter: ("message", .named("any CTIRuntime.CTIMessage.Type")),
                [expectNoFindings(.method(.runtime("MessageChecks"), "keepsUnknownMembers", (nil, message)))]),
        ]
        if !broken.isEmpty {
            members.append(
                test(
                    "eachBrokenBodyIsRefused", arguments: "brokenBodies", parameter: ("broken", .runtime("MessageChecks.BrokenBody")),
                    [
                        expectNoFindings(
                            .method(
                                .runtime("MessageChecks"), "refuses", (nil, .member(.identifier("broken"), "message")),
                                ("body", .member(.identifier("broken"), "json")), ("with", .member(.identifier("broken"), "issue"))))
                    ]))
        }
        return [
            .type(
                SwiftTypeDeclaration(
                    .struct, names.messageTests(destination),
                    doc: SwiftDocComment(["Every message of the \(destination.name) destination: a round trip from its example, unknown members kept, and each body rule refusing a broken copy."]),
                    members: members))
        ]
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
        case .guid: (.string("not-a-guid"), RequestID.notAGUID("not-a-guid"))
        case .enumeration: (.integer(7), "expected string, found number")
        case .constant(let value): (.string("wrong"), ValidationIssue.constantMismatch(at: "", expected: value, found: "wrong").message)
        case .object, .map: (.string("x"), "expected object, found string")
        case .array: (.object([]), "expected array, found object")
        case .json, .reference: nil
        }
    }

    // MARK: Routing tests

    /// Every query and request routed to the example handler and to one that refuses everything; what
    /// the client sends read by the bridge side; the conformance suite.
    func routingTests() -> [SwiftDeclaration] {
        let conformance = "\(names.clientConformance)<\(names.exampleClientHandler)>"
        var clientSends: [SwiftExpression] = []
        var failingMethods: [SwiftDeclaration] = []
        for destination in spec.destinations {
            let translator = DestinationTranslator(access: nil, names: names, spec: spec, destination: destination)
            let namespace = names.namespace(destination)
            for entry in translator.clientMessages {
                clientSends.append(.member(.identifier("\(namespace).\(entry.typeName)"), "self"))
            }
            if !translator.variants.isEmpty {
                failingMethods.append(.function(translator.exampleVariantSelector()))
            }
            for message in translator.requests {
                let refuse = SwiftStatement.throw(.call(.runtime("CTIFailure"), [.init(nil, .string("refused by test"))]))
                failingMethods.append(.function(translator.handlerMethod(for: message, body: [refuse])))
            }
        }
        let request = SwiftExpression.identifier("request")
        let requestParameter: (String, SwiftType) = ("request", .named("any CTIRuntime.CTIRequest.Type"))
        let failing = names.failingClientHandler
        let members: [SwiftDeclaration] = [
            table("clientSends", .array(.named("any CTIRuntime.CTIMessage.Type")), clientSends),
            test(
                "eachRequestIsAnsweredWithItsExample", arguments: "\(conformance).requests", parameter: requestParameter, isAsync: true,
                [
                    expectNoFindings(
                        .await(
                            .method(
                                .runtime("MessageChecks"), "routesExample", (nil, request),
                                ("router", .call("CTIRuntime.Router", ("handler", .call(names.exampleClientHandler)))))))
                ]),
            test(
                "aThrowingHandlerIsAnsweredWithFailure", arguments: "\(conformance).requests", parameter: requestParameter, isAsync: true,
                [
                    expectNoFindings(
                        .await(
                            .method(
                                .runtime("MessageChecks"), "answersFailure", (nil, request),
                                ("router", .call("CTIRuntime.Router", ("handler", .call(failing)))), ("message", .string("refused by test")))))
                ]),
            test(
                "theBridgeSideReadsWhatTheClientSends", arguments: "clientSends", parameter: ("message", .named("any CTIRuntime.CTIMessage.Type")),
                [
                    expectNoFindings(
                        .call(
                            .runtime("MessageChecks.readsBack"),
                            [.init(nil, .identifier("message"))],
                            trailingClosure: SwiftClosure(value: .member(.optionalChain(.call(.identifier(names.clientMessage), [.init("envelope", .identifier("$0")), .init("issues", .inoutArgument(.identifier("$1")))])), "envelope"))))
                ]),
            test(
                "theExampleHandlerKeepsEveryPromise", isAsync: true,
                [expectNoFindings(.await(.method(.call(names.clientConformance, ("handler", .call(names.exampleClientHandler))), "run")))]),
        ]
        return [
            .type(
                SwiftTypeDeclaration(
                    .struct, names.routingTests,
                    doc: SwiftDocComment(["Every query and request routed with name, target and request id echoed; FAILURE for a throwing handler; the bridge side reading what the client sends; the conformance suite."]),
                    members: members)),
            .type(
                SwiftTypeDeclaration(
                    .struct, failing, conformances: [names.clientHandler],
                    doc: SwiftDocComment(["A handler that refuses everything, to check FAILURE answers."]), members: failingMethods)),
        ]
    }
}
