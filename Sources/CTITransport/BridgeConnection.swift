import CTIRuntime
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A bridge client's connection to the Processor Bridge: it connects (over TLS when configured), reads
/// frames, answers each with its router in arrival order, sends the client's events through the
/// initialization gate, and connects again after a failure when a ``ReconnectPolicy`` says so.
///
/// ```swift
/// let connection = BridgeConnection(
///     configuration: BridgeConfiguration(host: "bridge.example", port: 7000),
///     router: Router(handler: MyHandler()))
/// try await connection.run()          // returns when the bridge closes the connection
/// ```
///
/// Frames are answered one at a time, in the order they arrive: the next frame is taken only once the
/// response to the last has been handed to the channel, whose writer waits while the socket is not
/// writable, so a slow handler or a slow bridge holds back reading (beyond what the channel buffers)
/// instead of filling memory. A destination counts as initialized once its init response has been
/// handed to the channel, ahead of any event written after it, so no event can overtake it on the wire.
public final class BridgeConnection<Handler: Sendable>: Sendable {
    /// Where the bridge is and how to talk to it.
    public let configuration: BridgeConfiguration
    /// The router that answers the bridge's queries and requests; its tracker gates events.
    public let router: Router<Handler>
    private let logger: Logger
    private let group: any EventLoopGroup
    private let onConnect: @Sendable (ConnectionInfo) async throws -> Void
    private let outbound = Mutex<NIOAsyncChannelOutboundWriter<ByteBuffer>?>(nil)
    private let connectionCount = Mutex(0)

    /// Creates a connection; nothing happens until ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: Where the bridge is and how to talk to it.
    ///   - router: Answers the bridge's queries and requests; its tracker gates events.
    ///   - logger: Where each message is logged (its name, target, requestId, result and handling time at
    ///     debug level; failures at warning level).
    ///   - eventLoopGroup: The event loops the connection runs on.
    ///   - onConnect: Called on every new connection before its first frame is read: the bridge
    ///     initializes every destination again, so a client resyncs its own state here.
    public init(
        configuration: BridgeConfiguration, router: Router<Handler>, logger: Logger = Logger(label: "cti.transport"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onConnect: @escaping @Sendable (ConnectionInfo) async throws -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.router = router
        self.logger = logger
        self.group = eventLoopGroup
        self.onConnect = onConnect
    }

    /// Whether a connection is open now.
    public var isConnected: Bool { outbound.withLock { $0 != nil } }

    /// Connects and answers the bridge until the connection closes. Without a reconnect policy it
    /// returns when the bridge closes the connection and throws when it cannot connect; with one it
    /// connects again after each close or failure, until the task is cancelled or the policy's
    /// attempts are used up. Cancelling the task closes the connection.
    public func run() async throws {
        var failures = 0
        while true {
            try Task.checkCancellation()
            do {
                let channel = try await connect()
                let answered = try await serve(channel)
                try Task.checkCancellation()
                logger.info("the bridge closed the connection", metadata: address)
                // A connection that answered nothing (a TLS handshake that failed, a bridge that closes at
                // once) is a failed attempt, so the backoff grows and the attempt limit applies.
                failures = answered > 0 ? 0 : failures + 1
            } catch let error where !(error is CancellationError) && !Task.isCancelled {
                logger.warning("the connection to the bridge failed: \(error)", metadata: address)
                guard configuration.reconnect != nil else { throw error }
                failures += 1
            }
            try Task.checkCancellation()
            guard let policy = configuration.reconnect else { return }
            if let limit = policy.maximumAttempts, failures >= limit {
                throw BridgeConnectionError.gaveUp(attempts: failures)
            }
            let delay = policy.delay(beforeAttempt: max(failures, 1))
            logger.info("connecting again in \(delay)", metadata: address)
            try await Task.sleep(for: delay)
        }
    }

    /// Sends an event to the bridge: refused when its destination has not been initialized on this
    /// connection (its init response written) or it breaks a rule, and when no connection is open.
    public func send<Event: CTIEvent>(_ event: Event) async throws {
        // The writer first: the tracker is reset when its connection closes, so a check that passes
        // belongs to this connection.
        guard let writer = outbound.withLock({ $0 }) else { throw BridgeConnectionError.notConnected }
        let frame: [UInt8]
        do {
            frame = try EventSender(tracker: router.tracker, framing: configuration.framing).frame(for: event)
        } catch {
            throw BridgeConnectionError.eventRefused(error)
        }
        try await writer.write(ByteBuffer(bytes: frame))
        logger.debug("event sent", metadata: ["name": "\(Event.name)", "target": "\(event.target)"])
    }

    // MARK: Connecting

    private var address: Logger.Metadata { ["bridge": "\(configuration.host):\(configuration.port)"] }

    private func connect() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let context = try configuration.tls.map { try $0.makeContext() }
        let name = configuration.tls?.serverHostname ?? configuration.host
        // A name for SNI and the certificate check; an address is checked against the certificate's
        // addresses instead.
        let serverHostname = (try? SocketAddress(ipAddress: name, port: 0)) == nil ? name : nil
        return try await ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: context, serverHostname: serverHostname))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    // MARK: Serving

    /// Answers the bridge on `channel` until it closes; how many frames were answered.
    private func serve(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws -> Int {
        try await channel.executeThenClose { inbound, writer in
            // A new connection: the bridge initializes every destination again.
            router.tracker.resetAll()
            let number = connectionCount.withLock { count in
                count += 1
                return count
            }
            logger.info("connected to the bridge", metadata: address.merging(["connection": "\(number)"]) { $1 })
            try await onConnect(ConnectionInfo(number: number, host: configuration.host, port: configuration.port))
            outbound.withLock { $0 = writer }
            defer {
                outbound.withLock { $0 = nil }
                router.tracker.resetAll()
            }
            var decoder = FrameDecoder(options: configuration.framing)
            var answered = 0
            for try await bytes in inbound {
                decoder.append(bytes.readableBytesView)
                while let frame = decoder.next() {
                    switch frame {
                    case .success(let payload):
                        try await answer(payload, writer: writer)
                        answered += 1
                    case .failure(let error): logger.warning("a frame from the bridge is dropped: \(error)", metadata: address)
                    }
                }
            }
            if let error = decoder.finish() {
                logger.warning("the connection closed inside a frame: \(error)", metadata: address)
            }
            return answered
        }
    }

    /// Answers one frame and writes the answer; a destination its answer initializes is marked once
    /// the write has been taken.
    private func answer(_ payload: [UInt8], writer: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        let start = ContinuousClock.now
        let answer: Router<Handler>.Answer
        do {
            answer = try await router.answer(payload)
        } catch {
            logger.warning("a frame from the bridge cannot be answered: \(error)", metadata: address)
            return
        }
        let frame: [UInt8]
        do {
            frame = try FrameEncoder(options: configuration.framing).encode(answer.response)
        } catch {
            logger.error("a response cannot be framed: \(error)", metadata: Self.metadata(of: answer.response))
            return
        }
        try await writer.write(ByteBuffer(bytes: frame))
        answer.initializes.map(router.tracker.markInitialized)
        let failed = answer.response.headerString("result") == "FAILURE"
        guard failed || logger.logLevel <= .debug else { return }
        var metadata = Self.metadata(of: answer.response)
        metadata["ms"] = "\(((ContinuousClock.now - start) / .microseconds(1)).rounded() / 1000)"
        if failed {
            metadata["errorMessage"] = answer.response.headerString("errorMessage").map { "\($0)" }
            logger.warning("answered FAILURE", metadata: metadata)
        } else {
            logger.debug("answered", metadata: metadata)
        }
    }

    private static func metadata(of response: Envelope) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for key in ["name", "target", "requestId", "result"] {
            if let value = response.headerString(key) { metadata[key] = "\(value)" }
        }
        return metadata
    }
}

/// One connection to the bridge, as ``BridgeConnection`` tells its `onConnect` hook.
public struct ConnectionInfo: Sendable, Hashable {
    /// 1 for the first connection, then one more for each reconnect.
    public var number: Int
    /// The bridge's host.
    public var host: String
    /// The bridge's port.
    public var port: Int
}

/// Why a ``BridgeConnection`` could not do what was asked.
public enum BridgeConnectionError: Error, Sendable, CustomStringConvertible {
    /// No connection is open, so the event cannot be sent.
    case notConnected
    /// The event was refused before it was sent (its destination is not initialized, or it breaks a rule).
    case eventRefused(EventSendError)
    /// The reconnect policy's attempts are used up.
    case gaveUp(attempts: Int)

    public var description: String {
        switch self {
        case .notConnected: "no connection to the bridge is open"
        case .eventRefused(let error): "the event is not sent: \(error)"
        case .gaveUp(let attempts): "gave up after \(attempts) failed attempts to connect to the bridge"
        }
    }
}
