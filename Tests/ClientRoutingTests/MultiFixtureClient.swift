import CTIRuntime
import MultiMessages
import Synchronization

/// A hand-written client of the multi fixture, as a user would write one: it knows which kind each
/// channel and interaction is, records which method each message reached, and answers with fixed
/// bodies (the dial with the one it is given).
final class MultiFixtureClient: MultiClientHandler {
    let channels: [String: MultiChannel.Variant]
    let interactions: [String: MultiInteraction.Variant]
    let dialAnswer: MultiTelephonyChannel.DialRequest.ResponseBody
    let interactionAnswer: MultiTelephonyInteraction.InitQuery.ResponseBody
    private let calls = Mutex<[String]>([])

    init(
        channels: [String: MultiChannel.Variant] = [:], interactions: [String: MultiInteraction.Variant] = [:],
        dialAnswer: MultiTelephonyChannel.DialRequest.ResponseBody = .init(
            interaction: RequestID(unchecked: "6f9619ff-8b86-d011-b42d-00cf4fc964ff"), seconds: 1),
        interactionAnswer: MultiTelephonyInteraction.InitQuery.ResponseBody = .init(
            interactionState: .started, interactionData: [:], conversations: .init(primary: .init(id: "c-1")))
    ) {
        self.channels = channels
        self.interactions = interactions
        self.dialAnswer = dialAnswer
        self.interactionAnswer = interactionAnswer
    }

    /// The methods called so far, in order.
    var called: [String] { calls.withLock { $0 } }

    private func record(_ method: String) { calls.withLock { $0.append(method) } }

    func channelVariant(of target: String) async -> MultiChannel.Variant { channels[target] ?? .generic }
    func interactionVariant(of target: String) async -> MultiInteraction.Variant { interactions[target] ?? .generic }

    func handleChannelInit(_ query: MultiChannel.InitQuery) async throws -> MultiChannel.InitQuery.ResponseBody {
        record("channel init")
        return .init(state: .loggedIn, interactions: ["i-1"])
    }
    func handleActivate(_ request: MultiChannel.ActivateRequest) async throws { record("activate") }
    func handleChannelDispose(_ request: MultiChannel.DisposeRequest) async throws { record("dispose") }
    func handleTelephonyChannelInit(
        _ query: MultiTelephonyChannel.InitQuery
    ) async throws -> MultiTelephonyChannel.InitQuery.ResponseBody {
        record("telephony channel init")
        return .init(state: .loggedIn, extension: "4711")
    }
    func handleDial(_ request: MultiTelephonyChannel.DialRequest) async throws -> MultiTelephonyChannel.DialRequest.ResponseBody {
        record("dial \(request.body.destination)")
        return dialAnswer
    }
    func handleUnsupportedChannelInit(
        _ query: MultiUnsupportedChannel.InitQuery
    ) async throws -> MultiUnsupportedChannel.InitQuery.ResponseBody {
        record("unsupported channel init")
        return .init(state: .inactive)
    }
    func handleChannelGroupInit(_ query: MultiChannelGroup.InitQuery) async throws -> MultiChannelGroup.InitQuery.ResponseBody {
        .init(channels: [])
    }
    func handleChannelGroupDispose(_ request: MultiChannelGroup.DisposeRequest) async throws {}
    func handleInteractionInit(_ query: MultiInteraction.InitQuery) async throws -> MultiInteraction.InitQuery.ResponseBody {
        record("interaction init")
        return .init(interactionState: .alerting, interactionData: [:])
    }
    func handleTelephonyInteractionInit(
        _ query: MultiTelephonyInteraction.InitQuery
    ) async throws -> MultiTelephonyInteraction.InitQuery.ResponseBody {
        record("telephony interaction init")
        return interactionAnswer
    }
    func handleConsult(_ request: MultiTelephonyInteraction.ConsultRequest) async throws { record("consult") }
    func handleCapabilities(
        _ query: MultiProcessorControl.CapabilitiesQuery
    ) async throws -> MultiProcessorControl.CapabilitiesQuery.ResponseBody {
        .init(channelGroupsSupported: true)
    }
}
