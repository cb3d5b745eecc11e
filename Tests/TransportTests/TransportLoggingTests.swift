import CTIMessages
import CTIRuntime
import CTITransport
import Logging
import Synchronization
import Testing

/// CTITransport logs through swift-log: each answered message at debug level with its name, target,
/// requestId, result and handling time, and a FAILURE at warning level with its error message.
@Suite struct TransportLoggingTests {
    /// Keeps every record logged through it.
    final class Records: Sendable {
        let entries = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])
    }

    struct RecordingLogHandler: LogHandler {
        let records: Records
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            records.entries.withLock {
                $0.append((event.level, event.message.description, metadata.merging(event.metadata ?? [:]) { $1 }))
            }
        }
    }

    @Test func eachAnswerIsLoggedWithItsHeaderAndTime() async throws {
        let records = Records()
        let bridge = try await RawBridge.listen()
        let client = BridgeConnection(
            configuration: BridgeConfiguration(host: "127.0.0.1", port: bridge.port),
            router: Router(handler: RefusingHandler()),
            logger: Logger(label: "test") { _ in RecordingLogHandler(records: records) })
        async let run: Void = client.run()
        try await bridge.serve { _, connection in
            try await connection.write(RawConnection.request("session.request.close", id: 7))
            #expect(try await connection.read()?.headerString("result") == "FAILURE")
        }
        try await run
        let entries = records.entries.withLock { $0 }
        let failure = try #require(entries.first { $0.message == "answered FAILURE" })
        #expect(failure.level == .warning)
        #expect(failure.metadata["name"] == "session.request.close")
        #expect(failure.metadata["target"] == "agent-1")
        #expect(failure.metadata["requestId"] == "{00000000-0000-0000-0000-000000000007}")
        #expect(failure.metadata["result"] == "FAILURE")
        #expect(failure.metadata["errorMessage"] == "refused by the test")
        #expect(failure.metadata["ms"] != nil)
        #expect(entries.contains { $0.message == "connected to the bridge" && $0.level == .info })
    }
}
