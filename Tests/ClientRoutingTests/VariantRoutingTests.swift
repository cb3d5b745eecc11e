import CTIRuntime
import MultiMessages
import Testing

/// Typed destinations in the multi fixture: the client says which kind each channel and interaction
/// is, and the router answers each message with that kind's route, the generic one where the kind
/// does not change it, or FAILURE where the kind refuses it or does not have it.
@Suite struct VariantRoutingTests {
    static let requestId = "{6F9619FF-8B86-D011-B42D-00CF4FC964FF}"

    static func frame(_ type: String, _ name: String, target: String, body: String = "{}") -> [UInt8] {
        Array(#"{"header":{"type":"\#(type)","name":"\#(name)","target":"\#(target)","requestId":"\#(requestId)"},"body":\#(body)}"#.utf8)
    }

    static let client = MultiFixtureClient(
        channels: ["ch-phone": .telephony, "ch-fax": .unsupported], interactions: ["i-call": .telephony])

    static func answer(_ frame: [UInt8], client: MultiFixtureClient = client) async throws -> Envelope {
        try Envelope(parsing: try await Router(handler: client).route(frame))
    }

    @Test func eachKindOfChannelGetsItsOwnInitAndTheGenericDispose() async throws {
        let client = MultiFixtureClient(channels: ["ch-phone": .telephony, "ch-fax": .unsupported])
        for target in ["ch-1", "ch-phone", "ch-fax"] {
            let initAnswer = try await Self.answer(Self.frame("cti.query", "channel.query.init", target: target), client: client)
            #expect(initAnswer.headerString("result") == "SUCCESS")
            let disposeAnswer = try await Self.answer(Self.frame("cti.request", "channel.request.dispose", target: target), client: client)
            #expect(disposeAnswer.headerString("result") == "SUCCESS")
        }
        #expect(
            client.called == [
                "channel init", "dispose", "telephony channel init", "dispose", "unsupported channel init", "dispose",
            ])
        let telephonyInit = try await Self.answer(Self.frame("cti.query", "channel.query.init", target: "ch-phone"))
        #expect(telephonyInit.body == ["state": "LOGGED_IN", "extension": "4711"])
        let unsupportedInit = try await Self.answer(Self.frame("cti.query", "channel.query.init", target: "ch-fax"))
        #expect(unsupportedInit.body == ["state": "INACTIVE"])
    }

    @Test func aRefusedRequestIsAnsweredFailureWithoutTheHandler() async throws {
        let client = MultiFixtureClient(channels: ["ch-fax": .unsupported])
        let refused = try await Self.answer(Self.frame("cti.request", "channel.request.activate", target: "ch-fax"), client: client)
        #expect(refused.headerString("result") == "FAILURE")
        #expect(refused.headerString("errorMessage") == "An unsupported channel can only be disposed.")
        #expect(refused.headerString("name") == "channel.request.activate")
        #expect(refused.headerString("target") == "ch-fax")
        #expect(refused.headerString("requestId") == Self.requestId)
        #expect(client.called.isEmpty)
        let answered = try await Self.answer(Self.frame("cti.request", "channel.request.activate", target: "ch-1"), client: client)
        #expect(answered.headerString("result") == "SUCCESS")
        #expect(client.called == ["activate"])
    }

    @Test func aVariantsOwnRequestIsRefusedForOtherKinds() async throws {
        let dial = Self.frame("cti.request", "channel.request.dial", target: "ch-1", body: #"{"destination":"+4930123"}"#)
        let refused = try await Self.answer(dial)
        #expect(refused.headerString("result") == "FAILURE")
        #expect(
            refused.headerString("errorMessage")
                == "'channel.request.dial' is not supported by 'ch-1', a generic channel; only the telephony variant answers it")
        let onPhone = Self.frame("cti.request", "channel.request.dial", target: "ch-phone", body: #"{"destination":"+4930123"}"#)
        #expect(try await Self.answer(onPhone).headerString("result") == "SUCCESS")
    }

    @Test func theVariantsShareTheDestinationsTypes() {
        // The telephony channel's init response uses the generic channel's enum for the state it inherits,
        // so code that handles one handles the other.
        let state: MultiChannel.InitQuery.ResponseBody.State = MultiTelephonyChannel.InitQuery.ResponseBody(state: .loggedIn).state
        #expect(state == MultiUnsupportedChannel.InitQuery.ResponseBody(state: .loggedIn).state)
        #expect(state.rawValue == "LOGGED_IN")
    }

    @Test func theUnsupportedInitResponseCannotCarryInteractions() throws {
        // The member is not part of the unsupported channel's response type, so a handler cannot set it.
        let labels = Mirror(reflecting: MultiUnsupportedChannel.InitQuery.ResponseBody(state: .inactive)).children.compactMap(\.label)
        #expect(!labels.contains("interactions"))
        #expect(Mirror(reflecting: MultiChannel.InitQuery.ResponseBody(state: .inactive)).children.contains { $0.label == "interactions" })
    }

    @Test func theTelephonyInteractionsConditionsAreEnforcedOnTheWayOut() async throws {
        let init_ = Self.frame("cti.query", "interaction.query.init", target: "i-call")
        // STARTED without a primary call leg: the router turns the answer into a FAILURE naming both members.
        let missing = MultiFixtureClient(
            interactions: ["i-call": .telephony],
            interactionAnswer: .init(interactionState: .started, interactionData: [:], conversations: .init()))
        let refused = try await Self.answer(init_, client: missing)
        #expect(refused.headerString("result") == "FAILURE")
        #expect(
            refused.headerString("errorMessage")
                == "the handler's response to interaction.query.init is invalid: body.conversations.primary: required when interaction-state is ALERTING, DIALING or STARTED, and it is 'STARTED'")
        // ENDED with a call leg: it must be absent.
        let stale = MultiFixtureClient(
            interactions: ["i-call": .telephony],
            interactionAnswer: .init(
                interactionState: .ended, interactionData: [:], conversations: .init(primary: .init(id: "c-1"))))
        let alsoRefused = try await Self.answer(init_, client: stale)
        #expect(
            alsoRefused.headerString("errorMessage")
                == "the handler's response to interaction.query.init is invalid: body.conversations.primary: must be absent when interaction-state is ENDED or COMPLETED, and it is 'ENDED'")
        // A generic interaction has no conversations at all.
        let generic = try await Self.answer(Self.frame("cti.query", "interaction.query.init", target: "i-chat"))
        #expect(generic.headerString("result") == "SUCCESS")
    }

    @Test func theBridgeSideRefusesAResponseThatBreaksACondition() throws {
        let text = #"{"header":{"type":"cti.response","name":"interaction.query.init","target":"i-call","requestId":"\#(Self.requestId)","result":"SUCCESS"},"body":{"interaction-state":"DIALING","interaction-data":{},"conversations":{"consult":{"id":"c-2"}}}}"#
        let envelope = try Envelope(parsing: Array(text.utf8))
        var issues: [ValidationIssue] = []
        #expect(MultiTelephonyInteraction.InitResponse(envelope: envelope, issues: &issues) == nil)
        #expect(
            issues.map(\.description) == [
                "body.conversations.primary: required when interaction-state is ALERTING, DIALING or STARTED, and it is 'DIALING'",
                "body.conversations.consult: must be absent when interaction-state is ALERTING, DIALING, ENDED or COMPLETED, and it is 'DIALING'",
            ])
    }

    @Test func theInteractionDataKeepsItsOrder() throws {
        let text = #"{"interaction-state":"STARTED","interaction-data":{"zeta":1,"alpha":{"b":2,"a":1},"mid":"x"}}"#
        let body = try MultiInteraction.InitQuery.ResponseBody(jsonText: text)
        #expect(body.interactionData.keys == ["zeta", "alpha", "mid"])
        #expect(String(decoding: body.json.serialized(), as: UTF8.self) == text)
    }

    @Test func aMultimediaEventWaitsForItsInteractionsInit() throws {
        let tracker = InitializationTracker()
        let sender = EventSender(tracker: tracker)
        let event = MultiMultimediaInteraction.AlertingEvent(header: .init(target: "i-chat"))
        #expect(MultiMultimediaInteraction.AlertingEvent.destination == "interaction")
        #expect(throws: (any Error).self) { try sender.envelope(for: event) }
        tracker.markInitialized(destination: "interaction", target: "i-chat")
        #expect(try sender.envelope(for: event).headerString("name") == "interaction.alerting")
    }
}
