import CTIRuntime
import CTITransport
import Phone

/// Serves a desk phone for extension 4101 (the spec's example) to the bridge at 127.0.0.1:<port> (the
/// first argument, 7000 by default) until the bridge closes the connection.
@main
struct PhoneClient {
    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 7000
        let connection = BridgeConnection(
            configuration: BridgeConfiguration(host: "127.0.0.1", port: port),
            router: Router(handler: DeskPhone(extension: "4101", line: "line-1")))
        try await connection.run()
    }
}
