import CTIRuntime
import Testing

@testable import Voicemail

/// Voicemail's output is committed in Sources/Voicemail/Generated/ (written by the generate-cti-code command
/// plugin) and compiled without the build plugin.
struct VoicemailTests {
    struct Mailbox: ClientHandler {
        func handleInit(_ query: Voicemail.InitQuery) async throws {}
        func handlePlay(_ request: Voicemail.PlayRequest) async throws {
            if request.body.messageId.isEmpty { throw CTIFailure("no message id") }
        }
    }

    @Test
    func committedRouterAnswers() async throws {
        let router = Router(handler: Mailbox())
        let frame = #"{"header":{"type":"cti.request","name":"voicemail.request.play","target":"vm","requestId":"{0F8FAD5B-D9CB-469F-A165-70867728950E}"},"body":{"messageId":""}}"#
        let response = try Voicemail.PlayResponse(parsing: try await router.route(Array(frame.utf8)))
        #expect(response.header.result == .failure)
        #expect(response.header.errorMessage == "no message id")
    }
}
