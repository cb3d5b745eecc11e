import ArgumentParser
import CTIBridge
import CTIRuntime
import CTISpec
import Foundation

/// `cti-bridge`: plays the Processor Bridge from a spec, to test any bridge client over TCP.
@main
struct CTIBridgeTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cti-bridge",
        abstract: "Play the Processor Bridge from a spec: run a session against a bridge client and check everything it sends.",
        subcommands: [Serve.self], defaultSubcommand: Serve.self)
}

/// `cti-bridge serve`: listen, wait for the client, run the session (or a load run), report.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Listen for a bridge client, run a session with it, and print a conformance report.",
        discussion: """
            The session sends each destination's init query first, then every query and request of the spec \
            with its example body (or the steps of --scenario), one at a time, and checks every response and \
            event against the spec. Exit status: 0 when every check passes, 1 when one fails, 2 when the \
            spec or scenario cannot be used. With --sessions or --requests it runs a load test instead: N \
            connections at once, M requests each, and prints frames per second and latency percentiles.
            """)

    @Option(help: "The spec: a folder of YAML files, or one file.")
    var spec = "spec"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: a free one, printed when listening).")
    var port = 7000

    @Option(help: "A scenario file: the steps to send instead of the spec's examples (see the README).")
    var scenario: String?

    @Option(help: "The report's format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Seconds a client may take to answer one request.")
    var timeout: Double = 5

    @Option(help: "The byte order of the length prefix: big-endian or little-endian.")
    var byteOrder: ByteOrderOption = .bigEndian

    @Option(help: "The largest frame read or written, in bytes.")
    var maxFrameBytes = FramingOptions.default.maxFrameBytes

    @Option(help: "A PEM certificate chain: serve TLS with it (with --tls-key).")
    var tlsCertificate: String?

    @Option(help: "The PEM private key of --tls-certificate.")
    var tlsKey: String?

    @Option(help: "Load test: how many clients (one connection each) to drive at once.")
    var sessions: Int?

    @Option(help: "Load test: how many requests to send on each connection after its init queries.")
    var requests: Int?

    @Option(help: "Load test: the most seconds the run may take.")
    var timeLimit: Double = 60

    enum ReportFormat: String, ExpressibleByArgument { case text, json }

    enum ByteOrderOption: String, ExpressibleByArgument {
        case bigEndian = "big-endian", littleEndian = "little-endian"
    }

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError("--tls-certificate and --tls-key go together") }
        if let sessions, sessions < 1 { throw ValidationError("--sessions must be at least 1") }
        if let requests, requests < 0 { throw ValidationError("--requests must not be negative") }
    }

    func run() async throws {
        let loaded = SpecLoader().load(paths: [spec])
        guard let spec = loaded.spec else {
            for diagnostic in loaded.diagnostics { printError(diagnostic.description) }
            throw ExitCode(2)
        }
        var steps = BridgeScript.steps(for: spec)
        if let scenario {
            switch ScenarioFile.steps(at: scenario, spec: spec) {
            case .success(let scenarioSteps): steps = scenarioSteps
            case .failure(let error):
                printError(error.description)
                throw ExitCode(2)
            }
        }
        let configuration = BridgeServerConfiguration(
            host: host, port: port,
            framing: FramingOptions(byteOrder: byteOrder == .bigEndian ? .bigEndian : .littleEndian, maxFrameBytes: maxFrameBytes),
            tls: tlsCertificate.map { ($0, tlsKey!) }, responseTimeout: .milliseconds(Int(timeout * 1000)))
        let listener = try await BridgeListener.listen(configuration)
        printError("cti-bridge: listening on \(host):\(listener.port)")
        if sessions != nil || requests != nil {
            let report = try await listener.runLoad(
                spec: spec, steps: steps, sessions: sessions ?? 1, requests: requests ?? 100,
                timeLimit: .milliseconds(Int(timeLimit * 1000)))
            print(format == .json ? try Self.json(report) : report.text, terminator: "")
            if !report.succeeded { throw ExitCode(1) }
        } else {
            let report = try await listener.runConformance(spec: spec, steps: steps)
            print(format == .json ? try Self.json(report) : report.text, terminator: "")
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
