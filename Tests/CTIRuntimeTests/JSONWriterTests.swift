import Testing
@testable import CTIRuntime

@Suite("JSON writer output bytes")
struct JSONWriterTests {
    func text(_ value: JSONValue) -> String {
        String(decoding: value.serialized(), as: UTF8.self)
    }

    @Test func scalars() {
        #expect(text(.null) == "null")
        #expect(text(true) == "true")
        #expect(text(false) == "false")
        #expect(text(number("1.50")) == "1.50")
        #expect(text(number("-0")) == "-0")
        #expect(text(number("1E+2")) == "1E+2")
        #expect(text(42) == "42")
        #expect(text("") == "\"\"")
    }

    @Test func escapesOnlyWhatRFC8259Requires() {
        let value: JSONValue = .string("a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}é😀")
        #expect(value.serialized() == utf8(#""a\"b\\c/d\n\r\t\b\f\u0001\u001f"# + "\u{7F}é😀\""))
    }

    @Test func escapesEveryControlCharacter() {
        let short: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
        let hex = Array("0123456789abcdef")
        for byte in UInt8(0)..<0x20 {
            let expected = short[byte] ?? "\\u00\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            let value = JSONValue.string(String(UnicodeScalar(byte)))
            #expect(text(value) == "\"\(expected)\"", "byte \(byte)")
        }
    }

    @Test func escapesInsideLongRuns() {
        let value = JSONValue.string("first part\u{0}second \"part\" and the end")
        #expect(text(value) == #""first part\u0000second \"part\" and the end""#)
    }

    @Test func compactWithMembersInStoredOrder() {
        let value: JSONValue = ["z": [1, nil, ["b": false, "a": "x"]], "a": [], "m": .object(JSONObject())]
        #expect(text(value) == #"{"z":[1,null,{"b":false,"a":"x"}],"a":[],"m":{}}"#)
    }

    @Test func objectSerialization() {
        var object: JSONObject = ["type": "cti.event"]
        object["name"] = "session.closed"
        #expect(object.serialized() == utf8(#"{"type":"cti.event","name":"session.closed"}"#))
        #expect(object.description == #"{"type":"cti.event","name":"session.closed"}"#)
    }

    @Test func serializedIntoAppends() {
        var output = utf8("prefix:")
        JSONValue.array([1, "a"]).serialized(into: &output)
        let object: JSONObject = ["k": nil]
        object.serialized(into: &output)
        #expect(output == utf8(#"prefix:[1,"a"]{"k":null}"#))
    }

    @Test func escapedKeys() {
        let value: JSONValue = ["line\nbreak \"quoted\"": 1]
        #expect(text(value) == #"{"line\nbreak \"quoted\"":1}"#)
    }

    @Test func descriptionIsTheJSONText() {
        let value: JSONValue = ["a": [1.5, "b"]]
        #expect(value.description == #"{"a":[1.5,"b"]}"#)
    }
}
