import Testing
@testable import CTIRuntime

/// JSON tells strings apart by their code points; Swift's `String ==` (and `Dictionary<String, _>`)
/// merges canonically equivalent ones ("é" precomposed and decomposed, KELVIN SIGN and "K"). Where
/// the runtime compares wire strings, it must go by bytes, or a value is lost or changed silently.
@Suite struct CanonicalEquivalenceTests {
    @Test func theParserKeepsEquivalentKeysApart() throws {
        let value = try JSONParser().parse(#"{"caf\u00e9":1,"cafe\u0301":2}"#)
        #expect(value.objectValue?.count == 2)
        #expect(value.serialized() == Array("{\"caf\u{E9}\":1,\"cafe\u{301}\":2}".utf8))
    }

    /// A constant (`header.type`, `header.name`) accepts only the constant's own bytes, not a
    /// canonically equivalent spelling.
    @Test func aConstantMatchesByBytes() {
        var reader = JSONObjectReader(JSONObject([.init(key: "name", value: .string("\u{212A}"))]))
        reader.read("name", equals: "K")
        #expect(reader.issues.map(\.description) == ["name: expected 'K', found '\u{212A}'"])
    }

    /// A member is found by its key's bytes: a canonically equivalent key is another, unknown member.
    @Test func aMemberIsFoundByBytes() {
        var reader = JSONObjectReader(JSONObject([.init(key: "callbac\u{212A}", value: true)]))
        let value: Bool? = reader.readIfPresent("callbacK")
        #expect(value == nil)
        #expect(reader.unreadMembers.keys == ["callbac\u{212A}"])
    }

    /// A `map` member (`JSONMap`) whose JSON object holds two canonically equivalent keys keeps both,
    /// in order, and writes them back byte for byte.
    @Test func aMapKeepsEveryKey() throws {
        let object = JSONObject([.init(key: "caf\u{E9}", value: 1), .init(key: "cafe\u{301}", value: 2)])
        var issues: [ValidationIssue] = []
        let map = try #require(JSONMap<Int>(json: .object(object), issues: &issues))
        #expect(issues.isEmpty)
        #expect(map.values == [1, 2])
        #expect(map["cafe\u{301}"] == 2)
        #expect(map.json(issues: &issues) == .object(object))
    }
}

/// `JSONMap`: the order of a free-form map's members survives a round trip.
@Suite struct JSONMapTests {
    @Test func membersKeepTheirOrderThroughARoundTrip() throws {
        let text = #"{"zulu":{"n":1},"alpha":[true],"mike":"x","bravo":null}"#
        let map = try JSONMap<JSONValue>(jsonText: text)
        #expect(map.keys == ["zulu", "alpha", "mike", "bravo"])
        var issues: [ValidationIssue] = []
        #expect(String(decoding: map.json(issues: &issues).serialized(), as: UTF8.self) == text)
    }

    @Test func editingKeepsTheOrderAndEqualityFollowsIt() {
        var map: JSONMap<Int> = ["b": 2, "a": 1]
        map["c"] = 3
        map["b"] = 20
        map["a"] = nil
        #expect(Array(map.keys) == ["b", "c"])
        #expect(map != ["c": 3, "b": 20])
        #expect(map == ["b": 20, "c": 3])
        #expect(Set([map, ["b": 20, "c": 3]]).count == 1)
    }

    @Test func aBadValueIsReportedWithItsKey() {
        var issues: [ValidationIssue] = []
        #expect(JSONMap<Int>(json: ["a": 1, "b": "two"], issues: &issues) == nil)
        #expect(issues.map(\.description) == ["b: expected integer, found string"])
    }
}
