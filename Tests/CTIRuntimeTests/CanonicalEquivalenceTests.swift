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

    /// A `map` member (`[String: Value]`) whose JSON object holds two canonically equivalent keys
    /// cannot keep both in a Swift dictionary; it reports that rather than lose one silently.
    @Test func aMapKeepsEveryKey() {
        var issues: [ValidationIssue] = []
        let map = [String: Int](json: .object(JSONObject([.init(key: "caf\u{E9}", value: 1), .init(key: "cafe\u{301}", value: 2)])), issues: &issues)
        #expect(map?.count == 2 || !issues.isEmpty, "a member was dropped without an issue")
    }
}
