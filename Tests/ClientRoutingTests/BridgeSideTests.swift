import CTIMessages
import CTIRuntime
import Testing

/// The bridge's side of the connection: what the client sends is read into `ClientMessage`, and
/// events for a destination that is not initialized wait until its init query is answered, then
/// come out in arrival order.
@Suite struct BridgeSideTests {
    static func read(_ json: String) throws -> ClientMessage {
        var issues: [ValidationIssue] = []
        let message = ClientMessage(envelope: try Envelope(parsing: Array(json.utf8)), issues: &issues)
        #expect(issues == [])
        return try #require(message)
    }

    @Test func eventsWaitForInitializationAndKeepTheirOrder() throws {
        var queue = EventQueue<ClientMessage>()
        let added = try Self.read(#"{"header":{"type":"cti.event","name":"session.channel.added","target":"s-1"},"body":{"endpoint":"2001","type":"TELEPHONY"}}"#)
        let groupAdded = try Self.read(#"{"header":{"type":"cti.event","name":"session.channelgroup.added","target":"s-1"},"body":{"name":"cg"}}"#)
        let otherSession = try Self.read(#"{"header":{"type":"cti.event","name":"session.closed","target":"s-2"}}"#)
        #expect(queue.receive(added, destination: "session", target: "s-1").isEmpty)
        #expect(queue.receive(groupAdded, destination: "session", target: "s-1").isEmpty)
        #expect(queue.receive(otherSession, destination: "session", target: "s-2").isEmpty)
        #expect(queue.heldCount == 3)

        let answer = try Self.read(#"{"header":{"type":"cti.response","name":"session.query.init","target":"s-1","requestId":"{6F9619FF-8B86-D011-B42D-00CF4FC964FF}","result":"SUCCESS"},"body":{"channelGroup":"cg"}}"#)
        guard case .session(.initResponse(let response)) = answer else {
            Issue.record("the init response was read as \(answer)")
            return
        }
        #expect(response.header.result == .success)
        #expect(queue.markInitialized(destination: "session", target: response.header.target) == [added, groupAdded])
        #expect(queue.heldCount == 1)
        let closed = try Self.read(#"{"header":{"type":"cti.event","name":"session.closed","target":"s-1"},"body":{}}"#)
        #expect(queue.receive(closed, destination: "session", target: "s-1") == [closed])
    }

    @Test func unknownEnumValuesAndMembersAreKept() throws {
        let json = #"{"header":{"type":"cti.event","name":"session.channel.added","target":"s-1"},"body":{"endpoint":"2001","type":"VIDEO","since":"v9"}}"#
        guard case .session(.channelAddedEvent(let event)) = try Self.read(json) else {
            Issue.record("not read as session.channel.added")
            return
        }
        #expect(event.body.channelType == .unknown("VIDEO"))
        #expect(event.body.unknownFields["since"] == "v9")
        #expect(event.envelope.serialized() == Array(json.utf8))
    }

    @Test func warningsAndErrorsAreReadByTypeWithTheirRunTimeNames() throws {
        let json = #"{"header":{"type":"cti.warning","name":"LINE_BUSY","target":"s-1","code":"W12","message":"line busy"},"body":{}}"#
        guard case .session(.clientWarning(let warning)) = try Self.read(json) else {
            Issue.record("not read as a warning")
            return
        }
        #expect(warning.header.name == "LINE_BUSY")
        #expect(warning.header.code == "W12")
    }

    @Test func anInvalidResponseIsReportedWithPaths() throws {
        var issues: [ValidationIssue] = []
        let json = #"{"header":{"type":"cti.response","name":"session.query.init","target":"s-1","requestId":"x","result":"FAILURE"}}"#
        #expect(ClientMessage(envelope: try Envelope(parsing: Array(json.utf8)), issues: &issues) == nil)
        #expect(issues.map(\.description).contains("header.requestId: 'x' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)"))
    }

    @Test func aFailureWithoutErrorMessageBreaksTheRule() throws {
        var issues: [ValidationIssue] = []
        let json = #"{"header":{"type":"cti.response","name":"session.query.init","target":"s-1","requestId":"{6F9619FF-8B86-D011-B42D-00CF4FC964FF}","result":"FAILURE"}}"#
        #expect(ClientMessage(envelope: try Envelope(parsing: Array(json.utf8)), issues: &issues) == nil)
        #expect(issues.map(\.description) == ["header.errorMessage: required when result is FAILURE (A response whose result is FAILURE must carry an errorMessage saying what went wrong.)"])
    }
}
