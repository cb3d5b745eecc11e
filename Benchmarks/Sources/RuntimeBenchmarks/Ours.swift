import CTIMessages
import CTIRuntime

/// The handler the router calls: it answers every request at once with prepared bodies, so the
/// benchmark measures the generated code and the runtime, not the handler.
struct BenchmarkHandler: ClientHandler {
    let teamStatus: Session.GetTeamStatusResponse.Body
    let initBody = Session.InitResponse.Body(channelGroup: "cg-4711-1")

    func handleInit(_ query: Session.InitQuery) async throws -> Session.InitResponse.Body { initBody }
    func handleCreateChannelGroup(_ request: Session.CreateChannelGroupRequest) async throws {}
    func handleClose(_ request: Session.CloseRequest) async throws {}
    func handleExternalLogoutReasons(_ request: Session.ExternalLogoutReasonsRequest) async throws {}
    func handleExternalNotReadyReasons(_ request: Session.ExternalNotReadyReasonsRequest) async throws {}
    func handleDispose(_ request: Session.DisposeRequest) async throws {}
    func handleGetTeamStatus(_ request: Session.GetTeamStatusRequest) async throws -> Session.GetTeamStatusResponse.Body {
        teamStatus
    }
    func handleStopTeamStatus(_ request: Session.StopTeamStatusRequest) async throws {}
}

enum Ours {
    static let handler = BenchmarkHandler(
        teamStatus: try! Session.GetTeamStatusResponse.Body(
            validating: JSONParser().parse(SessionFrames.teamStatusBody(count: SessionFrames.teamSize))))

    /// Client side, bridge to client: frame decode -> envelope -> typed message (read and checked) ->
    /// handler -> response envelope (checked as it is written) -> response frame, through the public
    /// API a client uses.
    static func route(_ frames: [[UInt8]]) -> Contender {
        let router = Router(handler: handler)
        let encoder = FrameEncoder()
        return Contender(name: "ours") { count in
            var decoder = FrameDecoder()
            var checksum = 0
            for index in 0..<count {
                decoder.append(frames[index % frames.count])
                while let next = decoder.next() {
                    let response = try await router.route(try next.get())
                    checksum &+= try encoder.encode(response).count
                }
            }
            return checksum
        }
    }

    /// Client side, sending an event: typed event -> initialization gate -> envelope (checked as it is
    /// written) -> frame.
    static func sendEvent<Event: CTIEvent>(_ event: Event) -> Contender {
        let tracker = InitializationTracker()
        tracker.markInitialized(destination: Event.destination, target: event.target)
        let sender = EventSender(tracker: tracker)
        return Contender(name: "ours") { count in
            var checksum = 0
            for _ in 0..<count {
                checksum &+= try sender.frame(for: event).count
            }
            return checksum
        }
    }

    /// Bridge side, reading what a client sends: frame decode -> envelope -> typed message (by type and
    /// name), which checks every value and the header's rules as it reads.
    static func read(_ frame: [UInt8]) -> Contender {
        Contender(name: "ours") { count in
            var decoder = FrameDecoder()
            var checksum = 0
            for _ in 0..<count {
                decoder.append(frame)
                while let next = decoder.next() {
                    let envelope = try Envelope(parsing: try next.get())
                    var issues: [ValidationIssue] = []
                    guard let message = ClientMessage(envelope: envelope, issues: &issues), issues.isEmpty else {
                        throw BenchmarkError.rejected(issues.description)
                    }
                    checksum &+= kind(message)
                }
            }
            return checksum
        }
    }

    private static func kind(_ message: ClientMessage) -> Int {
        switch message {
        case .session(.getTeamStatusResponse(let response)): response.body?.teamStatus.count ?? 0
        case .session(.teamStatusUpdatedEvent(let event)): event.body.teamStatus.count
        case .session(.externalLogoutReasonsUpdatedEvent(let event)): event.body.logoutReasons.count
        case .session(.externalNotReadyReasonsUpdatedEvent(let event)): event.body.reasonCodes.count
        default: 1
        }
    }
}

enum BenchmarkError: Error {
    case rejected(String)
    case unexpected(String)
}
