import Foundation
import Testing
@testable import CTIRuntime

@Suite("JSONValue Codable")
struct JSONValueCodableTests {
    struct Message: Codable, Equatable {
        var id: Int
        var data: JSONValue
        var extra: JSONObject
    }

    @Test func decodesEveryKindThroughJSONDecoder() throws {
        let text = #"{"id":1,"data":[null,true,false,42,-1.5,"s",[],{"k":[1]},12345678901234567890],"extra":{"x":"y"}}"#
        let message = try JSONDecoder().decode(Message.self, from: Data(text.utf8))
        #expect(message.id == 1)
        #expect(message.data == [nil, true, false, 42, -1.5, "s", [], ["k": [1]], number("12345678901234567890")])
        #expect(message.extra == ["x": "y"])
    }

    @Test func encodesThroughJSONEncoder() throws {
        let message = Message(id: 2, data: ["list": [1, 2.5, "x", nil, false]], extra: ["only": true])
        let encoded = try JSONEncoder().encode(message)
        // Parse with our parser and compare content (JSONEncoder does not promise key order).
        let parsed = try JSONParser().parse(Array(encoded))
        #expect(parsed.objectValue?["id"] == 2)
        #expect(parsed.objectValue?["data"] == ["list": [1, 2.5, "x", nil, false]])
        #expect(parsed.objectValue?["extra"] == ["only": true])
    }

    @Test func roundTripsThroughFoundation() throws {
        let message = Message(id: 3, data: ["a": ["b": [true, nil, "é😀\n"]]], extra: [:])
        let decoded = try JSONDecoder().decode(Message.self, from: try JSONEncoder().encode(message))
        #expect(decoded == message)
    }

    @Test func numberEncodingKeepsIntegersExact() throws {
        let values: JSONValue = [number("9223372036854775807"), number("18446744073709551615"), number("1e2"), number("-7")]
        let encoded = try JSONEncoder().encode(values)
        #expect(String(decoding: encoded, as: UTF8.self) == "[9223372036854775807,18446744073709551615,100,-7]")
    }

    @Test func unrepresentableNumberFailsToEncode() {
        #expect(throws: EncodingError.self) {
            try JSONEncoder().encode(number("1e400"))
        }
    }
}
