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
                "spec/session.yaml:421:5: warning: source-breaking: `Session.GetTeamStatusRequest.Body.init(realtime:)` no longer exists (it was `init(realtime: Swift.Bool)`); there is now `init(realtime: Swift.Bool? = default)`",
            ]),
        Case(
            name: "a member retyped",
            session: [("      - key: realtime\n        type: boolean\n", "      - key: realtime\n        type: string\n")],
            expected: [
                "error: wire-breaking: the body of session.request.getteamstatus: member 'realtime' changed type from boolean to string: peers built from the two specs find each other's values invalid",
                "warning: source-breaking: `Session.GetTeamStatusRequest.Body.realtime` changed from `var realtime: Swift.Bool` to `var realtime: Swift.String`",
                "warning: source-breaking: `Session.GetTeamStatusRequest.Body.init(realtime:)` changed from `init(realtime: Swift.Bool)` to `init(realtime: Swift.String)`",
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
                "spec/session.yaml:421:5: warning: source-breaking: `Session.GetTeamStatusRequest` no longer exists",
                "spec/session.yaml:421:5: warning: source-breaking: `SessionHandler.handleGetTeamStatus(_:)` no longer exists",
                "spec/session.yaml:421:5: warning: source-breaking: `SessionHandler.handleTeamStatus(_:)` is a new requirement: every type that conforms to `SessionHandler` must implement it",
                "spec/session.yaml:421:5: warning: source-breaking: `ExampleClientHandler.handleGetTeamStatus(_:)` no longer exists",
                "spec/session.yaml:455:7: warning: source-breaking: `Session.GetTeamStatusResponse` no longer exists",
                "spec/session.yaml:455:7: warning: source-breaking: `Session.ClientMessage.getTeamStatusResponse` no longer exists",
            ]),
        Case(
            name: "a property renamed with swiftName",
            session: [("        swiftName: loginID\n", "        swiftName: agentLogin\n")],
            expected: [
                "warning: source-breaking: `Session.TeamMember.loginID` no longer exists (it was `var loginID: Swift.String`)",
                "warning: source-breaking: `Session.TeamMember.init(loginID:firstName:lastName:extension:state:stateChangeTime:)` no longer exists",
            ]),
        Case(
            name: "a named type renamed",
            session: [("  - name: TeamMember\n", "  - name: AgentStatus\n"), ("items: {type: TeamMember}", "items: {type: AgentStatus}")],
            expected: [
                "spec/session.yaml:19:5: warning: source-breaking: `Session.TeamMember` no longer exists (it was `struct TeamMember: CTIRuntime.CTIObject`)",
                "warning: source-breaking: `Session.GetTeamStatusRequest.ResponseBody.init(teamStatus:)` changed from `init(teamStatus: [Session.TeamMember])` to `init(teamStatus: [Session.AgentStatus])`",
                "warning: source-breaking: `Session.GetTeamStatusRequest.ResponseBody.teamStatus` changed from `var teamStatus: [Session.TeamMember]` to `var teamStatus: [Session.AgentStatus]`",
                "warning: source-breaking: `Session.TeamStatusUpdatedEvent.Body.init(teamStatus:)` changed",
                "warning: source-breaking: `Session.TeamStatusUpdatedEvent.Body.teamStatus` changed",
            ]),
        Case(
            name: "a warning's swiftName changed",
            session: [("    swiftName: ClientWarning\n", "    swiftName: PlatformWarning\n")],
            expected: [
                "spec/session.yaml:770:5: warning: source-breaking: `Session.ClientWarning` no longer exists (it was `struct ClientWarning: CTIRuntime.CTINotice, SessionMessage`)",
                "spec/session.yaml:770:5: warning: source-breaking: `Session.ClientMessage.clientWarning` no longer exists (it was `case clientWarning(ClientWarning)`)",
            ]),
        Case(
            name: "a target form given",
            session: [("initQuery: session.query.init\n", "initQuery: session.query.init\ntarget: \"{agent}\"\n")],
            expected: ["spec/session.yaml:1:1: error: wire-breaking: the target form of destination 'session' changed from any to '{agent}': a peer built from one spec refuses targets the other sends"]),
        Case(
            name: "the frame limit changed",
            protocolEdits: [("maxFrameBytes: 1048576", "maxFrameBytes: 65536")],
            expected: ["error: wire-breaking: framing.maxFrameBytes changed from 1048576 to 65536: peers built from the two specs frame messages differently"]),
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
                "spec/session.yaml:755:7: error: wire-breaking: the old spec's example of session.teamstatus.updated is no longer valid (example.teamstatus[0] lacks the required member 'site')",
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
        let lines = diff.report(.text).split(separator: "\n").map(String.init).dropLast()  // the counts
        var matched: [SpecChange.Impact: Set<Int>] = [:]
        for expected in testCase.expected {
            // `... <class>: <text>`: a line of that class holding the text (several changes to Swift
            // symbols at one spec row are one line).
            let impact = try #require(SpecChange.Impact.allCases.first { expected.contains(": \($0.label): ") })
            let marker = expected.range(of: ": \(impact.label): ")!
            let (head, text) = (String(expected[..<marker.upperBound]), String(expected[marker.upperBound...]))
            let index = lines.firstIndex { $0.contains(head) && $0.contains(text) }
            #expect(index != nil, "missing: \(expected)\ngot:\n\(lines.joined(separator: "\n"))")
            if let index { matched[impact, default: []].insert(index) }
        }
        // Every line is expected: nothing reported twice, nothing extra.
        for impact in SpecChange.Impact.allCases {
            #expect(diff.count(impact) == matched[impact, default: []].count, "\(impact.label): got:\n\(lines.joined(separator: "\n"))")
        }
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
        let moved = SpecDiff(from: try Self.spec(), to: try Self.spec(session: [("messages:\n", "# a comment\n\nmessages:\n")]))
        #expect(moved.changes.isEmpty, "\(moved.report(.text))")
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
            // The new side is the same text one line lower: nothing may depend on where things are written.
            let diff = SpecDiff(from: try Self.load(text, seed: seed), to: try Self.load("# moved down\n" + text, seed: seed))
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
