import CTIRuntime
import MultiMessages
import Testing

/// The router checks the response a handler builds before it goes on the wire: a SUCCESS whose body
/// a reader would refuse becomes a FAILURE that names every member at fault.
@Suite struct ResponseCheckTests {
    static func dial(answering body: MultiTelephonyChannel.DialRequest.ResponseBody) async throws -> MultiTelephonyChannel.DialResponse {
        let request = try #require(MultiTelephonyChannel.DialRequest.example)
        let client = MultiFixtureClient(channels: [request.target: .telephony], dialAnswer: body)
        let answer = try await Router(handler: client).route(request.envelope)
        return try MultiTelephonyChannel.DialResponse(envelope: answer)
    }

    @Test func aValidBodyIsSentAsItIs() async throws {
        let id = try #require(RequestID(rawValue: "6f9619ff-8b86-d011-b42d-00cf4fc964ff"))
        let response = try await Self.dial(answering: .init(interaction: id, seconds: 1.5))
        #expect(!response.header.isFailure)
        #expect(response.body == .init(interaction: id, seconds: 1.5))
    }

    @Test func anInvalidBodyBecomesAFailureNamingEveryMember() async throws {
        let response = try await Self.dial(
            answering: .init(interaction: RequestID(unchecked: "x-1"), seconds: .nan, route: "via PBX"))
        #expect(response.header.isFailure)
        #expect(response.body == nil)
        #expect(
            response.header.errorMessage
                == "the handler's response to channel.request.dial is invalid: body.interaction: 'x-1' is not a GUID (8-4-4-4-12 hex digits, optionally in braces); body.seconds: nan is not a number JSON can hold; body.route: expected 'direct', found 'via PBX'"
        )
    }
}
