import CTICodegen
import CTIRuntime
import CTISpec
import Foundation
import Testing

/// Each broken spec must produce one exact, located diagnostic (among any others it causes).
@Suite struct BrokenSpecTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Text replaced in the small valid destination, and its replacement.
        var replace: String
        var with: String
        /// The diagnostic line that must be printed.
        var expected: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown key suggests the known one", replace: "notes: Chat enabled", with: "notse: Chat enabled",
            expected: "dest.yaml:17:9: error: unknown key 'notse' in a row of the body of the message 'dest.query.init'; did you mean 'notes'?"),
        Case(
            name: "members type and kind both declare Kind",
            replace: "      - {key: id, type: string, notes: The thing}",
            with: "      - {key: type, type: enum, values: [A, B], notes: t}\n      - {key: kind, type: enum, values: [C, D], notes: k}",
            expected: "dest.yaml:36:9: error: the fields 'type' and 'kind' in the body of the message 'dest.thing.added' both declare the Swift type 'Kind'; set swiftName on one"),
        Case(
            name: "unknown type suggests the known one", replace: "type: boolean", with: "type: bool",
            expected: "dest.yaml:15:9: error: the field 'chat' has the type 'bool', which is neither built in nor defined under 'types:'; did you mean 'boolean'?"),
        Case(
            name: "unknown kind", replace: "kind: event", with: "kind: evnt",
            expected: "dest.yaml:28:11: error: the kind of the message 'dest.thing.added' must be one of 'query', 'request', 'response', 'event', 'warning', 'error', found 'evnt'; did you mean 'event'?"),
        Case(
            name: "duplicate message name", replace: "name: dest.thing.added", with: "name: dest.query.init",
            expected: "dest.yaml:27:5: error: the message 'dest.query.init' is already defined at dest.yaml:6:5"),
        Case(
            name: "response named after another message", replace: "    response:\n      header:",
            with: "    response:\n      name: dest.query.other\n      header:",
            expected: "dest.yaml:19:13: error: the response is named 'dest.query.other' but answers 'dest.query.init'; a response repeats the name of what it answers"),
        Case(
            name: "produces an undefined event", replace: "    response:\n", with: "    produces: [dest.thing.aded]\n    response:\n",
            expected: "dest.yaml:18:16: error: the message 'dest.query.init' produces 'dest.thing.aded', which is not an event of this spec; did you mean 'dest.thing.added'?"),
        Case(
            name: "two keys become one Swift name", replace: "      - {key: id, type: string, notes: The thing}",
            with: "      - {key: max-chats, type: string, notes: a}\n      - {key: maxChats, type: string, notes: b}",
            expected: "dest.yaml:36:9: error: the fields 'max-chats' and 'maxChats' in the body of the message 'dest.thing.added' both become the Swift property 'maxChats'; set swiftName on one"),
        Case(
            name: "a key that cannot be a Swift property", replace: "{key: id, type: string", with: "{key: self, type: string",
            expected: "dest.yaml:35:9: error: the field 'self' would become the Swift property 'self', which generated code cannot use; set swiftName"),
        Case(
            name: "a body that is not a list", replace: "    body:\n      - {key: id, type: string, notes: The thing}",
            with: "    body: none",
            expected: "dest.yaml:34:11: error: the body of the message 'dest.thing.added' must be a list (lines starting with '- '), found the text 'none'"),
        Case(
            name: "missing required key", replace: "    summary: A thing was added.\n", with: "",
            expected: "dest.yaml:27:5: error: a message is missing the required key 'summary'"),
        Case(
            name: "enum lists a value twice", replace: "{key: id, type: string, notes: The thing}",
            with: "{key: state, type: enum, values: [ON, OFF, ON], notes: State}",
            expected: "dest.yaml:35:52: error: the enum the field 'state' lists the value 'ON' twice"),
        Case(
            name: "header row missing", replace: "      - {key: requestId, notes: Request id}\n", with: "",
            expected: "dest.yaml:6:5: error: the header of the message 'dest.query.init' has no row for 'requestId'; add it with the source's notes"),
        Case(
            name: "header row misspelled", replace: "{key: requestId, notes: Request id}", with: "{key: requestID, notes: Request id}",
            expected: "dest.yaml:13:9: error: the header of the message 'dest.query.init' has the row 'requestID', which query headers do not have; did you mean 'requestId'?"),
        Case(
            name: "initQuery names an event", replace: "initQuery: dest.query.init", with: "initQuery: dest.thing.added",
            expected: "dest.yaml:4:12: error: initQuery 'dest.thing.added' is not a query of the destination 'dest'"),
        Case(
            name: "invalid YAML", replace: "      - {key: target, notes: Target}", with: "      - {key: target, notes: Target",
            expected: "dest.yaml:13:9: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 12, column 9)"),
        Case(
            name: "duplicate YAML key", replace: "    summary: Initializes.\n", with: "    summary: Initializes.\n    summary: Again.\n",
            expected: "dest.yaml:8:5: error: the key 'summary' appears twice in one mapping; keep one"),
        Case(
            name: "example that does not match", replace: "        notes: Chat enabled\n", with: "        notes: Chat enabled\n    example: {chat: 'yes'}\n",
            expected: "dest.yaml:18:15: error: example.chat: expected boolean, found string"),
        Case(
            name: "array without items", replace: "{key: id, type: string, notes: The thing}", with: "{key: ids, type: array, notes: Things}",
            expected: "dest.yaml:35:26: error: the field 'ids' has type array and needs 'items'"),
        Case(
            name: "dotted key inside a non-object", replace: "{key: id, type: string, notes: The thing}",
            with: "{key: id, type: string, notes: a}\n      - {key: id.part, type: string, notes: b}",
            expected: "dest.yaml:36:9: error: the key 'id.part' puts a field inside 'id', but 'id' is not an object"),
        Case(
            name: "swiftName that is not an identifier", replace: "{key: id, type: string, notes: The thing}",
            with: "{key: id, type: string, notes: The thing, swiftName: my name}",
            expected: "dest.yaml:35:9: error: the swiftName 'my name' is not a Swift identifier (letters, digits, _)"),
        Case(
            name: "an event with a response", replace: "      - {key: id, type: string, notes: The thing}",
            with: "      - {key: id, type: string, notes: The thing}\n    response: {header: [], body: []}",
            expected: "dest.yaml:36:15: error: event messages are not answered; remove the response of the message 'dest.thing.added'"),
        Case(
            name: "a query without a response", replace: "    response:\n      header:", with: "    unused:\n      header:",
            expected: "dest.yaml:6:5: error: the message 'dest.query.init' is a query and needs a 'response:'"),
        Case(
            name: "a named type that contains itself", replace: "messages:\n",
            with: "types:\n  - name: Loop\n    summary: s\n    type: object\n    properties:\n      - {key: next, type: Loop, required: false, notes: n}\nmessages:\n",
            expected: "dest.yaml:6:5: error: the type 'Loop' contains itself outside an array or map, so a value of it could never end; put the inner one in an array"),
        Case(
            name: "a named type used twice", replace: "messages:\n",
            with: "types:\n  - {name: Mode, summary: s, type: enum, values: [A]}\n  - {name: Mode, summary: t, type: enum, values: [B]}\nmessages:\n",
            expected: "dest.yaml:7:5: error: the name 'Mode' is already used at dest.yaml:6:5; choose another"),
        Case(
            name: "a named type that is not an object or enum", replace: "messages:\n",
            with: "types:\n  - {name: Text, summary: s, type: string}\nmessages:\n",
            expected: "dest.yaml:6:5: error: the named type 'Text' is a string; a named type is an object or an enum (use the type directly in the field)"),
        Case(
            name: "a namespace whose handler protocol is a spec-wide name", replace: "destination: dest\n",
            with: "destination: dest\nswiftName: Client\n",
            expected: "dest.yaml:1:1: error: the destination 'dest' declares 'ClientHandler', a name generated code declares itself; set swiftName"),
        Case(
            name: "a namespace that is a generated test's name", replace: "destination: dest\n",
            with: "destination: dest\nswiftName: RoutingTests\n",
            expected: "dest.yaml:1:1: error: the destination 'dest' would become the Swift namespace 'RoutingTests', a name generated code declares or uses itself; set swiftName"),
        Case(
            name: "a field with a key of another type", replace: "{key: id, type: string, notes: The thing}",
            with: "{key: id, type: string, values: [A], notes: The thing}",
            expected: "dest.yaml:35:25: error: 'values' only applies to type enum or map, but the field 'id' has type string; remove it"),
    ]

    @Test(arguments: cases)
    func brokenSpecGivesLocatedDiagnostic(_ testCase: Case) throws {
        let destination = TestSupport.destinationYAML
        #expect(destination.contains(testCase.replace), "the case's text to replace is not in the base spec")
        let broken = destination.replacingOccurrences(of: testCase.replace, with: testCase.with)
        let result = TestSupport.load(destination: broken)
        let lines = result.diagnostics.map(\.description)
        #expect(result.spec == nil)
        #expect(lines.contains(testCase.expected), "got:\n\(lines.joined(separator: "\n"))")
    }

    @Test func theBaseSpecIsValid() {
        let result = TestSupport.load(destination: TestSupport.destinationYAML)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.spec?.destinations.first?.messages.count == 2)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let broken = TestSupport.destinationYAML
            .replacingOccurrences(of: "notes: Chat enabled", with: "notse: Chat enabled")
            .replacingOccurrences(of: "kind: event", with: "kind: evnt")
            .replacingOccurrences(of: "{key: requestId, notes: Request id}", with: "{key: requestID, notes: Request id}")
        let result = TestSupport.load(destination: broken)
        #expect(result.diagnostics.filter { $0.severity == .error }.count >= 3)
        // Sorted by position.
        #expect(result.diagnostics.map(\.location) == result.diagnostics.map(\.location).sorted())
    }

    @Test func withoutAProtocolFileTheBundledOneIsUsed() throws {
        let result = SpecLoader.forSwift().load(files: [("dest.yaml", TestSupport.destinationYAML)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.spec?.protocolDefinition.file == BundledProtocol.path)
    }

    @Test func theBundledProtocolIsTheShippedOne() throws {
        let shipped = try String(contentsOfFile: TestSupport.specFolder + "/protocol.yaml", encoding: .utf8)
        #expect(BundledProtocol.yaml == shipped, "Sources/CTISpec/BundledProtocol.swift must hold spec/protocol.yaml exactly")
    }

    @Test func answeringNeedsAnOutcomeRule() {
        let protocolText = TestSupport.protocolYAML.components(separatedBy: "rules:")[0]
        let result = TestSupport.load(destination: TestSupport.destinationYAML, protocol: protocolText)
        #expect(
            result.diagnostics.map(\.description).contains(
                "protocol.yaml:17:5: error: kind 'response' answers 'query' but no rule says which value of an enum header field is a failure and which optional field it requires (like failure-needs-error-message)"
            ))
    }

    /// The generated `answer(_:)` builds a response header from the request's: a protocol whose
    /// response needs a field the request cannot supply would lint and then not compile.
    @Test(arguments: [
        (
            "      - {key: errorMessage, type: string, required: false}\n",
            "      - {key: errorMessage, type: string, required: false}\n      - {key: agent, type: string}\n",
            "protocol.yaml:27:9: error: the header field 'agent' of kind 'response' is required, but kind 'query', which it answers, has no such field to echo; add it to 'query' or make it optional"
        ),
        (
            "      - {key: requestId, type: guid}\n      - {key: result",
            "      - {key: requestId, type: string}\n      - {key: result",
            "protocol.yaml:24:9: error: the header field 'requestId' of kind 'response' echoes kind 'query', where it has another type or swiftName; give it the same on both kinds"
        ),
        (
            "      - {key: requestId, type: guid}\n",
            "      - {key: requestId, type: guid}\n      - {key: priority, type: enum, values: [LOW, HIGH], required: false}\n",
            "protocol.yaml:26:9: error: the header field 'priority' of kind 'response' echoes kind 'query' and cannot be an enum (each header's enums are its own types); make it a string on both kinds"
        ),
        (
            "      - {key: requestId, type: guid}\n  - kind: response",
            "      - {key: requestId, type: guid, required: false}\n  - kind: response",
            "protocol.yaml:24:9: error: the header field 'requestId' of kind 'response' is required, but it is optional in kind 'query', which it answers and echoes; make both required or this one optional"
        ),
    ])
    func answerHeaderIsEchoedFromTheRequest(replace: String, with: String, expected: String) {
        #expect(TestSupport.protocolYAML.contains(replace), "the text to replace is not in the base protocol")
        let protocolText = TestSupport.protocolYAML.replacingOccurrences(of: replace, with: with)
        let result = TestSupport.load(destination: TestSupport.destinationYAML, protocol: protocolText)
        let lines = result.diagnostics.map(\.description)
        #expect(result.spec == nil)
        #expect(lines.contains(expected), "got:\n\(lines.joined(separator: "\n"))")
    }

    @Test(arguments: ["{processor}..CONTROL", "{}.CONTROL", "x{id}.CONTROL", "{a b}", ""])
    func aTargetFormMustBeSegments(pattern: String) {
        let destination = TestSupport.destinationYAML.replacingOccurrences(of: "initQuery: dest.query.init\n", with: "initQuery: dest.query.init\ntarget: \"\(pattern)\"\n")
        let result = TestSupport.load(destination: destination)
        #expect(result.spec == nil)
        #expect(result.diagnostics.map(\.description).contains(
            "dest.yaml:5:9: error: target must be dot-separated segments, each a word (CONTROL) or an id in braces ({processor}), found '\(pattern)'"))
    }

    @Test func aTargetFormIsRead() throws {
        let destination = TestSupport.destinationYAML.replacingOccurrences(of: "initQuery: dest.query.init\n", with: "initQuery: dest.query.init\ntarget: \"{processor}.CONTROL\"\n")
        let result = TestSupport.load(destination: destination)
        #expect(result.spec?.destinations.first?.target == TargetShape([.id("processor"), .word("CONTROL")]))
    }

    @Test func failureRuleMustNameHeaderFields() {
        let protocolText = TestSupport.protocolYAML.replacingOccurrences(of: "require: errorMessage", with: "require: errorText")
        let result = TestSupport.load(destination: TestSupport.destinationYAML, protocol: protocolText)
        #expect(
            result.diagnostics.map(\.description).contains(
                "protocol.yaml:35:5: error: the rule 'failure-needs-error-message' requires 'errorText', which the header of kind 'response' does not have"
            ))
    }
}
