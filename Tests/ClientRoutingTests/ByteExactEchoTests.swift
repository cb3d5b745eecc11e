import CTIMessages
import CTIRuntime
import Testing

/// What the bridge sends comes back byte for byte, even when Unicode calls two different byte
/// sequences "canonically equivalent" (and Swift's `String ==` calls them equal).
@Suite struct ByteExactEchoTests {
    /// Targets and request ids in awkward forms are echoed with exactly their bytes.
    @Test(arguments: [
        "caf\u{E9}", "cafe\u{301}", "\u{212A}elvin", "Kelvin", "semi\u{37E}colon", "\u{202E}rtl", "tab\there", "quote\"and\\",
    ])
    func aTargetIsEchoedByteForByte(_ target: String) async throws {
        for requestId in ["{6f9619ff-8B86-d011-B42D-00cf4fc964ff}", "6F9619FF-8b86-D011-b42d-00CF4FC964FF"] {
            let request = Envelope(
                header: ["type": "cti.request", "name": "session.request.close", "target": .string(target), "requestId": .string(requestId)])
            let answer = try Envelope(parsing: try await Router(handler: RecordingHandler()).route(request.serialized()))
            #expect(answer.headerString("target").map { Array($0.utf8) } == Array(target.utf8))
            #expect(answer.headerString("requestId").map { Array($0.utf8) } == Array(requestId.utf8))
            #expect(answer.headerString("result") == "SUCCESS")
        }
    }

    /// An enum value the spec does not list survives a decode and encode byte for byte, even when
    /// Swift's String equality calls it equal to a listed one: KELVIN SIGN (U+212A) is canonically
    /// equivalent to "K", so "CALLBAC\u{212A}" must stay `unknown`, not become `.callback`.
    @Test func anUnlistedEnumValueEquivalentToAListedOneSurvivesByteForByte() throws {
        let sent = "CALLBAC\u{212A}"
        let envelope = Envelope(
            header: ["type": "cti.event", "name": "session.channel.added", "target": "s-1"],
            body: .object(["endpoint": "2001", "type": .string(sent)]))
        let event = try Session.ChannelAddedEvent(envelope: envelope)
        let written = event.envelope.body.objectValue?["type"]?.stringValue
        #expect(written.map { Array($0.utf8) } == Array(sent.utf8))
    }
}
