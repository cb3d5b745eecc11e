import CTIRuntime
import Testing

@testable import Telephony

/// The internal API the build plugin generated in Telephony from `Spec Files/phone.cti.yaml`, with the `Tel` prefix
/// of its cti-codegen.yaml, used from another module the way a package's own tests would.
struct TelephonyTests {
    static let requestId = "{0F8FAD5B-D9CB-469F-A165-70867728950E}"
    let router = Router(handler: DeskPhone(extension: "4101", line: "line-2"))

    @Test
    func initQueryFrameIsAnswered() async throws {
        let frame = #"{"header":{"type":"cti.query","name":"phone.query.init","target":"phone-1","requestId":"\#(Self.requestId)"},"body":{"extension":"4101"}}"#
        let answer = try await router.route(Array(frame.utf8))
        let response = try TelPhone.InitResponse(parsing: answer)
        #expect(response.header.result == .success)
        #expect(response.header.target == "phone-1")
        #expect(response.header.requestId.rawValue == Self.requestId)
        #expect(response.body?.line == "line-2")
        #expect(router.tracker.isInitialized(destination: "phone", target: "phone-1"))
    }

    @Test
    func dialRequestWithNestedBodyReachesTheHandler() async throws {
        let request = TelPhone.DialRequest(
            header: TelRequestHeader(target: "phone-1", requestId: RequestID(unchecked: Self.requestId)),
            body: .init(number: "+15550199", options: .init(record: true, priority: .urgent)))
        let answer = try await router.route(request.envelope.serialized())
        let response = try TelPhone.DialResponse(parsing: answer)
        #expect(response.header.result == .success)
        #expect(response.body?.callId == "call-+15550199-rec")
    }

    @Test
    func invalidNestedBodyIsAnsweredFailureWithItsPath() async throws {
        let frame = #"{"header":{"type":"cti.request","name":"phone.request.dial","target":"phone-1","requestId":"\#(Self.requestId)"},"body":{"number":"1","options":{"record":"yes","priority":"NORMAL"}}}"#
        let response = try TelPhone.DialResponse(parsing: try await router.route(Array(frame.utf8)))
        #expect(response.header.result == .failure)
        #expect(response.header.errorMessage?.contains("body.options.record") == true)
    }

    @Test
    func eventDecodesWithOpenEnum() throws {
        let event = try TelPhone.LineChangedEvent(
            parsing: Array(#"{"header":{"type":"cti.event","name":"phone.line.changed","target":"phone-1"},"body":{"state":"RINGING","callId":"c-9"}}"#.utf8))
        #expect(event.body.state == .ringing)
        #expect(event.body.callId == "c-9")
        let later = try TelPhone.LineChangedEvent(
            parsing: Array(#"{"header":{"type":"cti.event","name":"phone.line.changed","target":"phone-1"},"body":{"state":"ON_HOLD"}}"#.utf8))
        #expect(later.body.state == .unknown("ON_HOLD"))
    }

    @Test
    func handlerKeepsTheProtocolsPromises() async {
        #expect(await TelClientConformance(handler: DeskPhone(extension: "4101", line: "line-1")).run() == [])
    }
}
