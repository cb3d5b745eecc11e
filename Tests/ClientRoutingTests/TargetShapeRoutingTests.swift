import CTIRuntime
import MultiMessages
import Testing

/// A destination that gives the form of its targets (the multi fixture's processor control:
/// `{processor}.CONTROL`): a message with another target is answered FAILURE naming `header.target`,
/// and one that has the form is answered as usual.
@Suite struct TargetShapeRoutingTests {
    static func capabilities(target: String) -> [UInt8] {
        Array(#"{"header":{"type":"cti.query","name":"cti.query.capabilities","target":"\#(target)","requestId":"{6F9619FF-8B86-D011-B42D-00CF4FC964FF}"},"body":{}}"#.utf8)
    }

    @Test func aTargetOfAnotherFormIsAnsweredFailure() async throws {
        let router = Router(handler: MultiExampleClientHandler())
        let refused = try Envelope(parsing: try await router.route(Self.capabilities(target: "proc-1")))
        #expect(refused.headerString("result") == "FAILURE")
        #expect(refused.headerString("errorMessage")?.contains("header.target: expected a target of the form {processor}.CONTROL, found 'proc-1'") == true)
        let answered = try Envelope(parsing: try await router.route(Self.capabilities(target: "proc-1.CONTROL")))
        #expect(answered.headerString("result") == "SUCCESS")
    }

    @Test func writingAMessageWithAnotherTargetReportsIt() throws {
        var query = try #require(MultiProcessorControl.CapabilitiesQuery.example)
        #expect(query.header.target == "example-processor.CONTROL")
        #expect(query.validate().isEmpty)
        query.header.target = "proc-1"
        #expect(query.validate().map(\.description) == ["header.target: expected a target of the form {processor}.CONTROL, found 'proc-1'"])
    }
}
