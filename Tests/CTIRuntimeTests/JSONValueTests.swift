import Testing
@testable import CTIRuntime

@Suite("JSONValue literals and accessors")
struct JSONValueTests {
    @Test func literals() {
        let null: JSONValue = nil
        let bool: JSONValue = true
        let int: JSONValue = -12
        let double: JSONValue = 2.5
        let string: JSONValue = "text"
        let array: JSONValue = [1, "a", nil]
        let object: JSONValue = ["b": 1, "a": 2]
        #expect(null == .null)
        #expect(bool == .bool(true))
        #expect(int == .number(JSONNumber(-12)))
        #expect(double == .number(JSONNumber(text: "2.5")!))
        #expect(string == .string("text"))
        #expect(array == .array([.number(JSONNumber(1)), .string("a"), .null]))
        #expect(object.objectValue?.keys == ["b", "a"])
    }

    @Test func accessorsMatchTheirKindOnly() {
        let values: [JSONValue] = [nil, true, 7, "s", [1], ["k": 1]]
        #expect(values.map(\.isNull) == [true, false, false, false, false, false])
        #expect(values.map(\.boolValue) == [nil, true, nil, nil, nil, nil])
        #expect(values.map(\.intValue) == [nil, nil, 7, nil, nil, nil])
        #expect(values.map(\.doubleValue) == [nil, nil, 7.0, nil, nil, nil])
        #expect(values.map(\.stringValue) == [nil, nil, nil, "s", nil, nil])
        #expect(values.map(\.arrayValue) == [nil, nil, nil, nil, [1], nil])
        #expect(values.map(\.objectValue) == [nil, nil, nil, nil, nil, ["k": 1]])
        #expect(values.map(\.kindDescription) == ["null", "boolean", "number", "string", "array", "object"])
    }

    @Test func numericAccessors() {
        #expect(JSONValue.number(JSONNumber(text: "1e3")!).intValue == 1000)
        #expect(JSONValue.number(JSONNumber(text: "1.25")!).intValue == nil)
        #expect(JSONValue.number(JSONNumber(text: "1.25")!).doubleValue == 1.25)
        #expect(JSONValue.string("1").intValue == nil)
    }

    @Test func hashableAcrossKinds() {
        let set: Set<JSONValue> = [nil, false, 0, "", [], ["": nil], 0, "", nil]
        #expect(set.count == 6)
    }
}
