import Testing
@testable import CTIRuntime

@Suite("JSON parse/serialize round trips")
struct JSONRoundTripTests {
    /// Compact documents in the writer's canonical form come back byte for byte.
    static let canonicalDocuments: [String] = [
        #"{"header":{"type":"cti.request","name":"session.request.close","target":"s1","requestId":"{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"},"body":{}}"#,
        #"[1.50,-0,1E+2,-12.5e-3,123456789012345678901234567890,0.000001,-9223372036854775809]"#,
        #""\"\\\n\r\t\b\f\u0001\u001f/é😀中""#,
        #"{"z":null,"a":[true,false,[],{}],"m":{"k":"v"}}"#,
        #"[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]"#,
        #"{"ünïcödé":"𝄞","":""}"#,
    ]

    @Test(arguments: canonicalDocuments)
    func canonicalTextIsReproducedExactly(_ document: String) throws {
        let value = try JSONParser().parse(document)
        #expect(value.serialized() == utf8(document))
    }

    @Test func nonCanonicalTextIsNormalised() throws {
        let value = try JSONParser().parse(#" { "a" : "\u0041\/\u00e9\ud83d\ude00" , "b" : [ 1 , 2 ] } "#)
        #expect(String(decoding: value.serialized(), as: UTF8.self) == #"{"a":"A/é😀","b":[1,2]}"#)
    }

    static let values: [JSONValue] = [
        .null,
        true,
        .string(String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) })),
        .string("surrogate pairs: 😀 𝄞 🇨🇭, BMP: é 中 ﬀ, combining: e\u{301}"),
        .string(String(repeating: "long text with an escape \" every so often \\ ", count: 50)),
        [number("1.50"), number("-0.0"), number("1e400"), number("-123456789012345678901234567890"), 0, -1],
        .number(JSONNumber(Int.min)),
        .number(JSONNumber(Int.max)),
        .number(JSONNumber(0.1)!),
        .number(JSONNumber(-2.2250738585072014e-308)!),
        .number(JSONNumber(Double.greatestFiniteMagnitude)!),
        ["nested": ["deeper": ["deepest": [[], .object(JSONObject()), ["x": nil]]]], "order": "kept"],
        .object(JSONObject((0..<100).map { JSONObject.Member(key: "key \($0) \u{1}", value: .number(JSONNumber($0))) })),
    ]

    @Test(arguments: values)
    func valueSurvivesSerializeThenParse(_ value: JSONValue) throws {
        let parsed = try JSONParser().parse(value.serialized())
        #expect(parsed == value)
        #expect(parsed.serialized() == value.serialized())
    }

    @Test func numberTextIsPreserved() throws {
        let value = try JSONParser().parse("[1.50,1e2,1E2,-0,0.0]")
        #expect(value.arrayValue?.map { $0.description } == ["1.50", "1e2", "1E2", "-0", "0.0"])
        #expect(value.arrayValue?[0] != number("1.5"))
    }
}
