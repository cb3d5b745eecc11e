import CTIRuntime
import SessionBindings

/// An agent desktop's answers to the session destination, written against the public API that the build plugin
/// generates in SessionBindings from the repository's spec/session.yaml.
public struct AgentSession: ClientHandler {
    /// The agent's login id; the init query must name it.
    public let agent: String
    /// The channel group the agent's channels are in.
    public let channelGroup: String
    /// Whether the agent is on a call (the session cannot be closed then).
    public let onCall: Bool

    /// Creates the handler.
    public init(agent: String, channelGroup: String, onCall: Bool = false) {
        self.agent = agent
        self.channelGroup = channelGroup
        self.onCall = onCall
    }

    /// A router that answers the bridge with this handler.
    public var router: Router<AgentSession> { Router(handler: self) }

    public func handleInit(_ query: Session.InitQuery) async throws -> Session.InitResponse.Body {
        guard query.body.name == agent else { throw CTIFailure("no agent named \(query.body.name) is logged in here") }
        return Session.InitResponse.Body(channelGroup: channelGroup)
    }

    public func handleCreateChannelGroup(_ request: Session.CreateChannelGroupRequest) async throws {}

    public func handleClose(_ request: Session.CloseRequest) async throws {
        if onCall { throw CTIFailure("the agent is on a call") }
    }

    public func handleExternalLogoutReasons(_ request: Session.ExternalLogoutReasonsRequest) async throws {}

    public func handleExternalNotReadyReasons(_ request: Session.ExternalNotReadyReasonsRequest) async throws {}

    public func handleDispose(_ request: Session.DisposeRequest) async throws {}

    public func handleGetTeamStatus(_ request: Session.GetTeamStatusRequest) async throws -> Session.GetTeamStatusResponse.Body {
        // A desk without a switch connection knows no team members.
        Session.GetTeamStatusResponse.Body(teamStatus: [])
    }

    public func handleStopTeamStatus(_ request: Session.StopTeamStatusRequest) async throws {}
}
