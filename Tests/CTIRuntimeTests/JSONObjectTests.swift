import Testing
@testable import CTIRuntime

@Suite("JSONObject")
struct JSONObjectTests {
    @Test func literalKeepsOrder() {
        let object: JSONObject = ["z": 1, "a": 2, "m": 3]
        #expect(object.keys == ["z", "a", "m"])
        #expect(object.count == 3)
        #expect(!object.isEmpty)
        #expect(JSONObject().isEmpty)
        #expect(JSONObject().count == 0)
    }

    @Test func subscriptGetsByKey() {
        let object: JSONObject = ["a": 1, "b": nil]
        #expect(object["a"] == 1)
        #expect(object["b"] == .null)
        #expect(object["c"] == nil)
    }

    @Test func settingAnExistingKeyReplacesInPlace() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["b"] == "two")
        #expect(object.count == 3)
    }

    @Test func settingANewKeyAppends() {
        var object: JSONObject = ["a": 1]
        object["new"] = true
        #expect(object.keys == ["a", "new"])
        #expect(object["new"] == true)
    }

    @Test func settingNilRemovesAndNullIsStored() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        object["missing"] = nil
        #expect(object.keys == ["a", "c"])
        object["a"] = .null
        #expect(object["a"] == .null)
        #expect(object.keys == ["a", "c"])
    }

    @Test func appendDoesNotLookForDuplicates() {
        var object = JSONObject()
        object.append(key: "k", value: 1)
        object.append(key: "k", value: 2)
        #expect(object.count == 2)
        #expect(object["k"] == 1)
        #expect(object.index(forKey: "k") == 0)
        #expect(object.index(forKey: "absent") == nil)
    }

    @Test func equalityIsOrderSensitive() {
        let ab: JSONObject = ["a": 1, "b": 2]
        let ba: JSONObject = ["b": 2, "a": 1]
        #expect(ab != ba)
        #expect(ab == JSONObject([.init(key: "a", value: 1), .init(key: "b", value: 2)]))
        #expect(Set([ab, ba, ab]).count == 2)
    }

    @Test func iteratesMembersInOrder() {
        let object: JSONObject = ["x": 1, "y": 2]
        #expect(object.map(\.key) == ["x", "y"])
        #expect(object.map(\.value) == [1, 2])
        #expect(object.members == [.init(key: "x", value: 1), .init(key: "y", value: 2)])
    }

    @Test func keysCompareByBytes() {
        var object: JSONObject = ["\u{E9}": 1]
        #expect(object["e\u{301}"] == nil)
        object["e\u{301}"] = 2
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == 1)
    }
}
