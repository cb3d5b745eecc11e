import CTIMessages
import CTIRuntime
import Synchronization

/// A hand-written client handler: records which method each message reached and answers with
/// fixed bodies, or refuses `session.request.close` while a call is up.
final class RecordingHandler: ClientHandler {
    private let calls = Mutex<[String]>([])
    let callIsActive: Bool

    init(callIsActive: Bool = false) {
        self.callIsActive = callIsActive
    }

    /// The methods called so far, in order.
    var called: [String] { calls.withLock { $0 } }

    private func record(_ method: String) {
        calls.withLock { $0.append(method) }
    }

    func handleInit(_ query: Session.InitQuery) async throws -> Session.InitResponse.Body {
        record("init \(query.body.name) chat=\(query.body.chat)")
        return Session.InitResponse.Body(channelGroup: "group-1")
    }

    func handleCreateChannelGroup(_ request: Session.CreateChannelGroupRequest) async throws {
        record("createChannelGroup \(request.body.id) maxChats=\(request.body.extensions?.maxChats ?? "-")")
    }

    func handleClose(_ request: Session.CloseRequest) async throws {
        record("close")
        if callIsActive { throw CTIFailure("the agent is on a call") }
    }

    func handleExternalLogoutReasons(_ request: Session.ExternalLogoutReasonsRequest) async throws {
        record("externalLogoutReasons")
    }

    func handleExternalNotReadyReasons(_ request: Session.ExternalNotReadyReasonsRequest) async throws {
        record("externalNotReadyReasons")
    }

    func handleDispose(_ request: Session.DisposeRequest) async throws {
        record("dispose")
    }

    func handleGetTeamStatus(_ request: Session.GetTeamStatusRequest) async throws -> Session.GetTeamStatusResponse.Body {
        record("getTeamStatus realtime=\(request.body.realtime)")
        return Session.GetTeamStatusResponse.Body(teamStatus: [
            .init(loginID: "a1", firstName: "Ada", lastName: "Lovelace", extension: "2001", state: "READY", stateChangeTime: "2026-11-25T08:00:00Z")
        ])
    }

    func handleStopTeamStatus(_ request: Session.StopTeamStatusRequest) async throws {
        record("stopTeamStatus")
    }
}
