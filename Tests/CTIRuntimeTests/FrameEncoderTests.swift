import Testing
@testable import CTIRuntime

@Suite("FrameEncoder")
struct FrameEncoderTests {
    @Test func defaults() {
        #expect(FramingOptions.default.byteOrder == .bigEndian)
        #expect(FramingOptions.default.maxFrameBytes == 1 << 20)
        #expect(ByteOrder.bigEndian.rawValue == "big-endian")
        #expect(ByteOrder(rawValue: "little-endian") == .littleEndian)
    }

    @Test func prefixesTheLengthInTheChosenByteOrder() throws {
        #expect(try FrameEncoder().encode(utf8("hi")) == [0, 0, 0, 2, 0x68, 0x69])
        let little = FrameEncoder(options: FramingOptions(byteOrder: .littleEndian))
        #expect(try little.encode(utf8("hi")) == [2, 0, 0, 0, 0x68, 0x69])
        let content = [UInt8](repeating: 0x61, count: 258)
        #expect(try FrameEncoder().encode(content).prefix(4) == [0, 0, 1, 2])
        #expect(try little.encode(content).prefix(4) == [2, 1, 0, 0])
    }

    @Test func rejectsPayloadsOverTheLimit() throws {
        let encoder = FrameEncoder(options: FramingOptions(maxFrameBytes: 8))
        #expect(try encoder.encode([UInt8](repeating: 0x61, count: 8)).count == 12)
        #expect(throws: FrameError.payloadTooLarge(length: 9, limit: 8)) {
            try encoder.encode([UInt8](repeating: 0x61, count: 9))
        }
        var output = utf8("kept")
        #expect(throws: FrameError.payloadTooLarge(length: 9, limit: 8)) {
            try encoder.encode([UInt8](repeating: 0x61, count: 9), into: &output)
        }
        #expect(output == utf8("kept"))
    }

    @Test func rejectsEmptyPayloads() {
        #expect(throws: FrameError.emptyFrame) {
            try FrameEncoder().encode([])
        }
    }

    @Test func appendsToExistingOutput() throws {
        var output: [UInt8] = [0xAA]
        try FrameEncoder().encode(utf8("a"), into: &output)
        try FrameEncoder().encode(utf8("bc"), into: &output)
        #expect(output == [0xAA, 0, 0, 0, 1, 0x61, 0, 0, 0, 2, 0x62, 0x63])
    }

    @Test(arguments: ByteOrder.allCases)
    func encodesJSONValuesDirectly(_ order: ByteOrder) throws {
        let encoder = FrameEncoder(options: FramingOptions(byteOrder: order))
        let value: JSONValue = ["header": ["type": "cti.event"], "body": [:]]
        var output: [UInt8] = [0xAA]
        try encoder.encode(value, into: &output)
        #expect(output == [0xAA] + (try encoder.encode(value.serialized())))
    }

    @Test func jsonValueOverTheLimitLeavesOutputUnchanged() {
        let encoder = FrameEncoder(options: FramingOptions(maxFrameBytes: 4))
        var output = utf8("kept")
        #expect(throws: FrameError.payloadTooLarge(length: 7, limit: 4)) {
            try encoder.encode(JSONValue.string("abcde"), into: &output)
        }
        #expect(output == utf8("kept"))
    }

    @Test(arguments: ByteOrder.allCases)
    func decoderReadsWhatTheEncoderWrites(_ order: ByteOrder) throws {
        let options = FramingOptions(byteOrder: order)
        let encoder = FrameEncoder(options: options)
        let payloads = (1...50).map { utf8(String(repeating: "é", count: $0 * 37)) }
        var stream: [UInt8] = []
        for payload in payloads {
            try encoder.encode(payload, into: &stream)
        }
        var decoder = FrameDecoder(options: options)
        decoder.append(stream)
        #expect(drain(&decoder).map { try? $0.get() } == payloads)
    }
}
