import Testing
@testable import CTIRuntime

@Suite("JSONParser rejects invalid documents with reason and offset")
struct JSONParserRejectTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: [UInt8]
        let reason: JSONParseError.Reason
        let offset: Int
        var testDescription: String { String(decoding: input, as: UTF8.self).debugDescription }

        init(_ input: String, _ reason: JSONParseError.Reason, at offset: Int) {
            self.init(bytes: utf8(input), reason, at: offset)
        }

        init(bytes: [UInt8], _ reason: JSONParseError.Reason, at offset: Int) {
            self.input = bytes
            self.reason = reason
            self.offset = offset
        }
    }

    static func byte(_ character: Unicode.Scalar) -> JSONParseError.Reason {
        .unexpectedByte(UInt8(ascii: character))
    }

    static let structure: [Case] = [
        Case("", .unexpectedEnd, at: 0),
        Case("   ", .unexpectedEnd, at: 3),
        Case("nul", .unexpectedEnd, at: 3),
        Case("nulx", byte("x"), at: 3),
        Case("tRue", byte("R"), at: 1),
        Case("[", .unexpectedEnd, at: 1),
        Case("[1", .unexpectedEnd, at: 2),
        Case("{", .unexpectedEnd, at: 1),
        Case(#"{"a""#, .unexpectedEnd, at: 4),
        Case(#"{"a":"#, .unexpectedEnd, at: 5),
        Case(#"["a""#, .unexpectedEnd, at: 4),
        Case("[1,]", byte("]"), at: 3),
        Case(#"{"a":1,}"#, byte("}"), at: 7),
        Case("[1,,2]", byte(","), at: 3),
        Case("[1 2]", byte("2"), at: 3),
        Case("[true false]", byte("f"), at: 6),
        Case(#"{"a" 1}"#, byte("1"), at: 5),
        Case(#"{"a":1 "b":2}"#, byte("\""), at: 7),
        Case("{a:1}", byte("a"), at: 1),
        Case("'a'", byte("'"), at: 0),
        Case("1 2", .trailingBytes, at: 2),
        Case("{} x", .trailingBytes, at: 3),
        Case(#"{"a":1}}"#, .trailingBytes, at: 7),
        Case("// comment\n1", byte("/"), at: 0),
        Case("[1]/* comment */", .trailingBytes, at: 3),
        Case("\u{0B}1", .unexpectedByte(0x0B), at: 0),  // vertical tab is not JSON whitespace
        Case("\u{A0}1", .unexpectedByte(0xC2), at: 0),  // nor is a no-break space
        Case(bytes: [0xEF, 0xBB, 0xBF, 0x31], .unexpectedByte(0xEF), at: 0),  // byte order mark
        Case(bytes: [0x80], .unexpectedByte(0x80), at: 0),
        Case(#"{"name":1,"name":2}"#, .duplicateKey("name"), at: 10),
        Case(#"{"a":{"x":1,"x":1}}"#, .duplicateKey("x"), at: 12),
    ]

    static let numbers: [Case] = [
        Case("01", .invalidNumber, at: 1),
        Case("-01", .invalidNumber, at: 2),
        Case("-", .invalidNumber, at: 1),
        Case("1.", .invalidNumber, at: 2),
        Case("1.e3", .invalidNumber, at: 2),
        Case("1e", .invalidNumber, at: 2),
        Case("1e+", .invalidNumber, at: 3),
        Case("[-a]", .invalidNumber, at: 2),
        Case("-Infinity", .invalidNumber, at: 1),
        Case("+1", byte("+"), at: 0),
        Case(".5", byte("."), at: 0),
        Case("NaN", byte("N"), at: 0),
        Case("Infinity", byte("I"), at: 0),
        Case("0x10", .trailingBytes, at: 1),
        Case("1e5.", .trailingBytes, at: 3),
    ]

    static let strings: [Case] = [
        Case(#""abc"#, .unexpectedEnd, at: 4),
        Case(#""\"#, .unexpectedEnd, at: 2),
        Case(#""\u12"#, .unexpectedEnd, at: 5),
        Case(#""a\x""#, .invalidEscape, at: 2),
        Case(#""\U0041""#, .invalidEscape, at: 1),
        Case(#""\u12G4""#, .invalidEscape, at: 1),
        Case(#""\ud800""#, .invalidEscape, at: 1),
        Case(#""\udc00""#, .invalidEscape, at: 1),
        Case(#""\ud800\u0041""#, .invalidEscape, at: 1),
        Case(#""\ud800\n""#, .invalidEscape, at: 1),
        Case(#""\udbff\udbff""#, .invalidEscape, at: 1),
        Case(#""a\ud83d\uZZZZ""#, .invalidEscape, at: 8),
        Case("\"a\tb\"", .controlCharacterInString, at: 2),
        Case("\"\u{0}\"", .controlCharacterInString, at: 1),
        Case("\"\u{1F}\"", .controlCharacterInString, at: 1),
        Case("\"a\\n\u{7}\"", .controlCharacterInString, at: 4),
        Case("\"abcdefghijklmnop\u{1}\"", .controlCharacterInString, at: 17),
        Case("\"abcdefghijklmnop\nq\"", .controlCharacterInString, at: 17),
        Case("\"abc\u{1}defghijklmnopqrstuvwxyz\"", .controlCharacterInString, at: 4),
        Case("\"abcdefghij\tklmnopqrstuvwxyz\"", .controlCharacterInString, at: 11),
        Case(bytes: [0x22, 0xC3, 0x28, 0x22], .invalidUTF8, at: 1),  // missing continuation
        Case(bytes: [0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, at: 1),  // overlong "/"
        Case(bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8, at: 1),  // overlong, 3 bytes
        Case(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: 1),  // encoded surrogate
        Case(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),  // above U+10FFFF
        Case(bytes: [0x22, 0xBF, 0x22], .invalidUTF8, at: 1),  // lone continuation byte
        Case(bytes: [0x22, 0x61, 0xE2, 0x82], .invalidUTF8, at: 2),  // cut by the end of input
        Case(bytes: [0x22, 0x5C, 0x6E, 0xFF, 0x22], .invalidUTF8, at: 3),  // after an escape
        Case(bytes: utf8("\"abcdefghijk") + [0xFF, 0x22], .invalidUTF8, at: 12),
    ]

    @Test(arguments: structure + numbers + strings)
    func rejects(_ testCase: Case) {
        let error = parseError(testCase.input)
        #expect(error == JSONParseError(testCase.reason, offset: testCase.offset))
    }

    @Test func describesTheProblemAndItsOffset() {
        let error = parseError(#"{"na":1,"name":2,"name":3}"#)
        #expect(error == JSONParseError(.duplicateKey("name"), offset: 17))
        #expect(error?.description == #"invalid JSON at byte 17: duplicate key "name""#)
        #expect(parseError("[1,]")?.description == "invalid JSON at byte 3: unexpected byte ']' (0x5D)")
        #expect(parseError("\u{0}")?.description == "invalid JSON at byte 0: unexpected byte 0x00")
        #expect(parseError("")?.description == "invalid JSON at byte 0: unexpected end of input")
        #expect(
            JSONParseError(.tooDeep(limit: 64), offset: 64).description
                == "invalid JSON at byte 64: arrays and objects nested deeper than 64 levels")
    }

    @Test func rejectsADuplicateInALargeObject() {
        // Past 16 members the parser switches from a linear scan to a hash set.
        let members = (0..<40).map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        let prefix = "{" + members + ","
        let input = prefix + "\"key7\":0}"
        #expect(parseError(input) == JSONParseError(.duplicateKey("key7"), offset: prefix.utf8.count))
        #expect(parseError("{" + members + "}") == nil)
    }

    @Test func neverTrapsOnArbitraryBytes() {
        // Random byte soup and random mutations of a valid document must only ever throw.
        var generator = SplitMix64(seed: 7)
        let valid = utf8(#"{"a":[1,-2.5e3,"x\u00e9\ud83d\ude00",true,null],"b":{"c":"d"}}"#)
        var rejected = 0
        for round in 0..<2_000 {
            var input = valid
            if round % 2 == 0 {
                input = (0..<Int(generator.next() % 40)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                for _ in 0..<3 {
                    input[Int(generator.next() % UInt64(input.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            if let error = parseError(input) {
                rejected += 1
                #expect(error.offset >= 0 && error.offset <= input.count)
            }
        }
        #expect(rejected > 1_000)
    }
}
