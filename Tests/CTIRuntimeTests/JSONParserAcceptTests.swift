import Testing
@testable import CTIRuntime

@Suite("JSONParser accepts valid documents")
struct JSONParserAcceptTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: JSONValue
        var testDescription: String { input.debugDescription }

        init(_ input: String, _ expected: JSONValue) {
            self.input = input
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("null", .null),
        Case(" \t\r\n true \n", .bool(true)),
        Case("false", .bool(false)),
        Case("0", number("0")),
        Case("-0", number("-0")),
        Case("1.50", number("1.50")),
        Case("-12.5e+3", number("-12.5e+3")),
        Case("1E-7", number("1E-7")),
        Case("123456789012345678901234567890", number("123456789012345678901234567890")),
        Case(#""""#, .string("")),
        Case(#""a\"b\\c\/d""#, .string("a\"b\\c/d")),
        Case(#""\b\f\n\r\t""#, .string("\u{8}\u{C}\n\r\t")),
        Case(#""\u00e9\u00E9\u0041""#, .string("ééA")),
        Case(#""\ud83d\ude00""#, .string("😀")),
        Case(#""\uD834\uDD1Ex""#, .string("𝄞x")),
        Case(#""😀é中""#, .string("😀é中")),
        Case(#""\u0000""#, .string("\u{0}")),
        Case("\"\u{7F}\"", .string("\u{7F}")),
        Case(#""a long plain string, well past eight bytes""#, .string("a long plain string, well past eight bytes")),
        Case(#""plain prefix then \"escape\" then more plain text""#, .string("plain prefix then \"escape\" then more plain text")),
        Case("[]", .array([])),
        Case("{}", .object(JSONObject())),
        Case(" [ 1 , 2 ] ", [1, 2]),
        Case("[1,[2,[3]],{}]", [1, [2, [3]], .object(JSONObject())]),
        Case(#"{"b":1,"a":{"c":[true,null]}}"#, ["b": 1, "a": ["c": [true, nil]]]),
        Case(#"{ "key" : "value" , "n" : -1 }"#, ["key": "value", "n": -1]),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: Case) throws {
        let value = try JSONParser().parse(testCase.input)
        #expect(value == testCase.expected)
    }

    @Test func keepsMemberOrder() throws {
        let value = try JSONParser().parse(#"{"zeta":1,"alpha":2,"mid":3}"#)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
    }

    @Test func keysDifferingOnlyInNormalisationAreDistinct() throws {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301): equal as Swift strings,
        // different keys in JSON.
        let small = try JSONParser().parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(small.objectValue?.count == 2)
        #expect(small.objectValue?["e\u{301}"] == 2)

        var members = (0..<20).map { "\"k\($0)\":\($0)" }
        members.append("\"\u{E9}\":1")
        members.append("\"e\u{301}\":2")
        let large = try JSONParser().parse("{" + members.joined(separator: ",") + "}")
        #expect(large.objectValue?.count == 22)
        #expect(large.objectValue?["\u{E9}"] == 1)
    }

    @Test func parsesEveryInputKind() throws {
        let parser = JSONParser()
        let text = #"{"a":[1,"x"]}"#
        let expected: JSONValue = ["a": [1, "x"]]
        #expect(try parser.parse(text) == expected)
        #expect(try parser.parse(utf8(text)) == expected)
        #expect(try parser.parse(utf8("xx" + text + "yy")[2..<(2 + text.utf8.count)]) == expected)
        let fromPointer = try utf8(text).withUnsafeBufferPointer { buffer throws(JSONParseError) in
            try parser.parse(buffer)
        }
        #expect(fromPointer == expected)
    }

    @Test func sliceOffsetsCountFromTheSliceStart() {
        let bytes = utf8("[[[ 1 2 ]]]")
        let parser = JSONParser()
        #expect(throws: JSONParseError(.trailingBytes, offset: 3)) {
            try parser.parse(bytes[3..<8])  // " 1 2 "
        }
    }
}
