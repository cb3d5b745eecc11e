import CTIRuntime
import NIOCore
import NIOPosix

/// The floor of the bridge load benchmark (scripts/bridge-load.py): a client that answers every query and
/// request SUCCESS by echoing its header, straight on swift-nio, with no typed messages, no handler and no
/// checks. What `cti-example-client` costs above it is the price of CTITransport and the generated router.
///
/// Usage: RawEchoClient <port> <connections>
@main
struct RawEchoClient {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let port = arguments.first ?? 7000
        let connections = arguments.dropFirst().first ?? 1
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<connections {
                group.addTask { try await serve(port: port) }
            }
            try await group.waitForAll()
        }
    }

    static func serve(port: Int) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        try await channel.executeThenClose { inbound, outbound in
            var decoder = FrameDecoder()
            let encoder = FrameEncoder()
            for try await bytes in inbound {
                decoder.append(bytes.readableBytesView)
                while let frame = decoder.next() {
                    guard case .success(let payload) = frame, let request = try? Envelope(parsing: payload) else { continue }
                    var header = request.header
                    header["type"] = "cti.response"
                    header["result"] = "SUCCESS"
                    try await outbound.write(ByteBuffer(bytes: try encoder.encode(Envelope(header: header))))
                }
            }
        }
    }
}
