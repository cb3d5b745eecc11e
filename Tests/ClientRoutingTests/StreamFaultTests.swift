import CTIMessages
import CTIRuntime
import Testing

/// A connection as a client serves it: bytes in chunks -> frame decoder -> router -> response
/// frames. Faults in the stream are reported once, in place, and lose none of the frames around
/// them; a stream that ends mid-frame ends in a truncation error after every complete frame.
@Suite struct StreamFaultTests {
    /// What serving a connection produced, in order.
    enum Event: Equatable, CustomStringConvertible {
        /// The response to a frame (its `header.name` and `header.result`).
        case answered(name: String, result: String)
        case frameError(FrameError)
        case routingError(RoutingError)
        /// The end of the stream: nil on a frame boundary.
        case end(FrameError?)

        var description: String {
            switch self {
            case .answered(let name, let result): "\(name) \(result)"
            case .frameError(let error): "frame: \(error)"
            case .routingError(let error): "routing: \(error)"
            case .end(let error): "end: \(error.map(String.init(describing:)) ?? "clean")"
            }
        }
    }

    static let id = "{6F9619FF-8B86-D011-B42D-00CF4FC964FF}"

    static func request(_ name: String, body: String = "{}", target: String = "s-1") -> [UInt8] {
        Array(#"{"header":{"type":"cti.request","name":"\#(name)","target":"\#(target)","requestId":"\#(id)"},"body":\#(body)}"#.utf8)
    }

    static let close = request("session.request.close")
    static let dispose = request("session.request.dispose")
    static let stop = request("session.request.stopteamstatus")

    /// Serves `stream`, fed `chunkSize` bytes at a time.
    static func serve(
        _ stream: [UInt8], chunkSize: Int = 5, framing: FramingOptions = .default, limits: JSONLimits = .default
    ) async throws -> [Event] {
        let router = Router(handler: RecordingHandler(), limits: limits)
        var decoder = FrameDecoder(options: framing)
        var events: [Event] = []
        var start = 0
        while start < stream.count {
            decoder.append(stream[start..<min(start + chunkSize, stream.count)])
            start += chunkSize
            while let next = decoder.next() {
                switch next {
                case .failure(let error):
                    events.append(.frameError(error))
                case .success(let payload):
                    let answered: [UInt8]
                    do throws(RoutingError) {
                        answered = try await router.route(payload)
                    } catch {
                        events.append(.routingError(error))
                        continue
                    }
                    let answer = try Envelope(parsing: answered)
                    events.append(.answered(name: answer.headerString("name") ?? "?", result: answer.headerString("result") ?? "?"))
                }
            }
        }
        events.append(.end(decoder.finish()))
        return events
    }

    /// A big-endian length, then the bytes (which need not be UTF-8).
    static func rawFrame(_ content: [UInt8], declaredLength: Int? = nil) -> [UInt8] {
        let length = UInt32(declaredLength ?? content.count)
        return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } + content
    }

    static let closed = Event.answered(name: "session.request.close", result: "SUCCESS")
    static let disposed = Event.answered(name: "session.request.dispose", result: "SUCCESS")
    static let stopped = Event.answered(name: "session.request.stopteamstatus", result: "SUCCESS")

    // MARK: Truncation

    @Test(arguments: [1, 3, 7, 64, 10_000])
    func aConnectionEndingMidFrameAnswersEveryCompleteFrameFirst(chunkSize: Int) async throws {
        let partial = Array(Self.rawFrame(Self.stop).prefix(30))
        let events = try await Self.serve(Self.rawFrame(Self.close) + Self.rawFrame(Self.dispose) + partial, chunkSize: chunkSize)
        #expect(events == [Self.closed, Self.disposed, .end(.truncated(expected: Self.stop.count, received: 26))])
    }

    @Test func aConnectionEndingInsideALengthPrefix() async throws {
        let events = try await Self.serve(Self.rawFrame(Self.close) + [0, 0, 1])
        #expect(events == [Self.closed, .end(.truncated(expected: 4, received: 3))])
    }

    @Test func aConnectionEndingWhileAnOversizedFrameIsSkipped() async throws {
        let framing = FramingOptions(maxFrameBytes: 200)
        let stream = Self.rawFrame(Self.close) + Self.rawFrame([], declaredLength: 5_000) + [UInt8](repeating: 0x41, count: 100)
        let events = try await Self.serve(stream, framing: framing)
        #expect(events == [Self.closed, .frameError(.frameTooLarge(length: 5_000, limit: 200)), .end(.truncated(expected: 5_000, received: 100))])
    }

    // MARK: Faults between good frames

    @Test(arguments: [1, 4, 9, 1_000])
    func anEmptyFrameIsReportedOnceAndItsNeighboursAreAnswered(chunkSize: Int) async throws {
        let stream = Self.rawFrame(Self.close) + Self.rawFrame([]) + Self.rawFrame(Self.dispose)
        let events = try await Self.serve(stream, chunkSize: chunkSize)
        #expect(events == [Self.closed, .frameError(.emptyFrame), Self.disposed, .end(nil)])
    }

    @Test(arguments: [1, 4, 9, 1_000])
    func aFrameOverTheLimitIsReportedOnceAndItsNeighboursAreAnswered(chunkSize: Int) async throws {
        let framing = FramingOptions(maxFrameBytes: 200)
        let big = Self.request("session.request.close", body: #"{"pad":""# + String(repeating: "x", count: 300) + #""}"#)
        let stream = Self.rawFrame(Self.close) + Self.rawFrame(big) + Self.rawFrame(Self.dispose)
        let events = try await Self.serve(stream, chunkSize: chunkSize, framing: framing)
        #expect(events == [Self.closed, .frameError(.frameTooLarge(length: big.count, limit: 200)), Self.disposed, .end(nil)])
    }

    @Test(arguments: [1, 4, 9, 1_000])
    func invalidUTF8IsReportedOnceAndItsNeighboursAreAnswered(chunkSize: Int) async throws {
        var broken = Self.stop
        broken[40] = 0xFF
        let stream = Self.rawFrame(Self.close) + Self.rawFrame(broken) + Self.rawFrame(Self.dispose)
        let events = try await Self.serve(stream, chunkSize: chunkSize)
        #expect(events == [Self.closed, .frameError(.invalidUTF8(frameLength: broken.count)), Self.disposed, .end(nil)])
    }

    /// The default frame limit: a length prefix just over 1 MiB is refused as soon as it is read.
    @Test func theDefaultFrameLimitIsOneMebibyte() async throws {
        #expect(FramingOptions.default.maxFrameBytes == 1 << 20)
        let stream = Self.rawFrame([], declaredLength: (1 << 20) + 1) + [UInt8](repeating: 0x20, count: (1 << 20) + 1) + Self.rawFrame(Self.close)
        let events = try await Self.serve(stream, chunkSize: 65_536)
        #expect(events == [.frameError(.frameTooLarge(length: (1 << 20) + 1, limit: 1 << 20)), Self.closed, .end(nil)])
    }

    /// Bytes that are not frames at all (JSON sent without a length prefix): the first four bytes
    /// read as a length far over the limit. The error says how much is skipped, nothing after it is
    /// read as a message, and the end of the stream reports how much of that "frame" arrived.
    @Test func aStreamWithoutLengthPrefixesIsNeverMisread() async throws {
        let stream = Self.close + Self.dispose + Self.rawFrame(Self.stop)
        let declared = Int(UInt32(Self.close[0]) << 24 | UInt32(Self.close[1]) << 16 | UInt32(Self.close[2]) << 8 | UInt32(Self.close[3]))
        let events = try await Self.serve(stream)
        #expect(events == [.frameError(.frameTooLarge(length: declared, limit: 1 << 20)), .end(.truncated(expected: declared, received: stream.count - 4))])
        #expect(FrameError.frameTooLarge(length: declared, limit: 1 << 20).description == "frame of \(declared) bytes exceeds the limit of 1048576 bytes; skipped")
    }

    // MARK: JSON limits through the router

    /// No request goes unanswered: a request whose header can be read but whose body breaks a limit is
    /// answered FAILURE with the reason, and the next frame is answered as usual.
    @Test func aBodyNestedDeeperThanTheLimitIsAnsweredFailure() async throws {
        let deep = Self.request("session.request.close", body: String(repeating: "[", count: 70) + String(repeating: "]", count: 70))
        let events = try await Self.serve(Self.rawFrame(deep) + Self.rawFrame(Self.dispose))
        #expect(events == [.answered(name: "session.request.close", result: "FAILURE"), Self.disposed, .end(nil)])
        let offset = deep.firstIndex(of: UInt8(ascii: "["))! + 63
        let answer = try Envelope(parsing: try await Router(handler: RecordingHandler()).route(deep))
        #expect(answer.headerString("errorMessage") == "the message cannot be read: invalid JSON at byte \(offset): arrays and objects nested deeper than 64 levels")
        #expect(answer.headerString("requestId") == Self.id)
        #expect(answer.headerString("target") == "s-1")
    }

    @Test func aBodyWithMoreMembersThanTheLimitIsAnsweredFailure() async throws {
        let members = (0...10_000).map { #""m\#($0)":0"# }.joined(separator: ",")
        let wide = Self.request("session.request.close", body: "{" + members + "}")
        let events = try await Self.serve(Self.rawFrame(wide) + Self.rawFrame(Self.dispose), chunkSize: 4096)
        #expect(events == [.answered(name: "session.request.close", result: "FAILURE"), Self.disposed, .end(nil)])
    }

    /// The header is found wherever it is in the message: after a body that cannot be read too, as long
    /// as the JSON up to the header is well-formed.
    @Test func theHeaderIsFoundAfterABodyThatBreaksALimit() async throws {
        let header = #""header":{"type":"cti.request","name":"session.request.close","target":"s-1","requestId":"\#(Self.id)"}"#
        let deepFirst = Array(#"{"body":{"a":\#(String(repeating: "[", count: 70) + String(repeating: "]", count: 70)),"s":"x]\"}"},\#(header)}"#.utf8)
        let malformedAfter = Array(#"{\#(header),"body":{"a":tru}}"#.utf8)
        let malformedBefore = Array(#"{"body":{"a":tru},\#(header)}"#.utf8)
        let router = Router(handler: RecordingHandler())
        for payload in [deepFirst, malformedAfter] {
            let answer = try Envelope(parsing: try await router.route(payload))
            #expect(answer.headerString("result") == "FAILURE")
            #expect(answer.headerString("errorMessage")?.hasPrefix("the message cannot be read: invalid JSON at byte") == true)
        }
        // Before the header the scan does not check values, so it still finds the header here;
        // a message that is not JSON at all, or has no header, cannot be answered.
        #expect(try Envelope(parsing: try await router.route(malformedBefore)).headerString("result") == "FAILURE")
        await #expect(throws: RoutingError.self) { try await router.route(Array(#"{"body":{},"header":{"type":"#.utf8)) }
        await #expect(throws: RoutingError.self) { try await router.route(Array("[1,2".utf8)) }
    }

    @Test func theRouterEnforcesTheJSONLimitsItIsGiven() async throws {
        let limits = JSONLimits(maxDepth: 3, maxMembers: 4, maxStringBytes: 40)
        let nested = Self.request("session.request.close", body: #"{"a":{"b":[1]}}"#)
        let wide = Self.request("session.request.close", body: #"{"a":1,"b":2,"c":3,"d":4,"e":5}"#)
        let long = Self.request("session.request.close", target: String(repeating: "t", count: 41))
        let router = Router(handler: RecordingHandler(), limits: limits)
        var reasons: [String?] = []
        for payload in [nested, wide] {
            reasons.append(try Envelope(parsing: try await router.route(payload)).headerString("errorMessage"))
        }
        #expect(reasons[0]?.hasSuffix("arrays and objects nested deeper than 3 levels") == true)
        #expect(reasons[1]?.hasSuffix("more than 4 elements in one array or object") == true)
        // A header that breaks a limit itself cannot be read, so it cannot be answered.
        await #expect(throws: RoutingError.self) { try await router.route(long) }
        let events = try await Self.serve(Self.rawFrame(long) + Self.rawFrame(Self.close), limits: limits)
        #expect(events.suffix(2) == [Self.closed, .end(nil)])
    }

    /// A frame that is JSON but cannot be answered (no requestId to echo) is a typed error, and the
    /// connection goes on.
    @Test func aFrameThatCannotBeAnsweredIsATypedErrorAndTheConnectionGoesOn() async throws {
        let noID = Array(#"{"header":{"type":"cti.request","name":"session.request.close","target":"s-1"},"body":{}}"#.utf8)
        let events = try await Self.serve(Self.rawFrame(noID) + Self.rawFrame(Self.close))
        guard case .routingError(.cannotAnswer(let reason)) = events.first else {
            Issue.record("expected cannotAnswer, got \(events)")
            return
        }
        #expect(reason.hasSuffix("and the headers needed to answer (name, target, requestId) are missing"))
        #expect(events.dropFirst() == [Self.closed, .end(nil)])
    }
}

/// A request that fits in a frame gets a response that fits in a frame.
@Suite struct ResponseSizeTests {
    /// The FAILURE for a request id that is not a GUID echoes the id in header.requestId but quotes
    /// only a short prefix of it in errorMessage, so a 600 KB request gets a response that still
    /// fits in a frame.
    @Test func aFailureForAHugeRequestIdStillFitsInAFrame() async throws {
        let hugeID = String(repeating: "x", count: 600_000)
        let request = Envelope(
            header: ["type": "cti.request", "name": "session.request.dispose", "target": "s-1", "requestId": .string(hugeID)])
        let payload = request.serialized()
        #expect(payload.count <= FramingOptions.default.maxFrameBytes)
        let answer = try await Router(handler: RecordingHandler()).route(payload)
        #expect(Array(try Envelope(parsing: answer).headerString("requestId")!.utf8) == Array(hugeID.utf8))
        #expect(answer.count <= FramingOptions.default.maxFrameBytes, "a \(answer.count)-byte response cannot be framed")
    }
}
