import Testing
@testable import CTIRuntime

/// A frame built by hand (independently of `FrameEncoder`): prefix in `order`, then `content`.
func frame(_ content: [UInt8], order: ByteOrder = .bigEndian, declaredLength: Int? = nil) -> [UInt8] {
    let length = UInt32(declaredLength ?? content.count)
    let bigEndian = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) }
    return (order == .bigEndian ? bigEndian : bigEndian.reversed()) + content
}

/// Everything `next()` returns until it returns nil.
func drain(_ decoder: inout FrameDecoder) -> [Result<[UInt8], FrameError>] {
    var results: [Result<[UInt8], FrameError>] = []
    while let result = decoder.next() {
        results.append(result)
    }
    return results
}

/// Feeds `stream` in chunks of `chunkSize`, draining after each, then finishes.
func decode(
    _ stream: [UInt8], chunkSize: Int, options: FramingOptions = .default
) -> (results: [Result<[UInt8], FrameError>], end: FrameError?) {
    var decoder = FrameDecoder(options: options)
    var results: [Result<[UInt8], FrameError>] = []
    var start = 0
    while start < stream.count {
        let end = min(start + chunkSize, stream.count)
        decoder.append(stream[start..<end])
        results += drain(&decoder)
        start = end
    }
    return (results, decoder.finish())
}

@Suite("FrameDecoder")
struct FrameDecoderTests {
    static let payloads: [[UInt8]] = [
        utf8(#"{"header":{"type":"cti.event"}}"#),
        utf8("x"),
        utf8("\"é😀中\""),
        utf8(String(repeating: "[1,2,3]", count: 40)),
        utf8("{}"),
    ]

    @Test(arguments: ByteOrder.allCases)
    func everyChunkingYieldsTheSameFrames(_ order: ByteOrder) {
        let stream = Self.payloads.flatMap { frame($0, order: order) }
        let options = FramingOptions(byteOrder: order)
        for chunkSize in 1...stream.count {
            let (results, end) = decode(stream, chunkSize: chunkSize, options: options)
            #expect(results.map { try? $0.get() } == Self.payloads, "chunk size \(chunkSize)")
            #expect(end == nil, "chunk size \(chunkSize)")
        }
    }

    @Test func byteOrderOfThePrefix() {
        let content = [UInt8](repeating: UInt8(ascii: "a"), count: 258)
        var big = FrameDecoder(options: FramingOptions(byteOrder: .bigEndian))
        big.append([0, 0, 1, 2] + content)
        #expect(drain(&big).map { try? $0.get() } == [content])

        var little = FrameDecoder(options: FramingOptions(byteOrder: .littleEndian))
        little.append([2, 1, 0, 0] + content)
        #expect(drain(&little).map { try? $0.get() } == [content])

        // The same bytes read with the wrong order announce 0x02010000 bytes: too large.
        var wrong = FrameDecoder(options: FramingOptions(byteOrder: .littleEndian))
        wrong.append([0, 0, 1, 2] + content)
        #expect(wrong.next() == .failure(.frameTooLarge(length: 0x0201_0000, limit: 1 << 20)))
    }

    @Test(arguments: ByteOrder.allCases)
    func oversizedFrameIsReportedOnceAndSkipped(_ order: ByteOrder) {
        let options = FramingOptions(byteOrder: order, maxFrameBytes: 8)
        let big = [UInt8](repeating: UInt8(ascii: "b"), count: 20)
        let stream = frame(utf8("ok1"), order: order) + frame(big, order: order) + frame(utf8("ok2"), order: order)
        for chunkSize in 1...stream.count {
            let (results, end) = decode(stream, chunkSize: chunkSize, options: options)
            #expect(
                results == [.success(utf8("ok1")), .failure(.frameTooLarge(length: 20, limit: 8)), .success(utf8("ok2"))],
                "chunk size \(chunkSize)")
            #expect(end == nil)
        }
    }

    @Test func oversizedContentIsNeverBuffered() {
        var decoder = FrameDecoder(options: FramingOptions(maxFrameBytes: 8))
        decoder.append(frame([], declaredLength: 1_000))
        #expect(decoder.next() == .failure(.frameTooLarge(length: 1_000, limit: 8)))
        #expect(decoder.next() == nil)
        for _ in 0..<10 {
            decoder.append([UInt8](repeating: 0xFF, count: 99))
            #expect(decoder.bufferedByteCount == 0)
            #expect(decoder.next() == nil)
        }
        // 990 bytes dropped so far: the last 10 arrive together with the next frame.
        decoder.append([UInt8](repeating: 0xFF, count: 10) + frame(utf8("next")))
        #expect(decoder.bufferedByteCount == 8)
        #expect(decoder.next() == .success(utf8("next")))
        #expect(decoder.next() == nil)
        #expect(decoder.finish() == nil)
    }

    @Test func emptyFrameIsReportedOnceThenTheNextFrameDecoded() {
        let stream = frame(utf8("a")) + frame([]) + frame(utf8("b"))
        for chunkSize in 1...stream.count {
            let (results, end) = decode(stream, chunkSize: chunkSize)
            #expect(results == [.success(utf8("a")), .failure(.emptyFrame), .success(utf8("b"))])
            #expect(end == nil)
        }
    }

    @Test func invalidUTF8IsReportedOnceThenTheNextFrameDecoded() {
        let stream = frame([0x7B, 0xFF, 0xFE, 0x7D]) + frame(utf8("[1]")) + frame([0xED, 0xA0, 0x80]) + frame(utf8("2"))
        for chunkSize in 1...stream.count {
            let (results, end) = decode(stream, chunkSize: chunkSize)
            #expect(
                results == [
                    .failure(.invalidUTF8(frameLength: 4)), .success(utf8("[1]")),
                    .failure(.invalidUTF8(frameLength: 3)), .success(utf8("2")),
                ])
            #expect(end == nil)
        }
    }

    @Test func truncatedFrameIsReportedByFinishAfterTheCompleteFrames() {
        let stream = frame(utf8("first")) + frame(utf8("second")) + Array(frame(utf8("0123456789"))[0..<7])
        for chunkSize in 1...stream.count {
            var decoder = FrameDecoder()
            var results: [Result<[UInt8], FrameError>] = []
            var start = 0
            while start < stream.count {
                decoder.append(stream[start..<min(start + chunkSize, stream.count)])
                results += drain(&decoder)
                start += chunkSize
            }
            #expect(results == [.success(utf8("first")), .success(utf8("second"))])
            #expect(decoder.bufferedByteCount == 7)
            #expect(decoder.finish() == .truncated(expected: 10, received: 3))
            #expect(decoder.finish() == nil, "reported once")
            #expect(decoder.bufferedByteCount == 0)
        }
    }

    @Test func partialPrefixIsTruncated() {
        var decoder = FrameDecoder()
        decoder.append(frame(utf8("whole")) + [0, 0])
        #expect(drain(&decoder) == [.success(utf8("whole"))])
        #expect(decoder.finish() == .truncated(expected: 4, received: 2))
        #expect(decoder.finish() == nil)
    }

    @Test func streamEndingInsideASkippedFrameIsTruncated() {
        var decoder = FrameDecoder(options: FramingOptions(maxFrameBytes: 8))
        decoder.append(frame([UInt8](repeating: 0x61, count: 10), declaredLength: 1_000))
        #expect(drain(&decoder) == [.failure(.frameTooLarge(length: 1_000, limit: 8))])
        #expect(decoder.finish() == .truncated(expected: 1_000, received: 10))
        #expect(decoder.finish() == nil)
    }

    @Test func finishKeepsCompleteFramesNotYetTaken() {
        var decoder = FrameDecoder()
        decoder.append(frame(utf8("a")) + frame(utf8("b")) + [0, 0, 0, 9, 0x31])
        #expect(decoder.finish() == .truncated(expected: 9, received: 1))
        #expect(drain(&decoder) == [.success(utf8("a")), .success(utf8("b"))])
        #expect(decoder.finish() == nil)
    }

    @Test func emptyStreamFinishesCleanly() {
        var decoder = FrameDecoder()
        #expect(decoder.next() == nil)
        #expect(decoder.finish() == nil)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func acceptsAnySequenceAndRawBuffers() {
        let stream = frame(utf8("seq")) + frame(utf8("raw"))
        var decoder = FrameDecoder()
        decoder.append(stream[0..<7].lazy.map { $0 })  // a non-contiguous sequence
        #expect(drain(&decoder) == [.success(utf8("seq"))])
        stream[7...].withUnsafeBytes { decoder.append($0) }
        #expect(drain(&decoder) == [.success(utf8("raw"))])

        var skipping = FrameDecoder(options: FramingOptions(maxFrameBytes: 2))
        skipping.append(frame(utf8("abc")).prefix(5))
        #expect(drain(&skipping) == [.failure(.frameTooLarge(length: 3, limit: 2))])
        skipping.append(AnySequence(utf8("bc") + frame(utf8("ok"))))  // drops "bc", keeps the frame
        #expect(drain(&skipping) == [.success(utf8("ok"))])
    }

    @Test func manyFramesInSmallChunksKeepTheBufferSmall() {
        // 32-byte frames fed in 961-byte chunks (30 frames and 1 byte): a chunk ends on a
        // frame boundary only every 32nd time, so consumed bytes must be compacted away.
        func payload(_ index: Int) -> [UInt8] {
            let digits = String(index)
            return utf8("{\"frame\":\"" + String(repeating: "0", count: 16 - digits.count) + digits + "\"}")
        }
        var stream: [UInt8] = []
        for index in 0..<20_000 {
            stream += frame(payload(index))
        }
        #expect(stream.count == 20_000 * 32)
        var decoder = FrameDecoder()
        var received = 0
        var largestBuffer = 0
        var largestStorage = 0
        var start = 0
        while start < stream.count {
            decoder.append(stream[start..<min(start + 961, stream.count)])
            largestBuffer = max(largestBuffer, decoder.bufferedByteCount)
            largestStorage = max(largestStorage, decoder.storedByteCount)
            while let result = decoder.next() {
                #expect(result == .success(payload(received)))
                received += 1
            }
            start += 961
        }
        #expect(received == 20_000)
        #expect(largestBuffer < 961 + 32)
        #expect(largestStorage < 8_000, "\(largestStorage)")
        #expect(decoder.finish() == nil)
    }

    @Test func manyFramesInOneAppend() {
        let stream = (0..<1_000).flatMap { frame(utf8("\($0)")) }
        var decoder = FrameDecoder()
        decoder.append(stream)
        let results = drain(&decoder)
        #expect(results.count == 1_000)
        #expect(results.last == .success(utf8("999")))
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func errorDescriptions() {
        #expect(FrameError.frameTooLarge(length: 9, limit: 8).description == "frame of 9 bytes exceeds the limit of 8 bytes; skipped")
        #expect(FrameError.emptyFrame.description == "empty frame (length 0); skipped")
        #expect(FrameError.invalidUTF8(frameLength: 3).description == "frame of 3 bytes is not valid UTF-8; skipped")
        #expect(
            FrameError.truncated(expected: 4, received: 1).description
                == "stream ended inside a frame: expected 4 bytes, received 1")
        #expect(
            FrameError.payloadTooLarge(length: 9, limit: 8).description
                == "payload of 9 bytes exceeds the frame limit of 8 bytes")
    }
}
