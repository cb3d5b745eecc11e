import Testing
@testable import CTIRuntime

/// The runtime's speed-ups (found with the benchmarks in Benchmarks/) keep the exact output:
/// the writer's eight-bytes-at-a-time escape scan, envelopes written without an intermediate
/// object, frames written in one buffer, the parser's capacity hint and the GUID check.
@Suite("Fast paths give the same results")
struct FastPathTests {
    /// The writer's output, byte by byte, the way the writer worked before the word-at-a-time scan.
    static func referenceQuoted(_ string: String) -> [UInt8] {
        var output: [UInt8] = [ASCII.quote]
        let hex = Array("0123456789abcdef".utf8)
        for byte in string.utf8 {
            switch byte {
            case ASCII.quote: output += [ASCII.backslash, ASCII.quote]
            case ASCII.backslash: output += [ASCII.backslash, ASCII.backslash]
            case 0x0A: output += utf8("\\n")
            case 0x0D: output += utf8("\\r")
            case 0x09: output += utf8("\\t")
            case 0x08: output += utf8("\\b")
            case 0x0C: output += utf8("\\f")
            case ..<0x20: output += utf8("\\u00") + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(ASCII.quote)
        return output
    }

    @Test func everyEscapeAtEveryPositionOfEveryLength() {
        let specials: [Character] = ["\"", "\\", "\n", "\u{0}", "\u{1F}", " ", "é", "\u{7F}", "😀"]
        for length in 0...20 {
            let plain = String(repeating: "a", count: length)
            #expect(JSONValue.string(plain).serialized() == Self.referenceQuoted(plain))
            for position in 0..<max(length, 1) {
                for special in specials {
                    var characters = Array(plain.isEmpty ? "a" : plain)
                    characters[position] = special
                    let string = String(characters)
                    #expect(JSONValue.string(string).serialized() == Self.referenceQuoted(string), "\(string.debugDescription)")
                }
            }
        }
    }

    @Test func randomStringsMatchTheByteByByteWriter() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "é", "€", "😀"]
        for _ in 0..<500 {
            let length = Int.random(in: 0...40, using: &generator)
            let string = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(JSONValue.string(string).serialized() == Self.referenceQuoted(string))
        }
    }

    static let envelope = Envelope(
        header: ["type": "cti.event", "name": "session.channel.added", "target": "s-\"1\""],
        body: ["endpoint": "4101", "type": "CHAT", "nested": ["list": [1, nil, true]]])

    @Test func envelopeIsWrittenAsTheObjectOfHeaderAndBody() {
        let object: JSONObject = ["header": .object(Self.envelope.header), "body": Self.envelope.body]
        #expect(Self.envelope.serialized() == object.serialized())
        var output = utf8("x")
        Self.envelope.serialized(into: &output)
        #expect(output == utf8("x") + object.serialized())
    }

    @Test(arguments: ByteOrder.allCases)
    func envelopeFramesMatchFramedPayloads(_ order: ByteOrder) throws {
        let encoder = FrameEncoder(options: FramingOptions(byteOrder: order))
        let expected = try encoder.encode(Self.envelope.serialized())
        #expect(try encoder.encode(Self.envelope) == expected)
        var output = utf8("prefix")
        try encoder.encode(Self.envelope, into: &output)
        #expect(output == utf8("prefix") + expected)
    }

    @Test func envelopeOverTheLimitLeavesOutputUnchanged() {
        let encoder = FrameEncoder(options: FramingOptions(maxFrameBytes: 10))
        var output = utf8("kept")
        #expect(throws: FrameError.self) { try encoder.encode(Self.envelope, into: &output) }
        #expect(output == utf8("kept"))
    }

    @Test func objectsOfChangingSizesParseExactly() throws {
        // The capacity hint carries one object's member count to the next; sizes go up and down.
        let text = #"[{"a":1},{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7},{"x":{}},{"a":[{"k":1,"l":2},{"k":3}],"b":null}]"#
        let value = try JSONParser().parse(text)
        #expect(value.serialized() == utf8(text))
        let wide = "{" + (0..<40).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}"
        let many = "[" + wide + "," + Array(repeating: #"{"a":1,"b":2}"#, count: 50).joined(separator: ",") + "]"
        #expect(try JSONParser().parse(many).serialized() == utf8(many))
    }

    @Test func appendedObjectsKeepOrderAndGrowPastTheFirstReservation() {
        var object = JSONObject()
        for index in 0..<20 { object.append(key: "k\(index)", value: .number(JSONNumber(index))) }
        #expect(object.keys == (0..<20).map { "k\($0)" })
        #expect(object["k19"] == .number(JSONNumber(19)))
    }

    @Test func guidCheckRejectsEachWrongByte() {
        let valid = "6f9619ff-8B86-d011-b42d-00CF4FC964FF"
        #expect(RequestID.isGUID(valid))
        #expect(RequestID.isGUID("{" + valid + "}"))
        let characters = Array(valid)
        for position in characters.indices {
            for wrong: Character in ["g", "G", "-", "{", "0", " "] where wrong != characters[position] {
                var changed = characters
                changed[position] = wrong
                let text = String(changed)
                let hyphenSlot = [8, 13, 18, 23].contains(position)
                let expected = hyphenSlot ? false : wrong.isHexDigit
                #expect(RequestID.isGUID(text) == expected, "\(text)")
                #expect(RequestID.isGUID("{" + text + "}") == expected, "{\(text)}")
                #expect(RequestID.isGUID(Substring("x{" + text + "}x").dropFirst().dropLast()) == expected)
            }
        }
        #expect(!RequestID.isGUID("{" + valid))
        #expect(!RequestID.isGUID(valid + "}"))
        #expect(!RequestID.isGUID("(" + valid + ")"))
    }
}
