import CTIBridge
import CTIMessages
import CTIRuntime
import CTITransport
import Testing

/// `cti-bridge`'s load mode: N connections at once, M requests each, bounded in count and in time.
@Suite struct LoadRunTests {
    @Test func everySessionRunsItsRequests() async throws {
        let spec = try EndToEndTests.spec("spec")
        let listener = try await BridgeListener.listen(BridgeServerConfiguration(port: 0))
        let clients = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await BridgeConnection(
                            configuration: BridgeConfiguration(host: "127.0.0.1", port: listener.port),
                            router: Router(handler: ExampleClientHandler())
                        ).run()
                    }
                }
                try await group.waitForAll()
            }
        }
        let report = try await listener.runLoad(
            spec: spec, steps: BridgeScript.steps(for: spec), sessions: 5, requests: 40, timeLimit: .seconds(60))
        try await clients.value
        #expect(report.succeeded, "\(report.text)")
        #expect(report.completedSessions == 5)
        #expect(report.answered == 5 * 41)
        #expect(report.p50 <= report.p99 && report.p99 <= report.max)
        #expect(report.framesPerSecond > 0)
    }

    @Test func aRunStopsAtItsTimeLimit() async throws {
        let spec = try EndToEndTests.spec("spec")
        let listener = try await BridgeListener.listen(BridgeServerConfiguration(port: 0))
        let client = Task {
            try await BridgeConnection(
                configuration: BridgeConfiguration(host: "127.0.0.1", port: listener.port),
                router: Router(handler: ExampleClientHandler())
            ).run()
        }
        // Two sessions are asked for and one client comes.
        let report = try await listener.runLoad(
            spec: spec, steps: BridgeScript.steps(for: spec), sessions: 2, requests: 5, timeLimit: .seconds(2))
        _ = await client.result
        #expect(report.timedOut)
        #expect(!report.succeeded)
        #expect(report.completedSessions == 1)
        #expect(report.text.contains("sessions: 1 of 2 completed (time limit reached)"))
    }
}
