import CTIRuntime
import SessionApp
import SessionBindings
import Testing

/// The public API the build plugin generated in SessionBindings from the repository's spec/session.yaml (through
/// a symbolic link), used by SessionApp's handler and read here from a third module.
struct SessionAppTests {
    static let requestId = "{6F9619FF-8B86-D011-B42D-00CF4FC964FF}"

    @Test
    func initQueryFrameIsAnsweredByTheAppsHandler() async throws {
        let router = AgentSession(agent: "agent-7", channelGroup: "group-7").router
        let frame = #"{"header":{"type":"cti.query","name":"session.query.init","target":"s-1","requestId":"\#(Self.requestId)"},"body":{"name":"agent-7","chat":true,"email":false}}"#
        let response = try Session.InitResponse(parsing: try await router.route(Array(frame.utf8)))
        #expect(response.header.result == .success)
        #expect(response.header.requestId.rawValue == Self.requestId)
        #expect(response.body?.channelGroup == "group-7")
    }

    @Test
    func handlerFailureBecomesFailureResponse() async throws {
        let router = AgentSession(agent: "agent-7", channelGroup: "group-7", onCall: true).router
        let request = Session.CloseRequest(
            header: RequestHeader(target: "s-1", requestId: RequestID(unchecked: Self.requestId)), body: .init())
        let response = try Session.CloseResponse(parsing: try await router.route(request.envelope.serialized()))
        #expect(response.header.result == .failure)
        #expect(response.header.errorMessage == "the agent is on a call")
    }

    @Test
    func responseBodyComesFromTheHandler() async throws {
        let router = AgentSession(agent: "a1", channelGroup: "g").router
        let request = Session.GetTeamStatusRequest(
            header: RequestHeader(target: "s-1", requestId: RequestID(unchecked: Self.requestId)),
            body: .init(realtime: false))
        let response = try Session.GetTeamStatusResponse(parsing: try await router.route(request.envelope.serialized()))
        #expect(response.header.result == .success)
        #expect(response.body?.teamStatus.isEmpty == true)
    }

    @Test
    func eventDecodes() throws {
        let event = try Session.ChannelAddedEvent(
            parsing: Array(#"{"header":{"type":"cti.event","name":"session.channel.added","target":"s-1"},"body":{"endpoint":"2001","type":"CHAT"}}"#.utf8))
        #expect(event.body.endpoint == "2001")
        #expect(event.body.channelType == .chat)
    }

    @Test
    func handlerKeepsTheProtocolsPromises() async {
        #expect(await ClientConformance(handler: AgentSession(agent: "agent1001", channelGroup: "g")).run() == [])
    }
}
