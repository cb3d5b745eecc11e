import CTIBridge
import CTIMessages
import CTIRuntime
import CTISpec
import CTITransport
import Foundation
import MultiMessages
import Testing

/// A generated example handler served through CTITransport passes `cti-bridge` on loopback: every
/// query and request answered in order, headers echoed byte for byte, bodies valid against the spec.
@Suite struct EndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func spec(_ folder: String) throws -> Spec {
        let result = SpecLoader().load(paths: [packageRoot.appendingPathComponent(folder).path])
        return try #require(result.spec, "\(result.diagnostics)")
    }

    /// Runs `cti-bridge`'s session for `spec` against `router`'s handler over a real connection.
    static func conformance<Handler: Sendable>(
        of router: Router<Handler>, spec: Spec, steps: [BridgeStep]? = nil, tls: (String, String)? = nil,
        clientTLS: TLSOptions? = nil
    ) async throws -> ConformanceReport {
        let listener = try await BridgeListener.listen(BridgeServerConfiguration(port: 0, tls: tls, settle: .milliseconds(50)))
        let connection = BridgeConnection(
            configuration: BridgeConfiguration(host: clientTLS == nil ? "127.0.0.1" : "localhost", port: listener.port, tls: clientTLS),
            router: router)
        async let client: Void = connection.run()
        let report = try await listener.runConformance(spec: spec, steps: steps ?? BridgeScript.steps(for: spec))
        try await client
        return report
    }

    @Test func theShippedSpecsExampleHandlerPassesCTIBridge() async throws {
        let spec = try Self.spec("spec")
        let report = try await Self.conformance(of: Router(handler: ExampleClientHandler()), spec: spec)
        #expect(report.failures.isEmpty, "\(report.text)")
        let answered = report.checks.filter { $0.check == "answered" }.map(\.subject)
        #expect(answered.first == "session.query.init")
        #expect(answered.count == 8, "\(answered)")
        #expect(report.checks.contains { $0.check == "echoes name, target, requestId" && $0.passed })
    }

    @Test func theMultiFixtureWithVariantsPassesCTIBridge() async throws {
        let spec = try Self.spec("Tests/Golden/multi/spec")
        let report = try await Self.conformance(of: Router(handler: MultiExampleClientHandler()), spec: spec)
        #expect(report.failures.isEmpty, "\(report.text)")
        // Each variant's own requests reached that variant's route.
        #expect(report.checks.contains { $0.subject == "channel.request.dial" && $0.check == "body matches the response table" && $0.passed })
        #expect(report.checks.contains { $0.subject == "interaction.request.consult" && $0.passed })
    }

    @Test func aHandlerThatBreaksTheSpecFailsCTIBridge() async throws {
        let spec = try Self.spec("spec")
        // Refusing everything is allowed (each FAILURE carries errorMessage), so the session's expectations
        // come from a scenario that expects SUCCESS.
        let scenario = """
            steps:
              - send: session.query.init
                expect: SUCCESS
              - send: session.request.close
                target: agent-9
            """
        let steps = try ScenarioFile.steps(text: scenario, file: "scenario.yaml", spec: spec).get()
        let report = try await Self.conformance(of: Router(handler: RefusingHandler()), spec: spec, steps: steps)
        #expect(report.failures.map(\.check) == ["result is SUCCESS"], "\(report.text)")
        #expect(report.text.contains("FAIL session.query.init: result is SUCCESS: expected SUCCESS, got FAILURE"))
        #expect(report.checks.contains { $0.subject == "session.request.close" && $0.check == "errorMessage when result is FAILURE" && $0.passed })
    }

    @Test func aScenarioStepCanNameTheVariantItAddresses() async throws {
        let spec = try Self.spec("Tests/Golden/multi/spec")
        let scenario = "steps:\n  - send: channel.query.init\n    variant: telephony\n  - send: channel.request.dial\n"
        let steps = try ScenarioFile.steps(text: scenario, file: "scenario.yaml", spec: spec).get()
        #expect(steps.map(\.target) == ["example-telephony", "example-telephony"])
        #expect(steps.map { $0.destination.variant?.name } == ["telephony", "telephony"])
        let report = try await Self.conformance(of: Router(handler: MultiExampleClientHandler()), spec: spec, steps: steps)
        #expect(report.failures.isEmpty, "\(report.text)")
        // The telephony channel's init response was checked against its own table.
        #expect(report.checks.contains { $0.subject == "channel.query.init" && $0.check == "body matches the response table" && $0.passed })
    }

    @Test func aScenarioMistakeIsLocated() throws {
        let spec = try Self.spec("spec")
        let result = ScenarioFile.steps(text: "steps:\n  - send: session.query.int\n", file: "scenario.yaml", spec: spec)
        guard case .failure(let error) = result else {
            Issue.record("the scenario was accepted")
            return
        }
        #expect(error.diagnostics == ["scenario.yaml:2:11: error: 'session.query.int' is not a query or request of the spec; did you mean 'session.query.init'?"])
    }

    @Test func tlsWithACertificateMadeHere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cti-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("bridge.pem").path
        let key = folder.appendingPathComponent("bridge.key").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", certificate,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl could not make a certificate")
        let spec = try Self.spec("spec")
        let report = try await Self.conformance(
            of: Router(handler: ExampleClientHandler()), spec: spec, tls: (certificate, key),
            clientTLS: TLSOptions(trustRoots: .pemFile(certificate)))
        #expect(report.failures.isEmpty, "\(report.text)")
        #expect(report.checks.filter { $0.check == "answered" }.count == 8)
    }
}

/// Refuses every query and request: each is answered FAILURE with this error message.
struct RefusingHandler: ClientHandler {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "refused by the test" }
    }

    func handleInit(_ query: Session.InitQuery) async throws -> Session.InitQuery.ResponseBody { throw Refused() }
    func handleCreateChannelGroup(_ request: Session.CreateChannelGroupRequest) async throws { throw Refused() }
    func handleClose(_ request: Session.CloseRequest) async throws { throw Refused() }
    func handleExternalLogoutReasons(_ request: Session.ExternalLogoutReasonsRequest) async throws { throw Refused() }
    func handleExternalNotReadyReasons(_ request: Session.ExternalNotReadyReasonsRequest) async throws { throw Refused() }
    func handleDispose(_ request: Session.DisposeRequest) async throws { throw Refused() }
    func handleGetTeamStatus(_ request: Session.GetTeamStatusRequest) async throws -> Session.GetTeamStatusRequest.ResponseBody {
        throw Refused()
    }
    func handleStopTeamStatus(_ request: Session.StopTeamStatusRequest) async throws { throw Refused() }
}

/// The README's "Connect to a bridge" client is `ReadmeClient.swift`, compiled here, and it passes
/// `cti-bridge` for the shipped spec.
@Suite struct ReadmeClientTests {
    @Test func theReadmeShowsTheClientAsCompiled() throws {
        let readme = try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let client = try String(
            contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Tests/TransportTests/ReadmeClient.swift"), encoding: .utf8)
        #expect(readme.contains("```swift\n" + client + "```\n"))
    }

    @Test func theReadmeClientPassesCTIBridge() async throws {
        let spec = try EndToEndTests.spec("spec")
        let listener = try await BridgeListener.listen(BridgeServerConfiguration(port: 0, settle: .milliseconds(50)))
        let client = Task { try await runAgentClient(port: listener.port) }
        let report = try await listener.runConformance(spec: spec, steps: BridgeScript.steps(for: spec))
        client.cancel()
        _ = await client.result
        #expect(report.failures.isEmpty, "\(report.text)")
    }
}
