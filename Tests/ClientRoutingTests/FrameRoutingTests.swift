import CTIMessages
import CTIRuntime
import Testing

/// Frames as the bridge writes them, through the frame decoder, the router and the frame encoder:
/// each seed query and request reaches its handler method and gets the exact response frame back.
@Suite struct FrameRoutingTests {
    static let id = "{6F9619FF-8B86-D011-B42D-00CF4FC964FF}"

    struct Exchange: Sendable, CustomTestStringConvertible {
        var request: String
        var handlerCall: String
        var response: String
        var testDescription: String { handlerCall }
    }

    static let exchanges: [Exchange] = [
        Exchange(
            request: #"{"header":{"type":"cti.query","name":"session.query.init","target":"s-1","requestId":"\#(id)"},"body":{"name":"agent","chat":true,"email":false,"callback":false}}"#,
            handlerCall: "init agent chat=true",
            response: #"{"header":{"type":"cti.response","name":"session.query.init","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{"channelGroup":"group-1"}}"#),
        Exchange(
            request: #"{"header":{"type":"cti.request","name":"session.request.createchannelgroup","target":"s-1","requestId":"\#(id)"},"body":{"name":"cg","id":"b-7","extension":"2001","properties":{"chat":true,"email":true,"callback":false,"voicemail":false},"extensions":{"MaxChats":"3"}}}"#,
            handlerCall: "createChannelGroup b-7 maxChats=3",
            response: #"{"header":{"type":"cti.response","name":"session.request.createchannelgroup","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{}}"#),
        Exchange(
            request: #"{"header":{"type":"cti.request","name":"session.request.close","target":"s-1","requestId":"\#(id)"},"body":{}}"#,
            handlerCall: "close",
            response: #"{"header":{"type":"cti.response","name":"session.request.close","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{}}"#),
        Exchange(
            request: #"{"header":{"type":"cti.request","name":"session.request.externallogoutreasons","target":"s-1","requestId":"\#(id)"}}"#,
            handlerCall: "externalLogoutReasons",
            response: #"{"header":{"type":"cti.response","name":"session.request.externallogoutreasons","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{}}"#),
        Exchange(
            request: #"{"header":{"type":"cti.request","name":"session.request.externalnotreadyreasons","target":"s-1","requestId":"\#(id)"},"body":null}"#,
            handlerCall: "externalNotReadyReasons",
            response: #"{"header":{"type":"cti.response","name":"session.request.externalnotreadyreasons","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{}}"#),
        Exchange(
            request: #"{"header":{"type":"cti.request","name":"session.request.dispose","target":"s-1","requestId":"\#(id)"},"body":{}}"#,
            handlerCall: "dispose",
            response: #"{"header":{"type":"cti.response","name":"session.request.dispose","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{}}"#),
        Exchange(
            request: #"{"header":{"type":"cti.request","name":"session.request.getteamstatus","target":"s-1","requestId":"\#(id)"},"body":{"realtime":true}}"#,
            handlerCall: "getTeamStatus realtime=true",
            response: #"{"header":{"type":"cti.response","name":"session.request.getteamstatus","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{"teamstatus":[{"loginid":"a1","firstname":"Ada","lastname":"Lovelace","extension":"2001","state":"READY","statechangetime":"2026-11-25T08:00:00Z"}]}}"#),
        Exchange(
            request: #"{"header":{"type":"cti.request","name":"session.request.stopteamstatus","target":"s-1","requestId":"\#(id)"},"body":{}}"#,
            handlerCall: "stopTeamStatus",
            response: #"{"header":{"type":"cti.response","name":"session.request.stopteamstatus","target":"s-1","requestId":"\#(id)","result":"SUCCESS"},"body":{}}"#),
    ]

    /// Frames `text` as the bridge does: a big-endian length, then the UTF-8 bytes.
    static func frame(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        let length = UInt32(bytes.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + bytes
    }

    /// Feeds `bytes` to a frame decoder three bytes at a time, routes every frame, and returns the response frames.
    static func exchange(_ bytes: [UInt8], handler: RecordingHandler) async throws -> [[UInt8]] {
        let router = Router(handler: handler)
        var decoder = FrameDecoder()
        var responses: [[UInt8]] = []
        var offset = 0
        while offset < bytes.count {
            decoder.append(bytes[offset..<min(offset + 3, bytes.count)])
            offset += 3
            while let next = decoder.next() {
                let payload = try next.get()
                responses.append(try FrameEncoder().encode(try await router.route(payload)))
            }
        }
        #expect(decoder.finish() == nil)
        return responses
    }

    @Test(arguments: exchanges)
    func eachQueryAndRequestGetsItsResponseFrame(_ exchange: Exchange) async throws {
        let handler = RecordingHandler()
        let responses = try await Self.exchange(Self.frame(exchange.request), handler: handler)
        #expect(responses == [Self.frame(exchange.response)])
        #expect(handler.called == [exchange.handlerCall])
    }

    @Test func allSeedMessagesInOneStreamAnswerInOrder() async throws {
        let handler = RecordingHandler()
        let stream = Self.exchanges.flatMap { Self.frame($0.request) }
        let responses = try await Self.exchange(stream, handler: handler)
        #expect(responses == Self.exchanges.map { Self.frame($0.response) })
        #expect(handler.called == Self.exchanges.map(\.handlerCall))
    }

    @Test func aHandlerThatRefusesAnswersFailureWithItsMessage() async throws {
        let request = #"{"header":{"type":"cti.request","name":"session.request.close","target":"s-1","requestId":"\#(Self.id)"},"body":{}}"#
        let responses = try await Self.exchange(Self.frame(request), handler: RecordingHandler(callIsActive: true))
        let expected = #"{"header":{"type":"cti.response","name":"session.request.close","target":"s-1","requestId":"\#(Self.id)","result":"FAILURE","errorMessage":"the agent is on a call"},"body":{}}"#
        #expect(responses == [Self.frame(expected)])
    }

    @Test func anUnknownMessageIsAnsweredWithFailure() async throws {
        let request = #"{"header":{"type":"cti.request","name":"session.request.teleport","target":"s-1","requestId":"\#(Self.id)"},"body":{}}"#
        let handler = RecordingHandler()
        let responses = try await Self.exchange(Self.frame(request), handler: handler)
        let expected = #"{"header":{"type":"cti.response","name":"session.request.teleport","target":"s-1","requestId":"\#(Self.id)","result":"FAILURE","errorMessage":"unknown message 'session.request.teleport': this client does not handle it"},"body":{}}"#
        #expect(responses == [Self.frame(expected)])
        #expect(handler.called.isEmpty)
    }

    @Test func anInvalidBodyIsAnsweredWithFailureNamingEveryProblem() async throws {
        let request = #"{"header":{"type":"cti.query","name":"session.query.init","target":"s-1","requestId":"\#(Self.id)"},"body":{"name":7,"chat":"yes","email":true}}"#
        let handler = RecordingHandler()
        let responses = try await Self.exchange(Self.frame(request), handler: handler)
        let message = "invalid session.query.init: body.name: expected string, found number; body.chat: expected boolean, found string"
        let expected = #"{"header":{"type":"cti.response","name":"session.query.init","target":"s-1","requestId":"\#(Self.id)","result":"FAILURE","errorMessage":"\#(message)"},"body":{}}"#
        #expect(responses == [Self.frame(expected)])
        #expect(handler.called.isEmpty)
    }

    @Test func aRequestIdThatIsNotAGUIDIsEchoedInAFailure() async throws {
        let request = #"{"header":{"type":"cti.request","name":"session.request.dispose","target":"s-1","requestId":"req-42"},"body":{}}"#
        let responses = try await Self.exchange(Self.frame(request), handler: RecordingHandler())
        let message = "invalid session.request.dispose: header.requestId: 'req-42' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)"
        let expected = #"{"header":{"type":"cti.response","name":"session.request.dispose","target":"s-1","requestId":"req-42","result":"FAILURE","errorMessage":"\#(message)"},"body":{}}"#
        #expect(responses == [Self.frame(expected)])
    }

    @Test func bytesThatAreNotAnEnvelopeAreATypedError() async throws {
        let router = Router(handler: RecordingHandler())
        await #expect(throws: RoutingError.self) { try await router.route(Array("not json".utf8)) }
        do {
            _ = try await router.route(Array(#"{"body":{}}"#.utf8))
            Issue.record("an envelope without a header was answered")
        } catch {
            #expect(error == .notAnEnvelope(.missingHeader))
        }
        do {
            _ = try await router.route(Array(#"{"header":{"type":"cti.request","name":"session.request.close"}}"#.utf8))
            Issue.record("a request without target and requestId was answered")
        } catch {
            #expect(error.description.hasPrefix("cannot answer:"))
        }
    }

    @Test func eventsWaitForTheInitQueryToBeAnswered() async throws {
        let router = Router(handler: RecordingHandler())
        let sender = EventSender(tracker: router.tracker)
        let event = Session.ChannelAddedEvent(header: EventHeader(target: "s-1"), body: .init(endpoint: "2001", channelType: .telephony))
        #expect(throws: EventSendError.notInitialized(destination: "session", target: "s-1")) { try sender.frame(for: event) }
        let initQuery = #"{"header":{"type":"cti.query","name":"session.query.init","target":"s-1","requestId":"\#(Self.id)"},"body":{"name":"agent","chat":true,"email":false}}"#
        _ = try await router.route(Array(initQuery.utf8))
        let frame = try sender.frame(for: event)
        #expect(frame == Self.frame(#"{"header":{"type":"cti.event","name":"session.channel.added","target":"s-1"},"body":{"endpoint":"2001","type":"TELEPHONY"}}"#))
    }
}
