import CTIMessages
import CTIRuntime
import CTITransport
import Synchronization
import Testing

/// CTITransport against a bridge that misbehaves: a connection closed mid-frame, an oversize frame,
/// garbage, a restart, a slow handler, and cancellation. None crashes the client, and every request
/// that can be answered is answered, in order.
@Suite struct TransportFaultTests {
    static let initQuery = RawConnection.request(
        "session.query.init", type: "cti.query", id: 1, body: #"{"name":"agent","chat":true,"email":false}"#)

    static func connection<Handler: Sendable>(
        to bridge: RawBridge, handler: Handler, framing: FramingOptions = .default, reconnect: ReconnectPolicy? = nil,
        onConnect: @escaping @Sendable (ConnectionInfo) async throws -> Void = { _ in }
    ) -> BridgeConnection<Handler> where Handler: ClientHandler {
        BridgeConnection(
            configuration: BridgeConfiguration(host: "127.0.0.1", port: bridge.port, framing: framing, reconnect: reconnect),
            router: Router(handler: handler), onConnect: onConnect)
    }

    @Test func aBridgeThatClosesMidFrameEndsTheRunWithoutReconnecting() async throws {
        let bridge = try await RawBridge.listen()
        let client = Self.connection(to: bridge, handler: ExampleClientHandler())
        async let run: Void = client.run()
        try await bridge.serve { _, connection in
            try await connection.write(Self.initQuery)
            #expect(try await connection.read()?.headerString("result") == "SUCCESS")
            // A length prefix of 100 bytes, and only 3 of them.
            try await connection.write(bytes: [0, 0, 0, 100, 0x7B, 0x22, 0x68])
        }
        try await run
        #expect(!client.isConnected)
    }

    @Test func anOversizeFrameAndGarbageAreDroppedAndTheNextRequestIsAnswered() async throws {
        let bridge = try await RawBridge.listen()
        let client = Self.connection(to: bridge, handler: ExampleClientHandler(), framing: FramingOptions(maxFrameBytes: 1024))
        async let run: Void = client.run()
        try await bridge.serve { _, connection in
            try await connection.write(bytes: [0, 0, 0x13, 0x88] + Array(repeating: 0x20, count: 5000))
            try await connection.write("this is not JSON")
            try await connection.write(bytes: [0, 0, 0, 0])
            try await connection.write(Self.initQuery)
            let answer = try #require(try await connection.read())
            #expect(answer.headerString("name") == "session.query.init")
            #expect(answer.headerString("result") == "SUCCESS")
        }
        try await run
    }

    @Test func afterARestartTheClientReconnectsAndIsInitializedAgain() async throws {
        let bridge = try await RawBridge.listen()
        let connections = Mutex(0)
        let client = Self.connection(
            to: bridge, handler: ExampleClientHandler(), reconnect: ReconnectPolicy(initialDelay: .milliseconds(10), jitter: 0),
            onConnect: { info in connections.withLock { $0 = info.number } })
        let run = Task { try await client.run() }
        let event = Session.ClosedEvent(header: EventHeader(target: "agent-1"))
        try await bridge.serve(connections: 2) { number, connection in
            while connections.withLock({ $0 }) < number { try await Task.sleep(for: .milliseconds(5)) }
            // Each connection starts uninitialized: the event waits for the init response.
            await #expect(throws: BridgeConnectionError.self) { try await client.send(event) }
            try await connection.write(Self.initQuery)
            #expect(try await connection.read()?.headerString("result") == "SUCCESS")
            try await client.send(event)
            #expect(try await connection.read()?.headerString("name") == "session.closed")
        }
        #expect(connections.withLock { $0 } == 2)
        run.cancel()
        _ = await run.result
    }

    @Test func aSlowHandlerStillAnswersEveryRequestInOrder() async throws {
        let bridge = try await RawBridge.listen()
        let client = Self.connection(to: bridge, handler: SlowCloseHandler())
        async let run: Void = client.run()
        try await bridge.serve { _, connection in
            try await connection.write(Self.initQuery)
            try await connection.write(RawConnection.request("session.request.close", id: 2))
            try await connection.write(RawConnection.request("session.request.dispose", id: 3))
            try await connection.write(RawConnection.request("session.request.stopteamstatus", id: 4))
            var answered: [String] = []
            for _ in 0..<4 {
                let answer = try #require(try await connection.read())
                answered.append("\(answer.headerString("name") ?? "?") \(answer.headerString("result") ?? "?")")
            }
            #expect(
                answered == [
                    "session.query.init SUCCESS", "session.request.close SUCCESS", "session.request.dispose SUCCESS",
                    "session.request.stopteamstatus SUCCESS",
                ])
        }
        try await run
    }

    @Test func cancellingTheRunClosesTheConnection() async throws {
        let bridge = try await RawBridge.listen()
        let client = Self.connection(to: bridge, handler: ExampleClientHandler())
        let run = Task { try await client.run() }
        try await bridge.serve { _, connection in
            try await connection.write(Self.initQuery)
            #expect(try await connection.read() != nil)
            run.cancel()
            #expect(try await connection.read() == nil)
        }
        _ = await run.result
        #expect(!client.isConnected)
    }

    @Test func reconnectDelaysGrowToTheCapWithJitter() {
        let policy = ReconnectPolicy(initialDelay: .milliseconds(100), maximumDelay: .seconds(1), multiplier: 2, jitter: 0.2)
        func milliseconds(_ attempt: Int, _ random: Double) -> Double {
            (policy.delay(beforeAttempt: attempt, random: random) / .microseconds(1)).rounded() / 1000
        }
        #expect(milliseconds(1, 0.5) == 100)
        #expect(milliseconds(2, 0.5) == 200)
        #expect(milliseconds(4, 0.5) == 800)
        #expect(milliseconds(9, 0.5) == 1000)
        #expect(milliseconds(1, 0) == 80)
        #expect(milliseconds(1, 1) == 120)
        // Jitter never takes a delay past the maximum.
        #expect(milliseconds(9, 1) == 1000)
    }
}

/// The example handler, except that closing the session takes 200 ms.
struct SlowCloseHandler: ClientHandler {
    let examples = ExampleClientHandler()

    func handleInit(_ query: Session.InitQuery) async throws -> Session.InitQuery.ResponseBody { try await examples.handleInit(query) }
    func handleCreateChannelGroup(_ request: Session.CreateChannelGroupRequest) async throws {}
    func handleClose(_ request: Session.CloseRequest) async throws { try await Task.sleep(for: .milliseconds(200)) }
    func handleExternalLogoutReasons(_ request: Session.ExternalLogoutReasonsRequest) async throws {}
    func handleExternalNotReadyReasons(_ request: Session.ExternalNotReadyReasonsRequest) async throws {}
    func handleDispose(_ request: Session.DisposeRequest) async throws {}
    func handleGetTeamStatus(_ request: Session.GetTeamStatusRequest) async throws -> Session.GetTeamStatusRequest.ResponseBody {
        try await examples.handleGetTeamStatus(request)
    }
    func handleStopTeamStatus(_ request: Session.StopTeamStatusRequest) async throws {}
}
