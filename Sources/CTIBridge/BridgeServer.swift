import CTIRuntime
import CTISpec
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// How `cti-bridge` listens and what it allows a client.
public struct BridgeServerConfiguration: Sendable {
    /// The address to listen on (loopback by default).
    public var host: String
    /// The port; 0 picks a free one (see ``BridgeListener/port``).
    public var port: Int
    /// The framing: the length prefix's byte order and the largest frame read or written.
    public var framing: FramingOptions
    /// The certificate chain and private key (PEM files) to serve TLS with; nil for plain TCP.
    public var tls: (certificateChainFile: String, privateKeyFile: String)?
    /// How long a client may take to answer one request.
    public var responseTimeout: Duration
    /// How long to wait after the last answer for events still on their way.
    public var settle: Duration

    /// Creates a configuration: loopback, big-endian frames of at most 1 MiB, 5 s per answer, 200 ms
    /// for late events.
    public init(
        host: String = "127.0.0.1", port: Int, framing: FramingOptions = .default,
        tls: (certificateChainFile: String, privateKeyFile: String)? = nil, responseTimeout: Duration = .seconds(5),
        settle: Duration = .milliseconds(200)
    ) {
        self.host = host
        self.port = port
        self.framing = framing
        self.tls = tls
        self.responseTimeout = responseTimeout
        self.settle = settle
    }
}

/// A listening `cti-bridge`: bind with ``listen(_:)``, then run a conformance session or a load run
/// on the clients that connect.
public struct BridgeListener: Sendable {
    private let server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    /// The configuration it listens with.
    public let configuration: BridgeServerConfiguration
    /// The port it listens on (the one picked when the configuration asks for 0).
    public let port: Int

    /// Binds the address; clients can connect once it returns.
    public static func listen(
        _ configuration: BridgeServerConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> BridgeListener {
        let context = try configuration.tls.map { tls in
            try NIOSSLContext(
                configuration: TLSConfiguration.makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMFile(tls.certificateChainFile).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(file: tls.privateKeyFile, format: .pem))))
        }
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return BridgeListener(server: server, configuration: configuration, port: server.channel.localAddress?.port ?? configuration.port)
    }

    /// Waits for one client, runs `steps` on its connection with every check, and stops listening.
    public func runConformance(spec: Spec, steps: [BridgeStep]) async throws -> ConformanceReport {
        let session = BridgeSession(
            spec: spec, framing: configuration.framing, responseTimeout: configuration.responseTimeout,
            settle: configuration.settle, validates: true)
        return try await server.executeThenClose { clients in
            for try await client in clients {
                return await session.run(steps, on: client)
            }
            return ConformanceReport(checks: [.fail("connection", "a client connects", expected: "a client", actual: "the listener closed")])
        }
    }

    /// Waits for `sessions` clients (each its own connection) and sends each the init queries of
    /// `steps`, then `requests` requests cycling through the others, all sessions at once; stops after
    /// `timeLimit` however far it got.
    public func runLoad(spec: Spec, steps: [BridgeStep], sessions: Int, requests: Int, timeLimit: Duration) async throws -> LoadReport {
        let initSteps = steps.filter { $0.message.name == $0.destination.initQuery?.name }
        let others = steps.filter { $0.message.name != $0.destination.initQuery?.name }
        let work = others.isEmpty ? initSteps : initSteps + (0..<requests).map { others[$0 % others.count] }
        let session = BridgeSession(
            spec: spec, framing: configuration.framing, responseTimeout: configuration.responseTimeout, settle: .zero,
            validates: false)
        let finished = FinishedSessions()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.executeThenClose { clients in
                    try await withThrowingTaskGroup(of: Void.self) { sessionsGroup in
                        var accepted = 0
                        for try await client in clients {
                            finished.started.withLock { $0 = $0 ?? .now }
                            sessionsGroup.addTask {
                                let report = await session.run(work, on: client)
                                // A session stopped by the time limit has not completed.
                                if !Task.isCancelled { finished.reports.withLock { $0.append(report) } }
                            }
                            accepted += 1
                            if accepted == sessions { break }
                        }
                        try await sessionsGroup.waitForAll()
                    }
                }
            }
            group.addTask { try await Task.sleep(for: timeLimit) }
            // Whichever ends first, the run or its time limit, ends both.
            _ = try await group.next()
            group.cancelAll()
        }
        let reports = finished.reports.withLock { $0 }
        // Timed from the first client's connection, not from listening.
        let elapsed = finished.started.withLock { $0 }.map { ContinuousClock.now - $0 } ?? .zero
        return LoadReport(sessions: sessions, reports: reports, elapsed: elapsed)
    }
}

/// The reports of the load run's sessions that have ended, and when the first began, shared by the
/// sessions' tasks.
private final class FinishedSessions: Sendable {
    let reports = Mutex<[ConformanceReport]>([])
    let started = Mutex<ContinuousClock.Instant?>(nil)
}
