import ArgumentParser
import CTIMessages
import CTIRuntime
import CTITransport
import Logging

/// `cti-example-client`: the generated example handler of the shipped spec, connected to a bridge
/// through CTITransport: what `cti-bridge` and the benchmarks drive.
@main
struct ExampleClient: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cti-example-client",
        abstract: "Connect the shipped spec's example handler to a bridge and answer it until the bridge closes the connection.")

    @Option(help: "The bridge's host.")
    var host = "127.0.0.1"

    @Option(help: "The bridge's port.")
    var port = 7000

    @Option(help: "How many connections to open at once (one session each).")
    var connections = 1

    @Flag(help: "Connect again after the bridge closes the connection or it fails.")
    var reconnect = false

    @Option(help: "Use TLS, trusting the certificates in this PEM file.")
    var trustRoots: String?

    @Option(help: "The name the bridge's certificate carries (default: --host).")
    var serverName: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let configuration = BridgeConfiguration(
            host: host, port: port, tls: trustRoots.map { TLSOptions(trustRoots: .pemFile($0), serverHostname: serverName) },
            reconnect: reconnect ? ReconnectPolicy() : nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<connections {
                group.addTask {
                    try await BridgeConnection(configuration: configuration, router: Router(handler: ExampleClientHandler())).run()
                }
            }
            try await group.waitForAll()
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
