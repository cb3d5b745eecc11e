import CTIRuntime
import CTISpec
import Foundation
import NIOCore
import Synchronization

/// One client connection, driven the way the bridge drives it: each step's query or request is sent
/// with a fresh request id, and the next is sent once it is answered (or its time is up). Everything the
/// client sends is read as it arrives and checked in that order, so an event read before its
/// destination's init response fails, however the two were produced.
struct BridgeSession: Sendable {
    let spec: Spec
    let framing: FramingOptions
    /// How long the client may take to answer one request.
    let responseTimeout: Duration
    /// How long to wait after the last answer for events still on their way.
    let settle: Duration
    /// Whether responses and events are checked against the spec; without, only that each request is
    /// answered (the load mode).
    let validates: Bool
    /// The `header.type` of the kinds that answer queries and requests (`cti.response`).
    private let responseTypes: Set<String>

    init(spec: Spec, framing: FramingOptions, responseTimeout: Duration, settle: Duration, validates: Bool) {
        self.spec = spec
        self.framing = framing
        self.responseTimeout = responseTimeout
        self.settle = settle
        self.validates = validates
        let definition = spec.protocolDefinition
        responseTypes = Set(definition.kinds.compactMap(\.answeredBy).compactMap { definition.kind($0)?.wireType })
    }

    /// Runs `steps` on `channel` and closes it; the checks, in order.
    func run(_ steps: [BridgeStep], on channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async -> ConformanceReport {
        let state = SessionState(conformance: SpecConformance(spec: spec))
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await read(inbound, into: state) }
                    for step in steps {
                        guard try await send(step, on: outbound, state: state) else { break }
                    }
                    try? await Task.sleep(for: settle)
                    group.cancelAll()
                }
            }
        } catch {
            state.record([.fail("connection", "stays open", expected: "the connection open until the session ends", actual: "\(error)")])
        }
        return state.report
    }

    /// Sends one step and waits for its answer; false when the connection is gone.
    private func send(_ step: BridgeStep, on outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, state: SessionState) async throws -> Bool {
        guard let kind = spec.protocolDefinition.kind(step.message.kind) else { return true }
        let requestId = "{" + UUID().uuidString + "}"
        let header: JSONObject = [
            "type": .string(kind.wireType), "name": .string(step.name), "target": .string(step.target), "requestId": .string(requestId),
        ]
        let frame: [UInt8]
        do {
            frame = try FrameEncoder(options: framing).encode(Envelope(header: header, body: step.body))
        } catch {
            state.record([.fail(step.name, "sent", expected: "a frame within --max-frame-bytes", actual: "\(error)")])
            return true
        }
        let answered = state.expect(requestId, step: step, header: header)
        do {
            try await outbound.write(ByteBuffer(bytes: frame))
        } catch {
            state.record([.fail(step.name, "sent", expected: "the connection open", actual: "the client closed it")])
            return false
        }
        let arrived = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in answered { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: responseTimeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !arrived, state.abandon(requestId) {
            state.record([.fail(step.name, "answered", expected: "one response within \(responseTimeout)", actual: "none")])
        }
        return !state.isClosed
    }

    /// Reads frames until the connection closes or the session ends, checking each as it comes.
    private func read(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>, into state: SessionState) async {
        var decoder = FrameDecoder(options: framing)
        do {
            for try await bytes in inbound {
                decoder.append(bytes.readableBytesView)
                while let frame = decoder.next() {
                    switch frame {
                    case .success(let payload): receive(payload, state: state)
                    case .failure(let error):
                        state.record([.fail("connection", "frames are valid", expected: "a frame of at most \(framing.maxFrameBytes) bytes of UTF-8 JSON", actual: "\(error)")])
                    }
                }
            }
            if let error = decoder.finish() {
                state.record([.fail("connection", "closes between frames", expected: "no partial frame", actual: "\(error)")])
            }
        } catch {
            // Cancelled at the end of the session, or the connection failed; pending requests report it.
        }
        state.close()
    }

    private func receive(_ payload: [UInt8], state: SessionState) {
        let envelope: Envelope
        do {
            envelope = try Envelope(parsing: payload)
        } catch {
            let start = String(decoding: payload.prefix(40), as: UTF8.self)
            state.record([.fail("connection", "frames are JSON envelopes", expected: "{\"header\": ..., \"body\": ...}", actual: "\(error) in '\(start)'")])
            return
        }
        if responseTypes.contains(envelope.messageType) {
            guard let requestId = envelope.headerString("requestId"), state.answer(requestId, with: envelope, validates: validates) else {
                state.record([.fail("connection", "responses answer a request", expected: "a requestId the bridge sent and is waiting for", actual: SpecJSON.text(envelope.header["requestId"]))])
                return
            }
        } else if validates {
            state.record(state.checkUnsolicited(envelope))
        }
    }
}

/// What one session shares between its sender and its reader.
final class SessionState: Sendable {
    private struct Pending {
        var step: BridgeStep
        var header: JSONObject
        var sent: ContinuousClock.Instant
        var answered: AsyncStream<Void>.Continuation
    }

    private struct State {
        var conformance: SpecConformance
        var checks: [ConformanceCheck] = []
        var pending: [String: Pending] = [:]
        var closed = false
    }

    private let state: Mutex<State>

    init(conformance: SpecConformance) {
        state = Mutex(State(conformance: conformance))
    }

    var report: ConformanceReport { ConformanceReport(checks: state.withLock { $0.checks }) }
    var isClosed: Bool { state.withLock { $0.closed } }

    func record(_ checks: [ConformanceCheck]) {
        state.withLock { $0.checks += checks }
    }

    /// Registers a request about to be sent; the stream yields once it is answered.
    func expect(_ requestId: String, step: BridgeStep, header: JSONObject) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        state.withLock { $0.pending[requestId] = Pending(step: step, header: header, sent: .now, answered: continuation) }
        return stream
    }

    /// Checks a response to a pending request and wakes its sender; false when no request waits for it.
    func answer(_ requestId: String, with response: Envelope, validates: Bool) -> Bool {
        state.withLock { state in
            guard let pending = state.pending.removeValue(forKey: requestId) else { return false }
            let latency = (ContinuousClock.now - pending.sent) / .microseconds(1) / 1000
            state.checks += validates
                ? state.conformance.check(response: response, to: pending.step, sentHeader: pending.header, latency: latency)
                : [.pass(pending.step.name, "answered", latency: latency)]
            pending.answered.yield()
            pending.answered.finish()
            return true
        }
    }

    /// Stops waiting for a request; false when it was answered meanwhile.
    func abandon(_ requestId: String) -> Bool {
        state.withLock { $0.pending.removeValue(forKey: requestId) != nil }
    }

    func checkUnsolicited(_ envelope: Envelope) -> [ConformanceCheck] {
        state.withLock { $0.conformance.check(unsolicited: envelope) }
    }

    /// The connection is closed: every pending request is reported unanswered.
    func close() {
        state.withLock { state in
            state.closed = true
            for (_, pending) in state.pending {
                state.checks.append(.fail(pending.step.name, "answered", expected: "one response", actual: "the connection closed first"))
                pending.answered.finish()
            }
            state.pending.removeAll()
        }
    }
}
