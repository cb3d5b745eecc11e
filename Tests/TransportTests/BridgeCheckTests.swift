import CTIBridge
import CTIRuntime
import CTISpec
import NIOCore
import NIOPosix
import Testing

/// `cti-bridge` against a client that breaks the protocol: each broken promise is one failed check
/// naming what was expected and what came, and bad input is reported, never a crash.
@Suite struct BridgeCheckTests {
    /// Runs the shipped spec's session against a client scripted by `script`, which gets each query or
    /// request the bridge sends and the connection to answer on.
    static func report(
        steps: Int = 2, _ script: @escaping @Sendable (Envelope, RawConnection) async throws -> Void
    ) async throws -> ConformanceReport {
        let spec = try EndToEndTests.spec("spec")
        let listener = try await BridgeListener.listen(
            BridgeServerConfiguration(port: 0, responseTimeout: .seconds(2), settle: .milliseconds(300)))
        let client = Task {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: listener.port) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
            try await channel.executeThenClose { inbound, outbound in
                let connection = RawConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                while let request = try await connection.read() {
                    try await script(request, connection)
                }
            }
        }
        let report = try await listener.runConformance(spec: spec, steps: Array(BridgeScript.steps(for: spec).prefix(steps)))
        _ = await client.result
        return report
    }

    /// A SUCCESS response echoing `request`'s header (with `changes` applied to it) and carrying `body`.
    static func response(to request: Envelope, changes: [String: JSONValue] = [:], body: String = "{}") -> String {
        var header = request.header
        header["type"] = "cti.response"
        header["result"] = "SUCCESS"
        for (key, value) in changes { header[key] = value }
        return #"{"header":\#(String(decoding: JSONValue.object(header).serialized(), as: UTF8.self)),"body":\#(body)}"#
    }

    static let initBody = #"{"channelGroup":"group-1"}"#

    @Test func aRequestIdThatIsNotEchoedByteForByteFails() async throws {
        let report = try await Self.report(steps: 1) { request, connection in
            let lowered = request.headerString("requestId")!.lowercased()
            try await connection.write(Self.response(to: request, changes: ["requestId": .string(lowered)], body: Self.initBody))
        }
        // The lower-cased id answers no request the bridge sent.
        #expect(report.failures.map(\.check).contains("responses answer a request"), "\(report.text)")
        #expect(report.failures.map(\.check).contains("answered"), "\(report.text)")
    }

    @Test func aTargetThatIsNotEchoedFails() async throws {
        let report = try await Self.report(steps: 1) { request, connection in
            try await connection.write(Self.response(to: request, changes: ["target": "elsewhere"], body: Self.initBody))
        }
        let failure = try #require(report.failures.first, "\(report.text)")
        #expect(failure.check == "echoes name, target, requestId")
        #expect(failure.expected == #"target "example target""#)
        #expect(failure.actual == #"target "elsewhere""#)
    }

    @Test func aFailureWithoutErrorMessageAndAnInvalidBodyFail() async throws {
        let report = try await Self.report { request, connection in
            if request.messageName == "session.query.init" {
                try await connection.write(Self.response(to: request, body: #"{"channelGroup":42}"#))
            } else {
                try await connection.write(Self.response(to: request, changes: ["result": "FAILURE"]))
            }
        }
        #expect(
            report.failures.map { "\($0.subject): \($0.check): \($0.actual ?? "")" } == [
                "session.query.init: body matches the response table: body.channelGroup: expected string, found integer",
                "session.request.createchannelgroup: errorMessage when result is FAILURE: nothing",
            ], "\(report.text)")
    }

    @Test func anEventBeforeTheInitResponseAndAnUnknownEventFail() async throws {
        let report = try await Self.report(steps: 1) { request, connection in
            try await connection.write(#"{"header":{"type":"cti.event","name":"session.closed","target":"example target"},"body":{}}"#)
            try await connection.write(Self.response(to: request, body: Self.initBody))
            try await connection.write(#"{"header":{"type":"cti.event","name":"session.closed","target":"example target"},"body":{}}"#)
            try await connection.write(#"{"header":{"type":"cti.event","name":"session.exploded","target":"example target"},"body":{}}"#)
        }
        #expect(
            report.failures.map { "\($0.subject): \($0.check)" } == [
                "event session.closed: sent after session 'example target' was initialized",
                "event session.exploded: known to the spec",
            ], "\(report.text)")
        // The same event after the init response passes.
        #expect(report.checks.filter { $0.subject == "event session.closed" && $0.check.hasPrefix("sent after") }.map(\.passed) == [false, true])
    }

    @Test func garbageAnOversizeFrameAndACloseMidFrameAreReported() async throws {
        let report = try await Self.report(steps: 1) { request, connection in
            try await connection.write("not json at all")
            try await connection.write(bytes: [0, 0x20, 0, 0])
            try await connection.write(bytes: [0, 0, 0, 50, 0x7B])
        }
        let failures = report.failures.map { "\($0.subject): \($0.check)" }
        #expect(failures.contains("connection: frames are JSON envelopes"), "\(report.text)")
        #expect(failures.contains("connection: frames are valid"), "\(report.text)")
        #expect(failures.contains("session.query.init: answered"), "\(report.text)")
    }
}
