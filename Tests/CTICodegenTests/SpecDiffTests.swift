import CTICodegen
import CTISpec
import Foundation
import Testing

/// `SpecDiff` on pairs of specs: the shipped spec against itself edited, one pair per rule, each with the
/// classes and texts it must report and no other class.
@Suite struct SpecDiffTests {
    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("spec")

    /// The shipped spec with `session` and `protocolEdits` applied to its two files (each a list of
    /// replacements, every occurrence replaced).
    static func spec(session: [(String, String)] = [], protocol protocolEdits: [(String, String)] = []) throws -> Spec {
        let files = try SpecLoader.specFiles(in: specFolder.path).map { path in
            var text = try String(contentsOfFile: path, encoding: .utf8)
            for (old, new) in path.hasSuffix("session.yaml") ? session : protocolEdits {
                #expect(text.contains(old), "the text to replace is not in \(path): \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            return (path: "spec/" + URL(fileURLWithPath: path).lastPathComponent, contents: text)
        }
        let result = SpecLoader.forSwift().load(files: files)
        return try #require(result.spec, "the edited spec does not lint: \(result.diagnostics.map(\.description))")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var session: [(String, String)] = []
        var protocolEdits: [(String, String)] = []
        /// Lines the diff must contain (`class: text`, a part of the line after its location).
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a required member added to a response",
            session: [("        - key: channelGroup\n", "        - key: agentId\n          type: string\n          notes: The agent.\n        - key: channelGroup\n")],
            expected: [
                "spec/session.yaml:141:11: error: wire-breaking: the response body of session.query.init: required member 'agentId' added: a client built from the old spec does not send it, and a bridge built from the new spec rejects the message",
                "warning: source-breaking: `Session.InitQuery.ResponseBody.init(channelGroup:)` no longer exists (it was `init(channelGroup: Swift.String)`); there is now `init(agentId: Swift.String, channelGroup: Swift.String)`",
            ]),
        Case(
            name: "an optional member added to a request",
            session: [("      - key: realtime\n", "      - key: scope\n        type: string\n        required: false\n        notes: Which team.\n      - key: realtime\n")],
            expected: ["note: compatible: the body of session.request.getteamstatus: optional member 'scope' added"]),
        Case(
            name: "a member removed",
            session: [("      - key: chat\n        type: boolean\n        notes: True if the agent should have chat enabled\n", "")],
            expected: [
                "spec/session.yaml:96:9: error: wire-breaking: the body of session.query.init: member 'chat' removed: a client built from the old spec still requires it",
                "warning: source-breaking: `Session.InitQuery.Body.chat` no longer exists (it was `var chat: Swift.Bool`)",
                "warning: source-breaking: `Session.InitQuery.Body.init(name:chat:email:)` no longer exists",
            ]),
        Case(
            name: "the last member of a body removed",
            session: [("    body:\n      - key: realtime\n        type: boolean\n        notes: True if updates events should be sent. False otherwise\n", "    body: []\n")],
            expected: [
                "error: wire-breaking: the body of session.request.getteamstatus: member 'realtime' removed: a client built from the old spec still requires it",
                "warning: source-breaking: `Session.GetTeamStatusRequest.Body` no longer exists (it was `struct Body: CTIRuntime.CTIObject`)",
                "warning: source-breaking: `Session.GetTeamStatusRequest.body` changed from `var body: Body` to `var body: CTIRuntime.EmptyBody`",
            ]),
        Case(
            name: "an optional member made required",
            session: [("        type: boolean\n        required: false\n        notes: True if the agent should have callback", "        type: boolean\n        notes: True if the agent should have callback")],
            expected: [
                "error: wire-breaking: the body of session.query.init: member 'callback' is now required: a bridge built from the old spec may leave it out, and a client built from the new spec then rejects the message",
                "warning: source-breaking: `Session.InitQuery.Body.callback` changed from `var callback: Swift.Bool?` to `var callback: Swift.Bool`",
                "warning: source-breaking: `Session.InitQuery.Body.init(name:chat:email:)` no longer exists",
            ]),
        Case(
            name: "a required member made optional",
            session: [("      - key: realtime\n        type: boolean\n", "      - key: realtime\n        type: boolean\n        required: false\n")],
            expected: [
                "error: wire-breaking: the body of session.request.getteamstatus: member 'realtime' is now optional: a bridge built from the new spec may leave it out, and a client built from the old spec then rejects the message",
                "warning: source-breaking: `Session.GetTeamStatusRequest.Body.realtime` changed from `var realtime: Swift.Bool` to `var realtime: Swift.Bool?`",
            ]),
        Case(
            name: "a member retyped",
            session: [("      - key: realtime\n        type: boolean\n", "      - key: realtime\n        type: string\n")],
            expected: [
                "error: wire-breaking: the body of session.request.getteamstatus: member 'realtime' changed type from boolean to string: peers built from the two specs find each other's values invalid",
                "warning: source-breaking: `Session.GetTeamStatusRequest.Body.realtime` changed from `var realtime: Swift.Bool` to `var realtime: Swift.String`",
            ]),
        Case(
            name: "an enum value removed",
            session: [("values: [TELEPHONY, EMAIL, CHAT, CALLBACK, UNSUPPORTED]", "values: [TELEPHONY, EMAIL, CHAT, UNSUPPORTED]")],
            expected: [
                "error: wire-breaking: the body of session.channel.added: member 'type': value 'CALLBACK' removed: a client built from the old spec may still send it, and a bridge built from the new spec reads it only as an unknown value",
                "warning: source-breaking: `Session.ChannelAddedEvent.Body.ChannelType.callback` no longer exists (it was `case callback`)",
            ]),
        Case(
            name: "an enum value added",
            session: [("values: [TELEPHONY, EMAIL, CHAT, CALLBACK, UNSUPPORTED]", "values: [TELEPHONY, EMAIL, CHAT, CALLBACK, SMS, UNSUPPORTED]")],
            expected: ["note: compatible: the body of session.channel.added: member 'type': value 'SMS' added (a bridge built from the old spec keeps it as an unknown value)"]),
        Case(
            name: "an event removed",
            session: [("  - name: session.closed\n", "  - name: session.ended\n"), ("produces: [session.closed]", "produces: [session.ended]")],
            expected: [
                "error: wire-breaking: session.closed removed (or renamed): a client built from the old spec still sends it, and one built from the new spec no longer understands it",
                "note: compatible: session.ended added: a new event, which a bridge built from the old spec does not read",
                "warning: source-breaking: `Session.ClosedEvent` no longer exists",
                "note: documentation: the events session.request.close causes changed",
            ]),
        Case(
            name: "a swiftName changed",
            session: [("    swiftName: GetTeamStatus\n", "    swiftName: TeamStatus\n")],
            expected: [
                "warning: source-breaking: `Session.GetTeamStatusRequest` no longer exists",
                "warning: source-breaking: `SessionHandler.handleGetTeamStatus(_:)` no longer exists",
                "warning: source-breaking: `SessionHandler.handleTeamStatus(_:)` is a new requirement: every type that conforms to `SessionHandler` must implement it",
            ]),
        Case(
            name: "a property renamed with swiftName",
            session: [("        swiftName: loginID\n", "        swiftName: agentLogin\n")],
            expected: [
                "warning: source-breaking: `Session.TeamMember.loginID` no longer exists (it was `var loginID: Swift.String`)",
                "warning: source-breaking: `Session.TeamMember.init(loginID:firstName:lastName:extension:state:stateChangeTime:)` no longer exists",
            ]),
        Case(
            name: "a request added",
            session: [("  - name: session.request.close\n    kind: request\n    swiftName: Close\n", "  - name: session.request.pause\n    kind: request\n    swiftName: Pause\n    summary: Pauses.\n    header:\n      - {key: type, notes: t}\n      - {key: name, notes: n}\n      - {key: target, notes: t}\n      - {key: requestId, notes: r}\n    body: []\n    response:\n      header:\n        - {key: type, notes: t}\n        - {key: name, notes: n}\n        - {key: result, notes: r}\n        - {key: errorMessage, notes: e}\n        - {key: target, notes: t}\n        - {key: requestId, notes: r}\n      body: []\n\n  - name: session.request.close\n    kind: request\n    swiftName: Close\n")],
            expected: ["warning: source-breaking: `SessionHandler.handlePause(_:)` is a new requirement: every type that conforms to `SessionHandler` must implement it"]),
        Case(
            name: "an example the new body rejects",
            session: [
                ("        notes: When the agent's state last changed\n", "        notes: When the agent's state last changed\n      - key: site\n        type: string\n        notes: Where the agent works\n"),
                ("\n            statechangetime: \"2024", "\n            site: \"HQ\"\n            statechangetime: \"2024"),
                ("\n          statechangetime: \"2024", "\n          site: \"HQ\"\n          statechangetime: \"2024"),
            ],
            expected: [
                "error: wire-breaking: type 'TeamMember': required member 'site' added: a client built from the old spec does not send it, and a bridge built from the new spec rejects the message",
                "error: wire-breaking: the old spec's example of the response to session.request.getteamstatus is no longer valid (example.teamstatus[0] lacks the required member 'site')",
                "warning: source-breaking: `Session.TeamMember.init(loginID:firstName:lastName:extension:state:stateChangeTime:)` no longer exists",
            ]),
        Case(
            name: "a protocol rule changed",
            protocolEdits: [("id: no-events-before-init", "id: events-wait-for-init")],
            expected: [
                "error: wire-breaking: rule 'no-events-before-init' removed: peers built from the old spec still enforce it",
                "error: wire-breaking: rule 'events-wait-for-init' added: peers built from the old spec do not follow it",
            ]),
        Case(
            name: "an example changed and still valid",
            session: [("loginid: \"agent1001\"", "loginid: \"agent1009\"")],
            expected: ["note: documentation: the example of the response to session.request.getteamstatus changed"]),
        Case(
            name: "notes and summaries only",
            session: [
                ("notes: Agent extension\n", "notes: The agent's extension\n"),
                ("A channel has been added for the agent.", "A channel was added for the agent."),
            ],
            expected: [
                "note: documentation: type 'TeamMember': member 'extension': its notes changed",
                "note: documentation: the summary of session.channel.added changed",
            ]),
    ]

    @Test(arguments: cases)
    func classifiesTheChange(_ testCase: Case) throws {
        let diff = SpecDiff(from: try Self.spec(), to: try Self.spec(session: testCase.session, protocol: testCase.protocolEdits))
        let lines = diff.report(.text).split(separator: "\n").map(String.init)
        for expected in testCase.expected {
            #expect(lines.contains { $0.contains(expected) }, "missing: \(expected)\ngot:\n\(lines.joined(separator: "\n"))")
        }
        let reported = Set(diff.changes.map(\.impact.label))
        let expectedClasses = Set(testCase.expected.compactMap { line in
            SpecChange.Impact.allCases.map(\.label).first { line.contains(": \($0): ") }
        })
        #expect(reported == expectedClasses, "got:\n\(lines.joined(separator: "\n"))")
    }

    @Test func aChangedConstantBreaksTheWire() throws {
        func withVersion(_ value: String) throws -> Spec {
            try Self.spec(session: [(
                "      - key: realtime\n",
                "      - key: version\n        type: constant\n        value: \"\(value)\"\n        notes: The team-status format.\n      - key: realtime\n"
            )])
        }
        let diff = SpecDiff(from: try withVersion("1"), to: try withVersion("2"))
        #expect(diff.report(.text) == """
            spec/session.yaml:441:9: error: wire-breaking: the body of session.request.getteamstatus: member 'version': constant changed from '1' to '2'
            1 wire-breaking, 0 source-breaking, 0 compatible, 0 documentation

            """)
    }

    @Test func theShippedSpecAgainstItselfHasNoChange() throws {
        let diff = SpecDiff(from: try Self.spec(), to: try Self.spec())
        #expect(diff.changes.isEmpty)
        #expect(diff.report(.text) == "no changes\n")
    }

    @Test func markdownAndJSONCarryTheSameChanges() throws {
        let diff = SpecDiff(
            from: try Self.spec(),
            to: try Self.spec(session: [("values: [TELEPHONY, EMAIL, CHAT, CALLBACK, UNSUPPORTED]", "values: [TELEPHONY, EMAIL, CHAT, CALLBACK, SMS, UNSUPPORTED]")]))
        let markdown = diff.report(.markdown)
        #expect(markdown.contains("| 0 | 0 | 1 | 0 |"))
        #expect(markdown.contains("### Destination `session`"))
        #expect(markdown.contains("| compatible | `spec/session.yaml:559:9` | the body of session.channel.added: member 'type': value 'SMS' added"))
        let json = try JSONSerialization.jsonObject(with: Data(diff.report(.json).utf8)) as? [String: Any]
        let changes = try #require(json?["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["impact"] as? String == "compatible")
        #expect(changes.first?["line"] as? Int == 559)
        #expect((json?["summary"] as? [String: Int])?["wire-breaking"] == 0)
    }
}

/// Properties of `SpecDiff` over random valid specs (`RandomSpec`, 100 seeds; a failure names its seed).
@Suite struct SpecDiffPropertyTests {
    static func load(_ text: String, seed: UInt64) throws -> Spec {
        let result = SpecLoader.forSwift().load(files: [(path: "spec/rnd.yaml", contents: text)])
        return try #require(result.spec, "seed \(seed): the random spec does not lint: \(result.diagnostics.map(\.description))\n\(text)")
    }

    @Test func aSpecAgainstItselfHasNoChange() throws {
        for seed in UInt64(0)..<100 {
            var random = RandomSpec(seed: seed)
            let text = random.destination()
            let diff = SpecDiff(from: try Self.load(text, seed: seed), to: try Self.load(text, seed: seed))
            #expect(diff.changes.isEmpty, "seed \(seed): \(diff.report(.text))")
        }
    }

    @Test func changedNotesAreDocumentationOnly() throws {
        for seed in UInt64(0)..<100 {
            var before = RandomSpec(seed: seed)
            var after = RandomSpec(seed: seed)
            let diff = SpecDiff(
                from: try Self.load(before.destination(), seed: seed),
                to: try Self.load(after.destination(notes: "Other notes"), seed: seed))
            #expect(!diff.changes.isEmpty, "seed \(seed)")
            #expect(diff.changes.allSatisfy { $0.impact == .documentation }, "seed \(seed): \(diff.report(.text))")
        }
    }
}
