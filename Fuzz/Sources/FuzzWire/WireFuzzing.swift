import CTIMessages
import CTIRuntime
import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// One fuzz input.
///
/// Byte 0 chooses the setup: bit 0 the byte order, bit 1 small limits (frames of 512 bytes,
/// JSON depth 8, 16 members) instead of the defaults, bit 2 the mode. Byte 1 seeds the chunk
/// sizes. The rest is either the raw stream (mode 0) or payloads separated by 0xFE, each framed
/// with its true length (mode 1: a zero-length payload makes an empty frame), which reaches the
/// JSON parser and the router far more often.
enum WireFuzzing {
    static let smallFraming: [ByteOrder: FramingOptions] = [
        .bigEndian: FramingOptions(byteOrder: .bigEndian, maxFrameBytes: 512),
        .littleEndian: FramingOptions(byteOrder: .littleEndian, maxFrameBytes: 512),
    ]
    static let smallLimits = JSONLimits(maxDepth: 8, maxMembers: 16, maxStringBytes: 256)
    static let defaultRouter = Router(handler: ExampleClientHandler())
    static let smallRouter = Router(handler: ExampleClientHandler(), limits: smallLimits)

    static func run(_ input: [UInt8]) {
        guard input.count >= 2 else { return }
        let setup = input[0]
        let order: ByteOrder = setup & 1 == 0 ? .bigEndian : .littleEndian
        let small = setup & 2 != 0
        let options = small ? smallFraming[order]! : FramingOptions(byteOrder: order)
        let limits = small ? smallLimits : JSONLimits.default
        let router = small ? smallRouter : defaultRouter
        let body = Array(input[2...])
        let stream = setup & 4 == 0 ? body : framed(body, order: order)

        // The decoder, fed in random chunks, agrees with the reference reader.
        let expected = referenceDecode(stream, options: options)
        var seed = UInt64(input[1]) &* 0x9E37_79B9_7F4A_7C15 | 1
        let decoded = decodeInChunks(stream, options: options, seed: &seed)
        check(decoded.results == expected.results, "chunked decoding differs from the reference: \(decoded.results) vs \(expected.results)")
        check(decoded.end == expected.end, "the end of the stream differs: \(String(describing: decoded.end)) vs \(String(describing: expected.end))")

        // Every complete frame gets a response or a typed error.
        for result in decoded.results {
            guard case .success(let payload) = result else { continue }
            checkRouting(payload, router: router, limits: limits)
            checkClientMessage(payload, limits: limits)
        }
    }

    // MARK: Framing

    static func framed(_ body: [UInt8], order: ByteOrder) -> [UInt8] {
        var stream: [UInt8] = []
        for payload in body.split(separator: 0xFE, omittingEmptySubsequences: false) {
            let length = UInt32(payload.count)
            let prefix = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) }
            stream += order == .bigEndian ? prefix : prefix.reversed()
            stream += payload
        }
        return stream
    }

    /// The plainest reading of a whole stream, to check the incremental decoder against.
    static func referenceDecode(_ stream: [UInt8], options: FramingOptions) -> (results: [Result<[UInt8], FrameError>], end: FrameError?) {
        var results: [Result<[UInt8], FrameError>] = []
        var index = 0
        while true {
            let remaining = stream.count - index
            if remaining == 0 { return (results, nil) }
            if remaining < 4 { return (results, .truncated(expected: 4, received: remaining)) }
            let b = stream[index..<index + 4].map { UInt32($0) }
            let value = options.byteOrder == .bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
            let length = Int(value)
            let available = remaining - 4
            if length == 0 {
                results.append(.failure(.emptyFrame))
            } else if length > options.maxFrameBytes {
                results.append(.failure(.frameTooLarge(length: length, limit: options.maxFrameBytes)))
                if available < length { return (results, .truncated(expected: length, received: available)) }
            } else if available < length {
                return (results, .truncated(expected: length, received: available))
            } else {
                let content = Array(stream[index + 4..<index + 4 + length])
                let valid = String(validating: content, as: UTF8.self) != nil
                results.append(valid ? .success(content) : .failure(.invalidUTF8(frameLength: length)))
            }
            index += 4 + length
        }
    }

    static func decodeInChunks(_ stream: [UInt8], options: FramingOptions, seed: inout UInt64) -> (results: [Result<[UInt8], FrameError>], end: FrameError?) {
        var decoder = FrameDecoder(options: options)
        var results: [Result<[UInt8], FrameError>] = []
        var start = 0
        while start < stream.count {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            let size = min(stream.count - start, seed % 4 == 0 ? Int(seed >> 8 % 4096) + 1 : Int(seed >> 8 % 9) + 1)
            decoder.append(stream[start..<start + size])
            start += size
            while let result = decoder.next() { results.append(result) }
        }
        let end = decoder.finish()
        check(decoder.finish() == nil, "finish() reported twice")
        check(decoder.next() == nil, "a frame after finish()")
        return (results, end)
    }

    // MARK: Routing

    static func checkRouting(_ payload: [UInt8], router: Router<ExampleClientHandler>, limits: JSONLimits) {
        let outcome = blocking { () async -> Result<[UInt8], RoutingError> in
            do throws(RoutingError) { return .success(try await router.route(payload)) } catch { return .failure(error) }
        }
        // A message that cannot be read whole is answered from its header when that can be read.
        let strict = try? Envelope(parsing: payload, limits: limits)
        let request = strict ?? Envelope.header(salvagedFrom: payload, limits: limits).map { Envelope(header: $0) }
        switch outcome {
        case .failure(.notAnEnvelope):
            check(request == nil, "the router refused an envelope as not an envelope")
        case .failure(.cannotAnswer):
            guard let request else { return check(false, "cannotAnswer for something that is not an envelope") }
            let echoable = ["name", "target", "requestId"].allSatisfy { request.headerString($0) != nil }
            check(!echoable, "cannotAnswer although name, target and requestId are strings")
        case .success(let answer):
            guard let request else { return check(false, "an answer to something that is not an envelope") }
            let response: Envelope
            do { response = try Envelope(parsing: answer) } catch { return check(false, "the answer is not an envelope: \(error)") }
            check(response.headerString("type") == "cti.response", "the answer is not a cti.response")
            for key in ["name", "target", "requestId"] {
                check(
                    response.headerString(key).map { Array($0.utf8) } == request.headerString(key).map { Array($0.utf8) },
                    "\(key) is not echoed byte for byte")
            }
            let result = response.headerString("result")
            check(result == "SUCCESS" || result == "FAILURE", "result is \(String(describing: result))")
            if result == "FAILURE" { check(response.headerString("errorMessage") != nil, "a FAILURE without errorMessage") }
            if strict == nil { check(result == "FAILURE", "a message that cannot be read was answered SUCCESS") }
        }
    }

    /// What a bridge-side reader makes of the payload: a message it reads must write itself back
    /// to the same message, and write the same bytes again.
    static func checkClientMessage(_ payload: [UInt8], limits: JSONLimits) {
        guard let envelope = try? Envelope(parsing: payload, limits: limits) else { return }
        var issues: [ValidationIssue] = []
        guard let message = ClientMessage(envelope: envelope, issues: &issues) else { return }
        let bytes = message.envelope.serialized()
        guard let again = try? Envelope(parsing: bytes) else { return check(false, "a message wrote invalid JSON") }
        var moreIssues: [ValidationIssue] = []
        guard let reread = ClientMessage(envelope: again, issues: &moreIssues) else {
            return check(false, "a message does not read back: \(moreIssues)")
        }
        check(reread == message, "a message changed on a round trip")
        check(reread.envelope.serialized() == bytes, "a message's bytes changed on a second round trip")
    }

    // MARK: Support

    final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// Runs `work` to completion from the synchronous fuzz callback. The task starts on this
    /// thread and, as the test handler never suspends, usually ends before `Task.immediate`
    /// returns: every allocation of the input is then freed within it, so libFuzzer's per-input
    /// leak check stays cheap.
    static func blocking<T>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.immediate {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() {
            var text = "FuzzWire invariant broken: \(message())\n"
            text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            abort()
        }
    }
}
