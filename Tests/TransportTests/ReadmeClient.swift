import CTIMessages
import CTIRuntime
import CTITransport
import Logging

/// One agent's session: the channel group it holds, and nothing else to report.
struct AgentClient: ClientHandler {
    let channelGroup: String

    func handleInit(_ query: Session.InitQuery) async throws -> Session.InitQuery.ResponseBody {
        Session.InitQuery.ResponseBody(channelGroup: channelGroup)
    }
    func handleCreateChannelGroup(_ request: Session.CreateChannelGroupRequest) async throws {}
    func handleClose(_ request: Session.CloseRequest) async throws {}
    func handleExternalLogoutReasons(_ request: Session.ExternalLogoutReasonsRequest) async throws {}
    func handleExternalNotReadyReasons(_ request: Session.ExternalNotReadyReasonsRequest) async throws {}
    func handleDispose(_ request: Session.DisposeRequest) async throws {}
    func handleGetTeamStatus(_ request: Session.GetTeamStatusRequest) async throws -> Session.GetTeamStatusRequest.ResponseBody {
        Session.GetTeamStatusRequest.ResponseBody(teamStatus: [])
    }
    func handleStopTeamStatus(_ request: Session.StopTeamStatusRequest) async throws {}
}

/// Connects to the bridge and answers it; connects again whenever the connection drops.
func runAgentClient(host: String = "127.0.0.1", port: Int = 7000) async throws {
    let connection = BridgeConnection(
        configuration: BridgeConfiguration(host: host, port: port, reconnect: ReconnectPolicy()),
        router: Router(handler: AgentClient(channelGroup: "group-1")),
        logger: Logger(label: "agent-client"),
        onConnect: { info in print("connected to the bridge (connection \(info.number))") })
    try await connection.run()
}
