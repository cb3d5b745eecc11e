import CTIRuntime
import NIOCore
import NIOPosix

/// A bridge the test scripts byte by byte: it listens on a free loopback port and hands the test
/// each client connection, to write frames (or garbage) and read what comes back.
struct RawBridge: Sendable {
    let server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    var port: Int { server.channel.localAddress!.port! }

    static func listen() async throws -> RawBridge {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        return RawBridge(server: server)
    }

    /// Runs `script` on each of the first `connections` clients in turn, then stops listening.
    func serve(connections: Int = 1, _ script: @Sendable (Int, RawConnection) async throws -> Void) async throws {
        try await server.executeThenClose { clients in
            var number = 0
            for try await client in clients {
                number += 1
                try await client.executeThenClose { inbound, outbound in
                    try await script(number, RawConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound))
                }
                if number == connections { return }
            }
        }
    }
}

/// One scripted connection: write bytes or framed envelopes, read the client's frames.
final class RawConnection: @unchecked Sendable {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var decoder = FrameDecoder()
    private var frames: [[UInt8]] = []

    init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound
        self.outbound = outbound
    }

    func write(bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    func write(_ json: String) async throws {
        try await write(bytes: try FrameEncoder().encode(Array(json.utf8)))
    }

    /// The next frame the client sends, as an envelope; nil when the connection closes first.
    func read() async throws -> Envelope? {
        while frames.isEmpty {
            while let frame = decoder.next() {
                if case .success(let payload) = frame { frames.append(payload) }
            }
            if !frames.isEmpty { break }
            guard let bytes = try await inbound.next() else { return nil }
            decoder.append(bytes.readableBytesView)
        }
        return try Envelope(parsing: frames.removeFirst())
    }

    /// A query or request frame of the shipped spec.
    static func request(_ name: String, type: String = "cti.request", target: String = "agent-1", id: Int, body: String = "{}") -> String {
        #"{"header":{"type":"\#(type)","name":"\#(name)","target":"\#(target)","requestId":"{00000000-0000-0000-0000-\#(twelveHexDigits(id))}"},"body":\#(body)}"#
    }
}

/// Twelve hex digits for a request id's last group.
func twelveHexDigits(_ id: Int) -> String {
    let digits = String(id, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
}
