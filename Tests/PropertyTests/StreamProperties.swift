import CTIMessages
import CTIRuntime
import PropertyBased
import Testing

/// A random stream: valid messages of random types with faults among them (empty frames, frames
/// over the limit, frames that are not UTF-8), perhaps cut off inside its last frame, and a
/// random way to split it into chunks.
struct RandomStream: Sendable, CustomStringConvertible {
    var stream: [UInt8]
    var chunkSizes: [Int]
    var options: FramingOptions
    /// What the decoder must return, in order.
    var expected: [Result<[UInt8], FrameError>]
    /// What `finish()` must return.
    var expectedEnd: FrameError?
    /// The typed messages in the stream, in order.
    var messages: [(type: MessageType, envelope: Envelope)]

    var description: String {
        "\(expected.count) frames, \(stream.count) bytes, chunks \(chunkSizes), limit \(options.maxFrameBytes), end \(String(describing: expectedEnd))"
    }

    static func generator(faults: Bool) -> Generator<RandomStream, Shrink.None<RandomStream>> {
        Generator { rng in make(faults: faults, &rng) }
    }

    static func make(faults: Bool, _ rng: inout some RandomNumberGenerator) -> RandomStream {
        let order: ByteOrder = Bool.random(using: &rng) ? .bigEndian : .littleEndian
        var messages: [(type: MessageType, envelope: Envelope)] = []
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let type = MessageCatalog.all.randomElement(using: &rng)!
            messages.append((type, RandomMessages.envelope(for: type, &rng)))
        }
        let payloads = messages.map { $0.envelope.serialized() }
        let limit = payloads.map(\.count).max()! + Int.random(in: 0...32, using: &rng)
        let options = FramingOptions(byteOrder: order, maxFrameBytes: limit)

        var frames: [(bytes: [UInt8], result: Result<[UInt8], FrameError>)] = payloads.map {
            (frame($0, order: order), .success($0))
        }
        if faults {
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let fault: (bytes: [UInt8], result: Result<[UInt8], FrameError>)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0:
                    fault = (frame([], order: order), .failure(.emptyFrame))
                case 1:
                    let length = limit + Int.random(in: 1...300, using: &rng)
                    let content = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
                    fault = (frame(content, order: order), .failure(.frameTooLarge(length: length, limit: limit)))
                default:
                    var content = payloads.randomElement(using: &rng)!
                    let invalid: [[UInt8]] = [[0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82]]
                    content.insert(contentsOf: invalid.randomElement(using: &rng)!, at: Int.random(in: 0...content.count, using: &rng))
                    content = Array(content.prefix(limit))
                    if String(validating: content, as: UTF8.self) != nil { content[content.count - 1] = 0xFF }
                    fault = (frame(content, order: order), .failure(.invalidUTF8(frameLength: content.count)))
                }
                frames.insert(fault, at: Int.random(in: 0...frames.count, using: &rng))
            }
        }
        var stream = frames.flatMap(\.bytes)
        var expected = frames.map(\.result)
        var expectedEnd: FrameError?
        if Bool.random(using: &rng) {
            // The connection ends inside one more frame.
            let last = frames.randomElement(using: &rng)!.bytes
            let cut = Int.random(in: 1..<last.count, using: &rng)
            stream += last.prefix(cut)
            if cut < 4 {
                expectedEnd = .truncated(expected: 4, received: cut)
            } else {
                let length = last.count - 4
                if length > limit { expected.append(.failure(.frameTooLarge(length: length, limit: limit))) }
                expectedEnd = .truncated(expected: length, received: cut - 4)
            }
        }
        let sizes = RandomMessages.chunkSizes(total: stream.count, &rng)
        return RandomStream(
            stream: stream, chunkSizes: sizes, options: options, expected: expected, expectedEnd: expectedEnd, messages: messages)
    }
}

/// A frame built by hand: the length in `order`, then the content.
func frame(_ content: [UInt8], order: ByteOrder = .bigEndian) -> [UInt8] {
    let length = UInt32(content.count)
    let bigEndian = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) }
    return (order == .bigEndian ? bigEndian : bigEndian.reversed()) + content
}

@Suite struct StreamProperties {
    /// However a stream of frames is split, the same messages come out in the same order.
    @Test func randomChunkingYieldsTheSameMessagesInOrder() async {
        await propertyCheck(count: 300, input: RandomStream.generator(faults: false)) { sample in
            let (results, end) = decodeInChunks(sample.stream, sizes: sample.chunkSizes, options: sample.options)
            #expect(results == sample.expected)
            #expect(end == sample.expectedEnd)
            let payloads = results.compactMap { try? $0.get() }
            let typed = sample.messages.prefix(payloads.count)
            #expect(payloads.count == sample.messages.count)
            for (payload, message) in zip(payloads, typed) {
                guard let envelope = try? Envelope(parsing: payload), case .success(let decoded) = message.type.read(envelope),
                    case .success(let original) = message.type.read(message.envelope)
                else {
                    Issue.record("a \(message.type) did not read back")
                    continue
                }
                #expect(decoded.value == original.value)
            }
        }
    }

    /// Empty frames, frames over the limit and frames that are not UTF-8 are each reported once,
    /// in place, and every frame around them still arrives; a stream cut inside a frame ends in a
    /// truncation error after every complete frame.
    @Test func faultsAreReportedOnceAndLoseNothingAroundThem() async {
        await propertyCheck(count: 300, input: RandomStream.generator(faults: true)) { sample in
            let (results, end) = decodeInChunks(sample.stream, sizes: sample.chunkSizes, options: sample.options)
            #expect(results == sample.expected)
            #expect(end == sample.expectedEnd)
        }
    }

    /// Through the router: every complete frame gets a response or a typed error, in order.
    @Test func everyCompleteFrameGetsAResponseOrATypedError() async throws {
        let router = Router(handler: ExampleClientHandler())
        await propertyCheck(count: 100, input: RandomStream.generator(faults: true)) { sample in
            let (results, _) = decodeInChunks(sample.stream, sizes: sample.chunkSizes, options: sample.options)
            var outcomes = 0
            for result in results {
                switch result {
                case .failure: outcomes += 1
                case .success(let payload):
                    do throws(RoutingError) {
                        let answer = try await router.route(payload)
                        #expect(!answer.isEmpty)
                    } catch {
                        // A typed error: the frame is not a query or request the router can answer.
                        #expect(!error.description.isEmpty)
                    }
                    outcomes += 1
                }
            }
            #expect(outcomes == sample.expected.count)
        }
    }
}
